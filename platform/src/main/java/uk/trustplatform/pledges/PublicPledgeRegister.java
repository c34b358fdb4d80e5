package uk.trustplatform.pledges;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * What the public may know of a tenant's pledge register: the agencies with a current pledge
 * (name, category, date registered), and whether a badge's code stands for a current, lapsed or
 * withdrawn pledge. Read in the tenant's own transaction, since an anonymous request acts in no
 * tenant. A code that does not exist, or a tenant that is not active, is only "not found".
 */
@Singleton
final class PublicPledgeRegister {

    /** The public register of one tenant. */
    record Register(Tenant tenant, List<Entry> entries) {}

    record Entry(
            String name,
            @Nullable String category,
            @Nullable String categoryLabel,
            LocalDate registeredOn) {}

    enum Result {
        CURRENT,
        LAPSED,
        WITHDRAWN,
        NOT_FOUND
    }

    /** What a badge's verification says; everything but the result is null when not found. */
    record Verification(
            Result result,
            @Nullable String tenantName,
            @Nullable String organisationName,
            @Nullable String pledgeTitle,
            @Nullable LocalDate registeredOn,
            @Nullable LocalDate renewalDueOn,
            @Nullable String verificationUrl) {

        static final Verification NOT_FOUND = new Verification(Result.NOT_FOUND, null, null, null, null, null, null);
    }

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final PledgeRegistrations registrations;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final String publicUrl;
    private final LondonClock clock;

    PublicPledgeRegister(
            TenantDirectory directory,
            TenantTransactions transactions,
            PledgeRegistrations registrations,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            @Value("${trust.public-url}") String publicUrl,
            LondonClock clock) {
        this.clock = clock;
        this.directory = directory;
        this.transactions = transactions;
        this.registrations = registrations;
        this.partners = partners;
        this.configuration = configuration;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The public register of an active tenant, by date registered; null for any other slug. */
    @Nullable
    Register of(String slug) {
        Optional<Tenant> tenant = directory.activeBySlug(slug);
        if (tenant.isEmpty()) {
            return null;
        }
        UUID tenantId = tenant.get().id();
        return transactions.inTenant(tenantId, false, () -> {
            List<PledgeRegistration> current = registrations.current(tenantId, clock.today());
            Map<UUID, PartnerOrganisation> named = partners.published(current.stream()
                    .map(PledgeRegistration::partnerOrganisationId)
                    .toList());
            Map<String, String> labels = configuration.vocabularies().partnerCategories().stream()
                    .collect(Collectors.toMap(VocabulariesContent.Term::code, VocabulariesContent.Term::label));
            List<Entry> entries = current.stream()
                    .map(registration -> {
                        PartnerOrganisation organisation = Objects.requireNonNull(
                                named.get(registration.partnerOrganisationId()), "a pledge's partner is in its tenant");
                        return new Entry(
                                organisation.name(),
                                organisation.category(),
                                organisation.category() == null ? null : labels.get(organisation.category()),
                                Objects.requireNonNull(registration.registeredOn(), "a current pledge is registered"));
                    })
                    .toList();
            return new Register(tenant.get(), entries);
        });
    }

    /** What the badge with this code stands for today; a text that cannot be a code is not looked up. */
    Verification verify(String slug, String code) {
        if (!BadgeCodes.couldBe(code)) {
            return Verification.NOT_FOUND;
        }
        Optional<Tenant> tenant = directory.activeBySlug(slug);
        if (tenant.isEmpty()) {
            return Verification.NOT_FOUND;
        }
        UUID tenantId = tenant.get().id();
        return transactions.inTenant(
                tenantId,
                false,
                () -> registrations
                        .findByBadgeCode(code)
                        .map(registration -> verification(tenant.get(), registration))
                        .orElse(Verification.NOT_FOUND));
    }

    private Verification verification(Tenant tenant, PledgeRegistration registration) {
        PledgeStatus today = registration.statusOn(
                clock.today(), configuration.settings(tenant.id()).renewalNoticeDays());
        Result result =
                today.current() ? Result.CURRENT : today == PledgeStatus.WITHDRAWN ? Result.WITHDRAWN : Result.LAPSED;
        PartnerOrganisation organisation = Objects.requireNonNull(
                partners.published(List.of(registration.partnerOrganisationId()))
                        .get(registration.partnerOrganisationId()),
                "a pledge's partner is in its tenant");
        String title = configuration
                .pledgeEdition(registration.pledgeId())
                .map(edition -> edition.content().title())
                .orElse("Pledge"); // a word, not a type name
        return new Verification(
                result,
                tenant.name(),
                organisation.name(),
                title,
                registration.registeredOn(),
                registration.renewalDueOn(),
                verificationUrl(
                        tenant.slug(),
                        Objects.requireNonNull(registration.badgeCode(), "a registration found by its badge has one")));
    }

    /** The address printed on the badge, where anyone can check it. */
    String verificationUrl(String slug, String code) {
        return publicUrl + "/pledges/" + slug + "/" + code;
    }
}
