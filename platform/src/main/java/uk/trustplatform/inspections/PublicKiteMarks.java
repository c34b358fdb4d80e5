package uk.trustplatform.inspections;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * What the public may know of the kite marks young inspectors awarded: the agency, the service
 * inspected, the day the report awarded it and the day it expires. Never the inspectors, their
 * answers or findings. An expired mark is no longer listed: the public asks whether a service
 * holds one now, and a lapsed audit is no claim the partnership still makes.
 * Read in the tenant's own transaction, since an anonymous request acts in no tenant.
 */
@Singleton
final class PublicKiteMarks {

    record KiteMark(String agencyName, @Nullable String serviceName, LocalDate awardedOn, LocalDate expiresOn) {}

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final Inspections inspections;
    private final PartnerDirectory partners;
    private final LondonClock clock;

    PublicKiteMarks(
            TenantDirectory directory,
            TenantTransactions transactions,
            Inspections inspections,
            PartnerDirectory partners,
            LondonClock clock) {
        this.clock = clock;
        this.directory = directory;
        this.transactions = transactions;
        this.inspections = inspections;
        this.partners = partners;
    }

    /** The kite marks of an active tenant not yet expired today, newest first; null for any other slug. */
    @Nullable
    List<KiteMark> of(String slug) {
        Optional<Tenant> tenant = directory.activeBySlug(slug);
        if (tenant.isEmpty()) {
            return null;
        }
        UUID tenantId = tenant.get().id();
        return transactions.inTenant(tenantId, false, () -> {
            List<Inspection> awarded = inspections.kiteMarks(tenantId, clock.today());
            Map<UUID, PartnerOrganisation> named = partners.published(
                    awarded.stream().map(Inspection::partnerOrganisationId).toList());
            return awarded.stream()
                    // Reported with a kite mark, so with its day and expiry; its foreign key keeps its organisation.
                    .map(inspection -> new KiteMark(
                            Objects.requireNonNull(
                                            named.get(inspection.partnerOrganisationId()), "the organisation inspected")
                                    .name(),
                            inspection.serviceName(),
                            Objects.requireNonNull(inspection.reportedOn(), "a kite mark's report day"),
                            Objects.requireNonNull(inspection.kiteMarkExpiresOn(), "an awarded kite mark's expiry")))
                    .toList();
        });
    }
}
