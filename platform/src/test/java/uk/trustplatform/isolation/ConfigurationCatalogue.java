package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller.Reply;

/** The operations on the tenant's configuration documents: strategies, frameworks, templates, charter, pledge, vocabularies, guidance and starter kits, as the isolation suite and the permission matrix drive them. */
final class ConfigurationCatalogue {

    private static final String DOCUMENT = "id key edition status version";
    private static final AtomicInteger YEARS = new AtomicInteger(1990);

    private ConfigurationCatalogue() {}

    static List<Operation> all() {
        return List.of(
                list(
                        "standardsFrameworks",
                        "name",
                        (reply, world) -> reply.text().contains("World standards"),
                        MEMBERS),
                list("strategies", "title", (reply, world) -> reply.text().contains(world.marker()), MEMBERS),
                list(
                        "actionPlanTemplates",
                        "title",
                        (reply, world) -> reply.text().contains("World template"),
                        MEMBERS),
                list("charters", "title", (reply, world) -> reply.text().contains(world.agencyMarker()), MEMBERS),
                list("pledges", "title", (reply, world) -> reply.text().contains(world.marker()), WHOLE_TENANT),
                list(
                        "guidance",
                        "title sections { heading body { items } }",
                        (reply, world) -> reply.text().contains(world.marker()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.vocabularies",
                        world -> new Request(
                                "{ vocabularies { " + DOCUMENT + " partnerCategories { code label } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.marker()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.charterAdoptions",
                        world -> new Request(
                                "{ charterAdoptions { personalised partnerOrganisation { id } charter { id title } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyId()),
                        MEMBERS),
                new Operation(
                        "Query.publishedConfiguration",
                        world -> new Request(
                                "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { tenant { slug }"
                                        + " standardsFrameworks { " + DOCUMENT
                                        + " name } charter { title } pledge { title } guidance { key title } } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text().contains("World charter"),
                        EVERYONE),
                new Operation(
                        "Query.starterKits",
                        world -> new Request("{ starterKits { code name documents { key status } } }", Map.of()),
                        (reply, world) -> reply.text().contains("hear-by-right"),
                        EVERYONE),
                save(
                        "saveStandardsFramework",
                        "SaveStandardsFrameworkInput",
                        "standardsFramework",
                        world -> Map.of(
                                "standardsFramework",
                                Map.of(
                                        "key",
                                        "fw-" + Long.toString(System.nanoTime(), 36),
                                        "name",
                                        "Another framework",
                                        "standards",
                                        List.of(Map.of("number", "1", "title", "One")))),
                        ADMINS),
                save(
                        "saveStrategy",
                        "SaveStrategyInput",
                        "strategy",
                        world -> Map.of(
                                "id",
                                world.documents().draftStrategy(),
                                "version",
                                world.documentVersion(world.documents().draftStrategy()),
                                "strategy",
                                World.strategy(world.marker())),
                        ADMINS),
                save(
                        "saveActionPlanTemplate",
                        "SaveActionPlanTemplateInput",
                        "actionPlanTemplate",
                        world -> {
                            int year = YEARS.incrementAndGet();
                            return Map.of(
                                    "actionPlanTemplate",
                                    Map.of(
                                            "title",
                                            "Template " + year,
                                            "periodStart",
                                            year,
                                            "periodEnd",
                                            year,
                                            "columns",
                                            List.of(Map.of("key", "outcome", "label", "Outcomes", "type", "TEXT")),
                                            "sections",
                                            List.of(Map.of("number", "1", "title", "Listening"))));
                        },
                        ADMINS),
                save(
                        "saveCharter",
                        "SaveCharterInput",
                        "charter",
                        world -> Map.of(
                                "id",
                                world.documents().agencyCharter(),
                                "version",
                                world.documentVersion(world.documents().agencyCharter()),
                                "charter",
                                World.charter(world.agencyMarker() + " charter")),
                        ADMINS_AND_LEAD),
                save(
                        "savePledge",
                        "SavePledgeInput",
                        "pledge",
                        world -> Map.of(
                                "id",
                                world.documents().draftPledge(),
                                "version",
                                world.documentVersion(world.documents().draftPledge()),
                                "pledge",
                                World.pledge(world.marker())),
                        ADMINS),
                save(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        world -> Map.of(
                                "id",
                                world.documents().draftVocabularies(),
                                "version",
                                world.documentVersion(world.documents().draftVocabularies()),
                                "vocabularies",
                                World.vocabularies(world.marker())),
                        ADMINS),
                save(
                        "saveGuidance",
                        "SaveGuidanceInput",
                        "guidance",
                        world -> Map.of(
                                "id",
                                world.documents().draftGuidance(),
                                "version",
                                world.documentVersion(world.documents().draftGuidance()),
                                "guidance",
                                World.guidance(world.marker())),
                        ADMINS),
                save(
                        "reviseDocument",
                        "ReviseDocumentInput",
                        "document",
                        world -> Map.of("id", world.documents().framework()),
                        ADMINS),
                save(
                        "publishDocument",
                        "PublishDocumentInput",
                        "document",
                        world -> Map.of(
                                "id",
                                world.documents().draftPledge(),
                                "version",
                                world.documentVersion(world.documents().draftPledge())),
                        ADMINS),
                save(
                        "endorseStrategy",
                        "EndorseStrategyInput",
                        "strategy",
                        world -> Map.of(
                                "id", world.documents().draftStrategy(), "partnerOrganisationId", world.agencyId()),
                        ADMINS_AND_LEAD),
                save(
                        "adoptCharter",
                        "AdoptCharterInput",
                        "charterAdoption",
                        world -> Map.of(
                                "charterId",
                                world.documents().charter(),
                                "partnerOrganisationId",
                                world.agencyId(),
                                "personalise",
                                false),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Query.partnershipSettings",
                        world -> new Request(
                                "{ partnershipSettings { minimumParticipationChampions renewalNoticeDays version"
                                        + " recommendationReplyDays kiteMarkValidMonths quietPeriods { name firstDay lastDay } } }",
                                Map.of()),
                        (reply, world) ->
                                reply.data().path("partnershipSettings").has("renewalNoticeDays"),
                        MEMBERS),
                save(
                        "updatePartnershipSettings",
                        "UpdatePartnershipSettingsInput",
                        "partnershipSettings",
                        world -> Map.of(
                                "version",
                                world.settingsVersion(),
                                "minimumParticipationChampions",
                                3,
                                "renewalNoticeDays",
                                45,
                                "kiteMarkValidMonths",
                                24),
                        ADMINS),
                save(
                        "setQuietPeriods",
                        "SetQuietPeriodsInput",
                        "partnershipSettings",
                        world -> Map.of(
                                "version",
                                world.settingsVersion(),
                                "quietPeriods",
                                List.of(World.quietPeriod(world.marker()))),
                        ADMINS),
                save(
                        "copyStarterKit",
                        "CopyStarterKitInput",
                        "documents",
                        world -> Map.of("code", "cambridgeshire-charter"),
                        ADMINS));
    }

    /** A list of a kind of document, reached when the reply shows what {@code reached} looks for. */
    private static Operation list(
            String field, String content, BiPredicate<Reply, World> reached, Set<Persona> allowed) {
        return new Operation(
                "Query." + field,
                world -> new Request(
                        "{ " + field + " { edges { cursor node { " + DOCUMENT + " " + content + " } } } }", Map.of()),
                reached,
                allowed);
    }
}
