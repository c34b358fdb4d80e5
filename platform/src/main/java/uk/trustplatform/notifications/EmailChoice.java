package uk.trustplatform.notifications;

/** How a person wants to hear of one kind of event. */
enum EmailChoice {
    /** An email for each event, soon after it happens. */
    EACH,
    /** One email a day listing the day's events. */
    DAILY_DIGEST,
    /** No email, unless the partnership requires the kind. */
    OFF
}
