package uk.trustplatform.partners;

/** A role a partner's person holds in the partnership (Luton's standards, Medway's champions). */
public enum PartnerRole {
    STRATEGIC_LEAD,
    PARTICIPATION_CHAMPION,
    DESIGNATED_OFFICER,
    LEAD_MEMBER
}
