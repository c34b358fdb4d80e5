package uk.trustplatform.benchmarking;

/**
 * What a forum compares. Each is a count over records (partners, actions, activities, self-assessments)
 * divided by how many records there are: a share, or for champions a number per partner.
 */
enum Indicator {
    /** Partners with a current pledge, of all top-level partners; by category too. */
    PLEDGE_COVERAGE(IndicatorSet.PLEDGES),
    /** Actions complete, of a period's actions. */
    ACTIONS_COMPLETE(IndicatorSet.ACTION_PLANS),
    /** Actions rated green, of a period's actions. */
    ACTIONS_ON_TRACK(IndicatorSet.ACTION_PLANS),
    /** Actions past their due date and not complete, of a period's actions. */
    ACTIONS_OVERDUE(IndicatorSet.ACTION_PLANS),
    /** Actions of each RAG rating (and unrated), of a standard's actions, where templates share a framework. */
    RAG_BY_STANDARD(IndicatorSet.ACTION_PLANS),
    /** Top-level partners with a strategic lead anywhere in their hierarchy. */
    PARTNERS_WITH_STRATEGIC_LEAD(IndicatorSet.PARTNERS),
    /** Participation champions per top-level partner. */
    CHAMPIONS_PER_PARTNER(IndicatorSet.PARTNERS),
    /** Activities that ended in the last twelve months whose participants heard back ("you said, we did"). */
    FEEDBACK_GIVEN(IndicatorSet.PARTICIPATION),
    /**
     * Partners at each level of a built-in scale, of those whose submitted or agreed assessment of a
     * year rates a standard (or criterion) of a framework.
     */
    SELF_ASSESSMENT_LEVELS(IndicatorSet.SELF_ASSESSMENT);

    private final IndicatorSet set;

    Indicator(IndicatorSet set) {
        this.set = set;
    }

    IndicatorSet set() {
        return set;
    }
}
