package uk.trustplatform.benchmarking;

/** The groups of indicators a tenant chooses to share with a forum, each on its own. */
enum IndicatorSet {
    PLEDGES,
    ACTION_PLANS,
    PARTNERS,
    PARTICIPATION,
    SELF_ASSESSMENT
}
