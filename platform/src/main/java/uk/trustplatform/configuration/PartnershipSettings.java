package uk.trustplatform.configuration;

/**
 * Numbers a tenant decides for its partnership.
 *
 * @param minimumParticipationChampions champions each partner should have (Medway asks for three)
 * @param renewalNoticeDays how long before its renewal date a pledge is listed as due
 * @param recommendationReplyDays how long a youth forum's recommendation may wait for its reply
 *     before it is overdue
 * @param kiteMarkValidMonths how long a kite mark young inspectors award holds: it rests on an
 *     annual audit by young people (Cambridgeshire), so 12 months unless the partnership says otherwise
 * @param version increases with every change; zero while the tenant keeps the defaults
 */
public record PartnershipSettings(
        int minimumParticipationChampions,
        int renewalNoticeDays,
        int recommendationReplyDays,
        int kiteMarkValidMonths,
        long version) {

    /** No seed gives a reply time; 90 days reaches a forum that meets three times a year by its next meeting. */
    static final PartnershipSettings DEFAULTS = new PartnershipSettings(1, 60, 90, 12, 0);
}
