package uk.trustplatform.configuration;

/**
 * Numbers a tenant decides for its partnership.
 *
 * @param minimumParticipationChampions champions each partner should have (Medway asks for three)
 * @param renewalNoticeDays how long before its renewal date a pledge is listed as due
 * @param version increases with every change; zero while the tenant keeps the defaults
 */
public record PartnershipSettings(int minimumParticipationChampions, int renewalNoticeDays, long version) {

    static final PartnershipSettings DEFAULTS = new PartnershipSettings(1, 60, 0);
}
