package uk.trustplatform.configuration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.tenancy.CurrentTenant;

/**
 * What is in force in the current transaction's tenant, for the features built on its
 * configuration: the published vocabularies, the settings. Callers have already decided the caller
 * may act; this reads what the tenant has published, which every member may see.
 */
@Singleton
public final class InForceConfiguration {

    /** Enough for every template edition of a few hundred partnerships; the rest are read again. */
    private static final int KEPT_TEMPLATES = 2_000;

    private final DocumentRecords records;
    private final DocumentCodec codec;

    /**
     * The content of template editions that have been in force, by tenant and edition. Such an
     * edition's content never changes (a revision is a new edition), so it is read once, in its own
     * tenant's transaction under row-level security, and keyed by that tenant, so no other tenant's
     * lookup can meet it.
     */
    private final Cache<TenantEdition, ActionPlanTemplateContent> templates =
            Caffeine.newBuilder().maximumSize(KEPT_TEMPLATES).build();

    private final KeepingPartnershipSettings settings;
    private final PlatformVocabularies platform;

    InForceConfiguration(
            DocumentRecords records,
            DocumentCodec codec,
            KeepingPartnershipSettings settings,
            PlatformVocabularies platform) {
        this.records = records;
        this.codec = codec;
        this.settings = settings;
        this.platform = platform;
    }

    /**
     * The terms in force: each list of the tenant's published vocabularies, or the platform's
     * default where the tenant's is empty (partner categories excepted: only the tenant's).
     */
    public VocabulariesContent vocabularies() {
        return platform.inForce(
                        records.findByKindAndStatus(DocumentKind.VOCABULARIES, DocumentStatus.PUBLISHED).stream()
                                .filter(row -> row.partnerOrganisationId() == null)
                                .findFirst()
                                .map(row -> (VocabulariesContent) codec.read(row.kind(), row.content())))
                .terms();
    }

    /** The codes a partner's category may take: the tenant's partner categories (none until it defines some). */
    public List<String> partnerCategories() {
        return vocabularies().partnerCategories().stream()
                .map(VocabulariesContent.Term::code)
                .toList();
    }

    /** The codes a governance body's type may take: the tenant's own, or the platform's if it has none. */
    public List<String> governanceBodyTypes() {
        return vocabularies().governanceBodyTypes().stream()
                .map(VocabulariesContent.Term::code)
                .toList();
    }

    /**
     * The names of the participation structures (youth councils, children in care councils …) of
     * the tenant's published strategies, each once: the tenant's own list
     * of its youth forums.
     */
    public List<String> participationStructures() {
        return records.findByKindAndStatus(DocumentKind.STRATEGY, DocumentStatus.PUBLISHED).stream()
                .filter(row -> row.partnerOrganisationId() == null)
                .map(row -> (StrategyContent) codec.read(row.kind(), row.content()))
                .flatMap(strategy -> strategy.participationStructures().stream())
                .map(StrategyContent.ParticipationStructure::name)
                .distinct()
                .toList();
    }

    /**
     * The settings of a tenant that has saved none: for a query that reads a setting beside other
     * rows (a LEFT JOIN on partnership_settings), so that it does not need a statement of its own.
     */
    public PartnershipSettings defaultSettings() {
        return PartnershipSettings.DEFAULTS;
    }

    public PartnershipSettings settings(UUID tenantId) {
        return settings.current(tenantId);
    }

    /** The tenant's quiet periods, by first day. */
    public List<QuietPeriod> quietPeriods(UUID tenantId) {
        return settings.quietPeriods(tenantId);
    }

    /**
     * An edition of an action-plan template that has been in force (published, or superseded
     * since): what a plan was made from never changes, so its content stays readable.
     */
    public Optional<Edition<ActionPlanTemplateContent>> templateEdition(UUID id) {
        return edition(id, DocumentKind.ACTION_PLAN_TEMPLATE, ActionPlanTemplateContent.class);
    }

    /**
     * The content of a template edition that has been in force, read from the database only the
     * first time: a plan's sections, and the rules its actions are checked against.
     */
    public Optional<ActionPlanTemplateContent> templateContent(UUID id) {
        UUID tenant = CurrentTenant.id().orElseThrow(() -> new IllegalStateException("No tenant is bound"));
        TenantEdition key = new TenantEdition(tenant, id);
        ActionPlanTemplateContent known = templates.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        // An edition not found (or not in force) is not kept.
        Optional<ActionPlanTemplateContent> found = templateEdition(id).map(Edition::content);
        found.ifPresent(content -> templates.put(key, content));
        return found;
    }

    private record TenantEdition(UUID tenant, UUID edition) {}

    /** An edition of the pledge that has been in force: what a partner signed. */
    public Optional<Edition<PledgeContent>> pledgeEdition(UUID id) {
        return edition(id, DocumentKind.PLEDGE, PledgeContent.class);
    }

    /** The tenant's pledge as now published, if it has one. */
    public Optional<Edition<PledgeContent>> pledge() {
        return records.findByKindAndStatus(DocumentKind.PLEDGE, DocumentStatus.PUBLISHED).stream()
                .filter(row -> row.partnerOrganisationId() == null)
                .findFirst()
                .map(row -> new Edition<>(row.id(), true, (PledgeContent) codec.read(row.kind(), row.content())));
    }

    private <T extends DocumentContent> Optional<Edition<T>> edition(UUID id, DocumentKind kind, Class<T> type) {
        return records.findById(id)
                .filter(row -> row.kind() == kind)
                .filter(row -> !row.status().editable())
                .map(row -> new Edition<>(
                        row.id(),
                        row.status() == DocumentStatus.PUBLISHED,
                        type.cast(codec.read(kind, row.content()))));
    }

    /** The published edition of a standards framework, by key. */
    public Optional<StandardsFrameworkContent> framework(String key) {
        return records.findByKindAndKeyAndStatus(DocumentKind.STANDARDS_FRAMEWORK, key, DocumentStatus.PUBLISHED)
                .map(row -> (StandardsFrameworkContent) codec.read(row.kind(), row.content()));
    }

    /**
     * One edition of a document that has been in force.
     *
     * @param inForce true while it is the published edition (a plan may be started from it, a pledge signed)
     */
    public record Edition<T extends DocumentContent>(UUID id, boolean inForce, T content) {}
}
