package uk.trustplatform.tenancy;

/** The nine English regions (ITL1), which regional forums are drawn from. */
public enum Region {
    NORTH_EAST,
    NORTH_WEST,
    YORKSHIRE_AND_THE_HUMBER,
    EAST_MIDLANDS,
    WEST_MIDLANDS,
    EAST_OF_ENGLAND,
    LONDON,
    SOUTH_EAST,
    SOUTH_WEST
}
