package uk.trustplatform.partners;

/** Which part of the economy a partner belongs to. */
public enum Sector {
    PUBLIC,
    VOLUNTARY_AND_COMMUNITY,
    PRIVATE,
    INDEPENDENT
}
