package uk.trustplatform.actionplans;

/** Where a plan is in its workflow: draft → submitted → approved, or returned to the partner. */
enum ActionPlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    /** Actions may be added, removed and rewritten. */
    boolean open() {
        return this == DRAFT || this == RETURNED;
    }
}
