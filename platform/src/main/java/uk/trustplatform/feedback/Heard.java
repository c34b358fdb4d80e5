package uk.trustplatform.feedback;

/** The answers to "Did you hear what happened because of what you said?". */
enum Heard {
    YES,
    NOT_YET,
    NO
}
