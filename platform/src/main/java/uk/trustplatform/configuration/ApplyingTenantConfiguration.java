package uk.trustplatform.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.tenancy.TenantConfiguration;

/**
 * Applies the configuration section of a tenant definition: every document it writes becomes the
 * published edition, unless the edition in force already says exactly the same. The starter kits
 * it names are copied as drafts, never published: a kit is someone else's words until the
 * tenant's admin has made the copy the partnership's own and published it. Runs inside the
 * onboarding transaction, bound to the tenant.
 */
@Singleton
final class ApplyingTenantConfiguration implements TenantConfiguration {

    private static final String[] ROOT = {"definition", "configuration"};
    private static final String REPLY_DAYS = "recommendationReplyDays";
    private static final String VALID_MONTHS = "kiteMarkValidMonths";
    private final DocumentCodec codec;
    private final StarterKits kits;
    private final DocumentRecords records;
    private final EditingDocuments editing;
    private final KeepingPartnershipSettings settings;
    private final LondonClock clock;

    ApplyingTenantConfiguration(
            DocumentCodec codec,
            StarterKits kits,
            DocumentRecords records,
            EditingDocuments editing,
            KeepingPartnershipSettings settings,
            LondonClock clock) {
        this.clock = clock;
        this.codec = codec;
        this.kits = kits;
        this.records = records;
        this.editing = editing;
        this.settings = settings;
    }

    @Override
    public List<UserError> check(JsonNode configuration) {
        List<UserError> problems =
                new ArrayList<>(read(configuration, "the partnership").check());
        JsonNode partnership = configuration.path("partnership");
        if (!partnership.isMissingNode()) {
            problems.addAll(KeepingPartnershipSettings.problems(
                    champions(partnership),
                    noticeDays(partnership),
                    optional(partnership, REPLY_DAYS),
                    optional(partnership, VALID_MONTHS),
                    "definition",
                    "configuration",
                    "partnership"));
            problems.addAll(quietPeriodProblems(partnership));
        }
        return problems;
    }

    @Override
    public List<String> apply(UUID tenantId, String name, JsonNode configuration) {
        List<String> changes = new ArrayList<>();
        for (ConfigurationSection.Entry entry : read(configuration, name).entries()) {
            String key = DocumentKeys.of(entry.content(), null);
            if (entry.basedOn() != null) {
                copyOnce(tenantId, entry, key).ifPresent(changes::add);
                continue;
            }
            Optional<DocumentRecord> inForce =
                    records.findByKindAndKeyAndStatus(entry.kind(), key, DocumentStatus.PUBLISHED);
            if (inForce.isPresent()
                    && codec.read(entry.kind(), inForce.get().content()).equals(entry.content())) {
                continue;
            }
            int edition = records.lastEdition(tenantId, entry.kind().name(), key) + 1;
            DocumentRecord draft = records.save(new DocumentRecord(
                    UUID.randomUUID(),
                    tenantId.toString(),
                    entry.kind(),
                    key,
                    edition,
                    DocumentStatus.DRAFT,
                    null,
                    entry.basedOn(),
                    entry.content().periodStart(),
                    entry.content().periodEnd(),
                    codec.write(entry.content()),
                    null,
                    0));
            editing.publishNow(tenantId, draft);
            changes.add("published " + entry.kind().graphQLType() + " " + key + " edition " + edition);
        }
        JsonNode partnership = configuration.path("partnership");
        if (!partnership.isMissingNode()) {
            changes.addAll(settings.apply(
                    tenantId,
                    champions(partnership),
                    noticeDays(partnership),
                    optional(partnership, REPLY_DAYS),
                    optional(partnership, VALID_MONTHS)));
            if (partnership.has("quietPeriods")) {
                // Checked already: the problems found reading it again are none.
                changes.addAll(settings.applyQuietPeriods(
                        tenantId,
                        QuietPeriods.checked(
                                QuietPeriods.fromDefinition(partnership.path("quietPeriods"), partnershipProblems()))));
            }
        }
        return changes;
    }

    /**
     * The problems of the definition's quiet periods. Left out, the tenant's list stays as it is:
     * its admin keeps the dates year by year, and applying the definition again must not undo that.
     */
    private static List<UserError> quietPeriodProblems(JsonNode partnership) {
        if (!partnership.has("quietPeriods")) {
            return List.of();
        }
        Problems problems = partnershipProblems();
        List<QuietPeriods.Sent> periods = QuietPeriods.fromDefinition(partnership.path("quietPeriods"), problems);
        if (problems.found().isEmpty()) {
            QuietPeriods.check(periods, problems);
        }
        return problems.found();
    }

    /** A kit's document becomes a draft once; after that it is the tenant's to change or leave. */
    private Optional<String> copyOnce(UUID tenantId, ConfigurationSection.Entry entry, String key) {
        if (records.lastEdition(tenantId, entry.kind().name(), key) > 0) {
            return Optional.empty();
        }
        EditingDocuments.Outcome copied =
                editing.create(tenantId, entry.kind(), entry.content(), null, entry.basedOn(), ROOT);
        if (!copied.userErrors().isEmpty()) {
            throw new IllegalStateException("A checked starter kit was refused: " + copied.userErrors());
        }
        return Optional.of(
                "copied " + entry.kind().graphQLType() + " " + key + " from " + entry.basedOn() + " as a draft");
    }

    private static Problems partnershipProblems() {
        return Problems.at("definition", "configuration", "partnership");
    }

    /** Settings the definition leaves out keep the platform's defaults. */
    private static Integer champions(JsonNode partnership) {
        return partnership
                .path("minimumParticipationChampions")
                .asInt(PartnershipSettings.DEFAULTS.minimumParticipationChampions());
    }

    private static Integer noticeDays(JsonNode partnership) {
        return partnership.path("renewalNoticeDays").asInt(PartnershipSettings.DEFAULTS.renewalNoticeDays());
    }

    /** A setting the admin keeps when the definition leaves it out: null then. */
    private static @Nullable Integer optional(JsonNode partnership, String name) {
        return partnership.has(name) ? partnership.path(name).asInt() : null;
    }

    private ConfigurationSection read(JsonNode configuration, String partnership) {
        return ConfigurationSection.read(
                        configuration,
                        codec,
                        code -> kits.section(code, partnership).orElseThrow(),
                        ROOT)
                .withPeriodsFilled(clock.year());
    }
}
