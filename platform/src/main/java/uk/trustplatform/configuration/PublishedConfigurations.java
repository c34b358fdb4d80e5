package uk.trustplatform.configuration;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * What a tenant has published, for anyone: read in a transaction of the tenant's own, since an
 * anonymous request acts in no tenant.
 */
@Singleton
final class PublishedConfigurations {

    /** The published editions of one tenant, by kind. */
    record Published(
            Tenant tenant,
            List<DocumentView> standardsFrameworks,
            List<DocumentView> strategies,
            List<DocumentView> actionPlanTemplates,
            @Nullable DocumentView charter,
            @Nullable DocumentView pledge,
            @Nullable DocumentView vocabularies,
            PlatformVocabularies.TermsInForce termsInForce,
            List<DocumentView> guidance) {}

    /** A library is read by title, as a reader looks for a document. */
    private static final Comparator<DocumentView> BY_TITLE =
            Comparator.comparing(view -> ((GuidanceContent) view.content()).title());

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final DocumentRecords records;
    private final DocumentCodec codec;
    private final PlatformVocabularies platform;

    PublishedConfigurations(
            TenantDirectory directory,
            TenantTransactions transactions,
            DocumentRecords records,
            DocumentCodec codec,
            PlatformVocabularies platform) {
        this.directory = directory;
        this.transactions = transactions;
        this.records = records;
        this.codec = codec;
        this.platform = platform;
    }

    @Nullable
    Published of(String slug, Caller caller) {
        Tenant tenant = directory.visibleBySlug(slug, caller).orElse(null);
        if (tenant == null) {
            return null;
        }
        Map<DocumentKind, List<DocumentView>> byKind = transactions
                .inTenant(
                        tenant.id(),
                        false,
                        () -> records.findByStatusAndPartnerOrganisationIdIsNullOrderByKey(DocumentStatus.PUBLISHED))
                .stream()
                .map(codec::view)
                .collect(Collectors.groupingBy(view -> view.record().kind()));
        DocumentView vocabularies = only(byKind, DocumentKind.VOCABULARIES);
        return new Published(
                tenant,
                byKind.getOrDefault(DocumentKind.STANDARDS_FRAMEWORK, List.of()),
                byKind.getOrDefault(DocumentKind.STRATEGY, List.of()),
                byKind.getOrDefault(DocumentKind.ACTION_PLAN_TEMPLATE, List.of()),
                only(byKind, DocumentKind.CHARTER),
                only(byKind, DocumentKind.PLEDGE),
                vocabularies,
                platform.inForce(Optional.ofNullable(vocabularies).map(view -> (VocabulariesContent) view.content())),
                byKind.getOrDefault(DocumentKind.GUIDANCE, List.of()).stream()
                        .sorted(BY_TITLE)
                        .toList());
    }

    private static @Nullable DocumentView only(Map<DocumentKind, List<DocumentView>> byKind, DocumentKind kind) {
        return byKind.getOrDefault(kind, List.of()).stream().findFirst().orElse(null);
    }
}
