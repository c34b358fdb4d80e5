package uk.trustplatform.pledges;

/** Where a partner's pledge is: invited → signed → registered (badge issued) → renewal due → lapsed; or withdrawn. */
enum PledgeStatus {
    INVITED,
    SIGNED,
    REGISTERED,
    RENEWAL_DUE,
    LAPSED,
    WITHDRAWN;

    /** Still in the register's workflow: not lapsed and not withdrawn. */
    boolean open() {
        return this != LAPSED && this != WITHDRAWN;
    }

    /** The badge stands for a current pledge. */
    boolean current() {
        return this == REGISTERED || this == RENEWAL_DUE;
    }
}
