package uk.trustplatform.youthforums;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * The answered recommendations of a partnership's youth forums, for its public "You said, we
 * did": read in the tenant's own transaction (an anonymous request acts in no tenant), so only that
 * tenant's rows can come back. The forum by its name, the partner answered for by its name, and
 * nothing of one not yet answered; no person is ever part of a recommendation.
 */
@Singleton
final class PublicRecommendations {

    /** Enough for a page anyone reads; the oldest drop off. */
    static final int NEWEST = 100;

    /** @param addressedTo the partner's name; null when it was addressed to the board */
    record PublicRecommendation(
            String forum,
            LocalDate madeOn,
            String recommendation,
            @Nullable String addressedTo,
            String reply,
            LocalDate repliedOn,
            Recommendation.Outcome outcome,
            @Nullable String reason) {}

    private static final String REPLY_WHOLE =
            "a recommendation answered has its reply whole (recommendation_reply_whole)";

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final Recommendations recommendations;
    private final PartnerDirectory partners;

    PublicRecommendations(
            TenantDirectory directory,
            TenantTransactions transactions,
            Recommendations recommendations,
            PartnerDirectory partners) {
        this.directory = directory;
        this.transactions = transactions;
        this.recommendations = recommendations;
        this.partners = partners;
    }

    /** The answered recommendations of an active tenant, newest reply first; null for any other slug. */
    @Nullable
    List<PublicRecommendation> of(String slug) {
        Optional<Tenant> tenant = directory.activeBySlug(slug);
        if (tenant.isEmpty()) {
            return null;
        }
        UUID tenantId = tenant.get().id();
        return transactions.inTenant(tenantId, false, () -> {
            List<Recommendation> answered = recommendations.answered(tenantId, NEWEST);
            Map<UUID, PartnerOrganisation> addressed = partners.published(answered.stream()
                    .map(Recommendation::addressedToId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList());
            return answered.stream()
                    .map(recommendation -> new PublicRecommendation(
                            recommendation.forum(),
                            recommendation.madeOn(),
                            recommendation.recommendation(),
                            addressedTo(recommendation, addressed),
                            Objects.requireNonNull(recommendation.reply(), REPLY_WHOLE),
                            Objects.requireNonNull(recommendation.repliedOn(), REPLY_WHOLE),
                            Objects.requireNonNull(recommendation.outcome(), REPLY_WHOLE),
                            recommendation.outcomeReason()))
                    .toList();
        });
    }

    private static @Nullable String addressedTo(
            Recommendation recommendation, Map<UUID, PartnerOrganisation> addressed) {
        UUID partner = recommendation.addressedToId();
        return partner == null
                ? null
                : Objects.requireNonNull(
                                addressed.get(partner),
                                "the partner a recommendation is addressed to is kept by its foreign key")
                        .name();
    }
}
