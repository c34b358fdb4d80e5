package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.World.Persona.BOARD_MEMBER;
import static uk.trustplatform.isolation.World.Persona.PARTNER_INTEGRATION;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestCalendar;

/**
 * Every query and mutation of schema.graphqls, with how to aim it at a world's data and who may.
 * A new operation in the schema fails {@link SchemaCoverageTest} until it is described here, and
 * from then on runs in the isolation suite and the permission matrix.
 */
final class OperationCatalogue {

    private static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);
    private static final String ORGANISATION_FIELDS = "id name organisationIdentifier version category sector statutory"
            + " parent { id name } services { id name } descendants { id name } people { id name email roles }";
    private static final Set<Persona> MEMBERS =
            EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER, PARTNER_LEAD, PARTNER_INTEGRATION);
    private static final Set<Persona> WHOLE_TENANT = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER);
    private static final Set<Persona> ADMINS = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN);
    private static final Set<Persona> ADMINS_AND_LEAD = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD);
    private static final Set<Persona> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS));
    private static final Set<Persona> WORKERS_ON_THE_PLAN =
            EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD, PARTNER_INTEGRATION);
    private static final String PLAN_FIELDS = "id status periodStart framework partnerOrganisation { id name }"
            + " sections { number outcomes { number actions { id description status rag progressUpdates { note } } } }"
            + " progress { total overdue } audits { findings } kiteMark";
    private static final String DOCUMENT = "id key edition status version";
    private static final AtomicInteger YEARS = new AtomicInteger(1990);

    private OperationCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.tenant",
                        world -> new Request(
                                "query ($slug: String!) { tenant(slug: $slug) { id slug name status councils { gssCode } } }",
                                Map.of("slug", world.tenant().slug())),
                        (reply, world) -> reply.data()
                                .path("tenant")
                                .path("slug")
                                .asText()
                                .equals(world.tenant().slug()),
                        EVERYONE),
                new Operation(
                        "Query.partnerships",
                        world -> new Request(
                                "{ partnerships { id slug name kind region councils { gssCode } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug()),
                        EVERYONE),
                new Operation(
                        "Query.tenants",
                        world -> new Request(
                                "{ tenants { id slug name kind region status councils { gssCode } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                new Operation(
                        "Query.viewer",
                        world -> new Request(
                                "{ viewer { authenticated subject roles tenant { slug } partnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of()),
                        (reply, world) -> reply.data().path("viewer").has("roles"),
                        EVERYONE),
                new Operation(
                        "Query.partnerOrganisations",
                        world -> new Request(
                                "{ partnerOrganisations(first: 50) { edges { cursor node { " + ORGANISATION_FIELDS
                                        + " } } pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "Query.node",
                        world -> new Request(
                                "query ($id: ID!) { node(id: $id) { id ... on PartnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of("id", world.agencyId())),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "Mutation.registerPartnerOrganisation",
                        world -> new Request(
                                "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input)"
                                        + " { partnerOrganisation { " + ORGANISATION_FIELDS
                                        + " } userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "name",
                                                "Registered " + System.nanoTime(),
                                                "parentId",
                                                world.agencyId()))),
                        (reply, world) -> reply.data()
                                .path("registerPartnerOrganisation")
                                .path("partnerOrganisation")
                                .has("id"),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Mutation.updatePartnerOrganisation",
                        world -> new Request(
                                "mutation ($input: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $input)"
                                        + " { partnerOrganisation { " + ORGANISATION_FIELDS
                                        + " } userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "id",
                                                world.agencyId(),
                                                "version",
                                                world.versionOf(world.agency()),
                                                "name",
                                                world.agencyMarker() + " Youth Offending Service " + System.nanoTime(),
                                                "parentId",
                                                ""))),
                        (reply, world) -> reply.data()
                                .path("updatePartnerOrganisation")
                                .path("partnerOrganisation")
                                .has("id"),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD)),
                new Operation(
                        "Mutation.onboardTenant",
                        world -> new Request(
                                "mutation ($definition: String!) { onboardTenant(input: { definition: $definition }) { tenant { slug }"
                                        + " created changes userErrors { field message } } }",
                                Map.of("definition", world.definition())),
                        (reply, world) -> reply.data()
                                .path("onboardTenant")
                                .path("tenant")
                                .path("slug")
                                .asText()
                                .equals(world.tenant().slug()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                new Operation(
                        "Mutation.setTenantStatus",
                        world -> new Request(
                                "mutation ($input: SetTenantStatusInput!) { setTenantStatus(input: $input)"
                                        + " { tenant { slug status } userErrors { message } } }",
                                Map.of("input", Map.of("slug", world.tenant().slug(), "status", "ACTIVE"))),
                        (reply, world) -> reply.data()
                                .path("setTenantStatus")
                                .path("tenant")
                                .path("status")
                                .asText()
                                .equals("ACTIVE"),
                        EnumSet.of(PLATFORM_OPERATOR)),
                new Operation(
                        "Mutation.linkIdentityProvider",
                        world -> new Request(
                                "mutation ($input: LinkIdentityProviderInput!) { linkIdentityProvider(input: $input)"
                                        + " { alias userErrors { field message } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "tenantSlug", world.tenant().slug(),
                                                "alias", "idp-" + Long.toString(System.nanoTime(), 36),
                                                "displayName", "Council staff",
                                                "issuer",
                                                        "https://idp.example/"
                                                                + world.tenant().slug(),
                                                "authorizationUrl", "https://idp.example/authorize",
                                                "tokenUrl", "https://idp.example/token",
                                                "clientId", "trust-platform",
                                                "clientSecret", "secret",
                                                "emailDomain", world.tenant().slug() + ".example"))),
                        (reply, world) -> reply.data()
                                .path("linkIdentityProvider")
                                .path("alias")
                                .isTextual(),
                        ADMINS),
                new Operation(
                        "Query.tenantSignIn",
                        world -> new Request(
                                "{ tenantSignIn { emailDomains redirectUriTemplate"
                                        + " identityProviders { alias displayName emailDomain redirectUri } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker()),
                        ADMINS),
                new Operation(
                        "Query.partnerIntegrations",
                        world -> new Request(
                                "{ partnerIntegrations { clientId name registeredAt partnerOrganisation { id name } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        ADMINS),
                new Operation(
                        "Mutation.withdrawPartnerIntegration",
                        world -> new Request(
                                "mutation ($input: WithdrawPartnerIntegrationInput!) {"
                                        + " withdrawPartnerIntegration(input: $input) { clientId userErrors { field message } } }",
                                Map.of("input", Map.of("clientId", world.freshIntegration()))),
                        (reply, world) -> reply.data()
                                .path("withdrawPartnerIntegration")
                                .path("clientId")
                                .isTextual(),
                        ADMINS),
                new Operation(
                        "Mutation.registerPartnerIntegration",
                        world -> new Request(
                                "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input)"
                                        + " { clientId tokenUrl userErrors { field message } } }",
                                Map.of(
                                        "input",
                                        Map.of("partnerOrganisationId", world.agencyId(), "name", "Case system"))),
                        (reply, world) -> reply.data()
                                .path("registerPartnerIntegration")
                                .path("clientId")
                                .isTextual(),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN)),
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
                        "Query.governanceBodies",
                        world -> new Request(
                                "{ governanceBodies { edges { node { id name type version parent { id }"
                                        + " memberships { id role partnerOrganisation { id name } person { id name email } } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker() + " Board"),
                        MEMBERS),
                new Operation(
                        "Query.partnerGaps",
                        world -> new Request(
                                "{ partnerGaps { minimumParticipationChampions withoutStrategicLead { id name }"
                                        + " tooFewChampions { champions partnerOrganisation { id name } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        WHOLE_TENANT),
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
                        "savePartnerPerson",
                        "SavePartnerPersonInput",
                        "partnerPerson",
                        world -> Map.of(
                                "id",
                                world.hierarchy().person(),
                                "version",
                                world.versionOf(
                                        "partner_person", world.hierarchy().person()),
                                "name",
                                world.agencyMarker() + " Champion",
                                "email",
                                "champion-" + world.marker().toLowerCase() + "@agency.example",
                                "roles",
                                List.of("PARTICIPATION_CHAMPION", "STRATEGIC_LEAD")),
                        ADMINS_AND_LEAD),
                save(
                        "removePartnerPerson",
                        "RemovePartnerPersonInput",
                        "removedId",
                        world -> {
                            String person = world.freshPerson();
                            return Map.of("id", person, "version", world.versionOf("partner_person", person));
                        },
                        ADMINS_AND_LEAD),
                save(
                        "invitePartnerLead",
                        "InvitePartnerLeadInput",
                        "username",
                        world -> Map.of("personId", world.hierarchy().person()),
                        ADMINS),
                save(
                        "saveGovernanceBody",
                        "SaveGovernanceBodyInput",
                        "governanceBody",
                        world -> Map.of(
                                "id",
                                world.hierarchy().board(),
                                "version",
                                world.versionOf(
                                        "governance_body", world.hierarchy().board()),
                                "name",
                                world.marker() + " Board",
                                "type",
                                "board"),
                        ADMINS),
                save(
                        "addGovernanceMembership",
                        "AddGovernanceMembershipInput",
                        "governanceBody",
                        world -> Map.of(
                                "governanceBodyId",
                                world.hierarchy().board(),
                                "partnerOrganisationId",
                                world.serviceId(),
                                "role",
                                "Observer"),
                        ADMINS),
                save(
                        "removeGovernanceMembership",
                        "RemoveGovernanceMembershipInput",
                        "governanceBody",
                        world -> Map.of("id", world.freshMembership()),
                        ADMINS),
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
                new Operation(
                        "Query.participationActivities",
                        world -> new Request(
                                "{ participationActivities { edges { cursor node { id title version stage audienceGroups"
                                        + " decisionStage decisionDueOn feedbackDueAfterDecision"
                                        + " quietPeriods { name firstDay lastDay }"
                                        + " partnerOrganisation { id name } feedback { youSaid givenOn } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young carers"),
                        MEMBERS),
                new Operation(
                        "Query.participationCalendar",
                        world -> new Request(
                                "{ participationCalendar(from: \"2026-03-01\", to: \"2026-03-31\") {"
                                        + " quietPeriods { name firstDay lastDay }"
                                        + " activities { activityId title partnerOrganisationName startsOn audienceGroups"
                                        + " quietPeriods { name } }"
                                        + " clashes { audience activities { title } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young carers"),
                        MEMBERS),
                new Operation(
                        "Query.participationSummary",
                        world -> new Request(
                                "{ participationSummary(from: \"2026-01-01\", to: \"2026-12-31\") { activities participants"
                                        + " ended feedbackGiven byLadderRung { rung activities } } }",
                                Map.of()),
                        (reply, world) -> reply.data()
                                        .path("participationSummary")
                                        .path("activities")
                                        .asInt()
                                > 0,
                        MEMBERS),
                new Operation(
                        "Query.youSaidWeDid",
                        world -> new Request(
                                "query ($s: String!) { youSaidWeDid(tenantSlug: $s) { agencyName title purpose"
                                        + " ageBands audienceGroups startsOn endsOn youSaid weDid givenOn } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("The club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveParticipationActivity",
                        "SaveParticipationActivityInput",
                        "participationActivity",
                        world -> Map.of(
                                "id",
                                world.agencyActivity(),
                                "version",
                                world.versionOf("participation_activity", world.agencyActivity()),
                                "title",
                                world.agencyMarker() + " Young carers' survey",
                                "purpose",
                                "To hear what young carers need, and when.",
                                "startsOn",
                                "2026-03-01",
                                "audienceGroups",
                                List.of("young-carers"),
                                "decisionStage",
                                "PLAN",
                                "decisionDueOn",
                                "2026-04-15"),
                        ADMINS_AND_LEAD),
                save(
                        "recordParticipationFeedback",
                        "RecordParticipationFeedbackInput",
                        "participationActivity",
                        world -> Map.of(
                                "id",
                                world.agencyActivity(),
                                "version",
                                world.versionOf("participation_activity", world.agencyActivity()),
                                "youSaid",
                                "Meet after school.",
                                "weDid",
                                "Moved the group to 4pm.",
                                "givenOn",
                                "2026-04-01"),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Query.heardBack",
                        world -> new Request(
                                "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c)"
                                        + " { title youSaid weDid toldOn } }",
                                Map.of("s", world.tenant().slug(), "c", HeardBackCodes.of(world))),
                        (reply, world) -> reply.text()
                                .contains("The club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        "feedbackCode",
                        world -> Map.of("subjectId", world.agencyActivity()),
                        ADMINS_AND_LEAD),
                save(
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        "feedbackCode",
                        world -> Map.of("subjectId", world.agencyActivity(), "version", 0),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Mutation.answerHeardBack",
                        world -> new Request(
                                "mutation ($input: AnswerHeardBackInput!) { answerHeardBack(input: $input)"
                                        + " { answered userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "tenantSlug",
                                                world.tenant().slug(),
                                                "code",
                                                HeardBackCodes.of(world),
                                                "heard",
                                                "YES"))),
                        (reply, world) -> reply.data()
                                .path("answerHeardBack")
                                .path("answered")
                                .asBoolean(),
                        EVERYONE),
                new Operation(
                        "Query.emailPreferences",
                        world -> new Request(
                                "query ($link: String!) { emailPreferences(link: $link) { partnershipName"
                                        + " choices { kind description choice required version } } }",
                                Map.of("link", PreferenceLinkCodes.of(world))),
                        (reply, world) -> reply.data()
                                        .path("emailPreferences")
                                        .path("choices")
                                        .size()
                                > 0,
                        EVERYONE),
                save(
                        "setEmailPreferences",
                        "SetEmailPreferencesInput",
                        "emailPreferences",
                        world -> Map.of(
                                "link",
                                PreferenceLinkCodes.of(world),
                                "choices",
                                List.of(Map.of(
                                        "kind", "ACTION_PLAN_RETURNED", "choice", "DAILY_DIGEST", "version", 0))),
                        EVERYONE),
                new Operation(
                        "Query.requiredNotifications",
                        world -> new Request("{ requiredNotifications { kinds version } }", Map.of()),
                        (reply, world) ->
                                reply.data().path("requiredNotifications").has("version"),
                        MEMBERS),
                save(
                        "setRequiredNotifications",
                        "SetRequiredNotificationsInput",
                        "requiredNotifications",
                        world -> Map.of("kinds", List.of("PLEDGE_LAPSED"), "version", 0),
                        ADMINS),
                new Operation(
                        "Query.inspections",
                        world -> new Request(
                                "{ inspections { edges { cursor node { id version status serviceName inspectedOn findings"
                                        + " kiteMarkAwarded reportedOn kiteMarkExpiresOn kiteMarkExpired recordedAt"
                                        + " partnerOrganisation { id name }"
                                        + " inspectors { name ageBand } answers { question questionText answer }"
                                        + " recommendations { number text response respondedOn } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " found the ramp"),
                        MEMBERS),
                new Operation(
                        "Query.publicKiteMarks",
                        world -> new Request(
                                "query ($s: String!) { publicKiteMarks(tenantSlug: $s) { agencyName serviceName awardedOn"
                                        + " expiresOn } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("Youth club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveInspection",
                        "SaveInspectionInput",
                        "inspection",
                        world -> Map.of(
                                "id",
                                world.inspections().agencyDraft(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyDraft()),
                                "inspectedOn",
                                "2026-02-02",
                                "findings",
                                world.agencyMarker() + " found the ramp blocked by bikes."),
                        ADMINS_AND_LEAD),
                save(
                        "reportInspection",
                        "ReportInspectionInput",
                        "inspection",
                        // Withheld: an awarded kite mark would publish the agency's name, marker and all.
                        world -> Map.of(
                                "id",
                                world.inspections().agencyDraft(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyDraft()),
                                "kiteMarkAwarded",
                                false),
                        ADMINS_AND_LEAD),
                save(
                        "respondToRecommendation",
                        "RespondToRecommendationInput",
                        "inspection",
                        world -> Map.of(
                                "id",
                                world.inspections().agencyReported(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyReported()),
                                "number",
                                1,
                                "response",
                                "The times are on the door now.",
                                "respondedOn",
                                TestCalendar.today().toString()),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Query.youthForumRecommendations",
                        world -> new Request(
                                "{ youthForumRecommendations(state: OPEN, asOf: \"2026-12-31\") { edges { cursor node {"
                                        + " id version forum madeOn recommendation addressedTo replyDueOn"
                                        + " overdue(asOf: \"2026-12-31\") partnerOrganisation { id name }"
                                        + " recordedBy { name } reply { text repliedOn outcome reason } recordedAt } }"
                                        + " pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " recommendation"),
                        MEMBERS),
                new Operation(
                        "Query.youthForumRecommendationCounts",
                        world -> new Request(
                                "{ youthForumRecommendationCounts(asOf: \"2026-12-31\") { asOf open overdue answered } }",
                                Map.of()),
                        (reply, world) -> reply.data()
                                        .path("youthForumRecommendationCounts")
                                        .path("overdue")
                                        .asInt()
                                > 0,
                        MEMBERS),
                new Operation(
                        "Query.youthForumsSaidWeDid",
                        world -> new Request(
                                "query ($s: String!) { youthForumsSaidWeDid(tenantSlug: $s) { forum madeOn recommendation"
                                        + " addressedTo reply repliedOn outcome reason } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("The buses in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveYouthForumRecommendation",
                        "SaveYouthForumRecommendationInput",
                        "youthForumRecommendation",
                        world -> Map.of(
                                "id",
                                world.agencyRecommendation(),
                                "version",
                                world.versionOf("youth_forum_recommendation", world.agencyRecommendation()),
                                "forum",
                                "Youth Assembly",
                                "madeOn",
                                "2026-03-01",
                                "recommendation",
                                world.agencyMarker() + " recommendation: a youth worker at the station.",
                                "addressedTo",
                                "PARTNER",
                                "partnerOrganisationId",
                                world.agencyId()),
                        ADMINS_AND_LEAD),
                save(
                        "answerYouthForumRecommendation",
                        "AnswerYouthForumRecommendationInput",
                        "youthForumRecommendation",
                        world -> Map.of(
                                "id",
                                world.agencyRecommendation(),
                                "version",
                                world.versionOf("youth_forum_recommendation", world.agencyRecommendation()),
                                "reply",
                                "A youth worker is at the station on Fridays.",
                                "repliedOn",
                                "2026-04-01",
                                "outcome",
                                "PARTLY_ACCEPTED",
                                "reason",
                                "Fridays only this year."),
                        ADMINS_AND_LEAD),
                subjectCode(
                        "issueFeedbackCode of an inspection",
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        world -> Map.of("subjectId", world.inspections().agencyReported())),
                subjectCode(
                        "withdrawFeedbackCode of an inspection",
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        world -> Map.of("subjectId", world.inspections().agencyReported(), "version", 0)),
                subjectCode(
                        "issueFeedbackCode of a recommendation",
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        world -> Map.of("subjectId", world.agencyRecommendation())),
                subjectCode(
                        "withdrawFeedbackCode of a recommendation",
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        world -> Map.of("subjectId", world.agencyRecommendation(), "version", 0)),
                heardBackOf(
                        "heardBack of an inspection's code",
                        SubjectCodes::ofInspection,
                        world -> "\"about\":\"INSPECTION\",\"title\":\"Youth club in "
                                + world.tenant().slug()),
                heardBackOf(
                        "heardBack of a recommendation's code",
                        SubjectCodes::ofRecommendation,
                        world -> "The buses in " + world.tenant().slug() + " now run until 10pm."),
                new Operation(
                        "Query.actionPlans",
                        world -> new Request(
                                "{ actionPlans { edges { cursor node { " + PLAN_FIELDS + " } } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS),
                new Operation(
                        "Query.actionPlanProgress",
                        world -> new Request(
                                "{ actionPlanProgress(periodStart: 2020, periodEnd: 2021) { byStandard { standard progress { total } }"
                                        + " byPartner { partnerOrganisation { name } actionPlan { id } progress { total } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.auditTrail",
                        world -> new Request(
                                "query ($id: ID) { auditTrail(first: 50, objectId: $id) { edges { node { by action"
                                        + " object { id kind } changes { field before after } } }"
                                        + " pageInfo { hasNextPage endCursor } } }",
                                Map.of("id", world.agencyId())),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER, PARTNER_LEAD)),
                new Operation(
                        "Query.overdueActions",
                        world -> new Request(
                                "{ overdueActions(asOf: \"2100-01-01\") { edges { node { id description dueDate"
                                        + " actionPlan { id } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS),
                save(
                        "startActionPlan",
                        "StartActionPlanInput",
                        "actionPlan",
                        world -> Map.of(
                                "partnerOrganisationId",
                                world.agencyId(),
                                "templateId",
                                world.plans().template()),
                        ADMINS_AND_LEAD),
                save(
                        "saveAction",
                        "SaveActionInput",
                        "action",
                        world -> Map.of(
                                "id",
                                world.plans().agencyAction(),
                                "version",
                                world.versionOf("plan_action", world.plans().agencyAction()),
                                "sectionNumber",
                                "1",
                                "outcomeNumber",
                                "1.1",
                                "description",
                                world.agencyMarker() + " Young inspectors' visits",
                                "dueDate",
                                "2020-06-01",
                                "status",
                                "IN_PROGRESS",
                                "rag",
                                "AMBER"),
                        WORKERS_ON_THE_PLAN),
                save(
                        "removeAction",
                        "RemoveActionInput",
                        "removedId",
                        world -> {
                            String action = world.freshServiceAction();
                            return Map.of("id", action, "version", 0);
                        },
                        ADMINS_AND_LEAD),
                save(
                        "addProgressUpdate",
                        "AddProgressUpdateInput",
                        "action",
                        world -> Map.of(
                                "actionId",
                                world.plans().agencyAction(),
                                "date",
                                "2020-05-01",
                                "note",
                                "Two visits made",
                                "evidenceLinks",
                                List.of("https://example.org/visits")),
                        WORKERS_ON_THE_PLAN),
                save(
                        "submitActionPlan",
                        "ActionPlanDecisionInput",
                        "actionPlan",
                        world -> {
                            world.freshServiceAction();
                            return Map.of(
                                    "id",
                                    world.plans().servicePlan(),
                                    "version",
                                    world.versionOf("action_plan", world.plans().servicePlan()));
                        },
                        ADMINS_AND_LEAD),
                decision("approveActionPlan"),
                decision("returnActionPlan"),
                save(
                        "recordActionPlanAudit",
                        "RecordActionPlanAuditInput",
                        "actionPlan",
                        world -> Map.of(
                                "actionPlanId",
                                world.plans().agencyPlan(),
                                "auditedOn",
                                "2021-03-01",
                                "auditedBy",
                                "Young People's Audit Team",
                                "findings",
                                "Visits are happening.",
                                "kiteMarkAwarded",
                                false),
                        WHOLE_TENANT),
                new Operation(
                        "Query.pledgeRegistrations",
                        world -> new Request(
                                "{ pledgeRegistrations { edges { cursor node { id status signatory signedOn renewalDueOn"
                                        + " badge { code verificationUrl } partnerOrganisation { id name } pledge { title } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "Query.pledgesDueForRenewal",
                        world -> new Request(
                                "{ pledgesDueForRenewal(withinDays: 400) { id status renewalDueOn partnerOrganisation { name } } }",
                                Map.of()),
                        (reply, world) ->
                                reply.data().path("pledgesDueForRenewal").isArray(),
                        WHOLE_TENANT),
                new Operation(
                        "Query.publicPledgeRegister",
                        world -> new Request(
                                "query ($s: String!) { publicPledgeRegister(tenantSlug: $s) { tenant { slug }"
                                        + " entries { name category categoryLabel registeredOn } } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text().contains("Listed Charity"),
                        EVERYONE),
                new Operation(
                        "Query.verifyPledge",
                        world -> new Request(
                                "query ($s: String!, $c: String!) { verifyPledge(tenantSlug: $s, code: $c)"
                                        + " { result organisationName tenantName registeredOn renewalDueOn } }",
                                Map.of(
                                        "s",
                                        world.tenant().slug(),
                                        "c",
                                        world.pledges().listedBadge())),
                        (reply, world) -> reply.data()
                                .path("verifyPledge")
                                .path("result")
                                .asText()
                                .equals("CURRENT"),
                        EVERYONE),
                new Operation(
                        "Query.section11Audits",
                        world -> new Request(
                                "{ section11Audits { edges { node { id round status partnerOrganisation { name }"
                                        + " entries { id criterion rag narrative } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " lead appointed"),
                        MEMBERS),
                save(
                        "invitePartnerToPledge",
                        "InvitePartnerToPledgeInput",
                        "pledgeRegistration",
                        world -> Map.of("partnerOrganisationId", world.agencyId()),
                        ADMINS),
                save(
                        "signPledge",
                        "SignPledgeInput",
                        "pledgeRegistration",
                        world -> World.signature(
                                world.pledges().agencyPledge(),
                                world.versionOf(
                                        "pledge_registration", world.pledges().agencyPledge())),
                        ADMINS_AND_LEAD),
                pledgeTransition("registerPledge", ADMINS),
                save(
                        "renewPledge",
                        "SignPledgeInput",
                        "pledgeRegistration",
                        world -> World.signature(
                                world.pledges().agencyPledge(),
                                world.versionOf(
                                        "pledge_registration", world.pledges().agencyPledge())),
                        ADMINS_AND_LEAD),
                pledgeTransition("withdrawPledge", ADMINS_AND_LEAD),
                save(
                        "startSection11Audit",
                        "StartSection11AuditInput",
                        "section11Audit",
                        world -> Map.of("partnerOrganisationId", world.agencyId(), "round", 2025),
                        ADMINS_AND_LEAD),
                save(
                        "saveSection11Entry",
                        "SaveSection11EntryInput",
                        "section11Entry",
                        world -> Map.of(
                                "id",
                                world.pledges().auditEntry(),
                                "version",
                                world.versionOf(
                                        "section11_entry", world.pledges().auditEntry()),
                                "rag",
                                "GREEN",
                                "narrative",
                                world.agencyMarker() + " lead appointed"),
                        ADMINS_AND_LEAD),
                save(
                        "submitSection11Audit",
                        "Section11TransitionInput",
                        "section11Audit",
                        world -> Map.of(
                                "id",
                                world.pledges().audit(),
                                "version",
                                world.versionOf(
                                        "section11_audit", world.pledges().audit())),
                        ADMINS_AND_LEAD),
                save(
                        "moderateSection11Audit",
                        "ModerateSection11AuditInput",
                        "section11Audit",
                        world -> Map.of(
                                "id",
                                world.pledges().audit(),
                                "version",
                                world.versionOf(
                                        "section11_audit", world.pledges().audit()),
                                "decision",
                                "RETURN",
                                "comment",
                                "Rate every criterion."),
                        WHOLE_TENANT),
                new Operation(
                        "Query.selfAssessments",
                        world -> new Request(
                                "{ selfAssessments(year: 2025) { edges { node { id year status partnerOrganisation { name }"
                                        + " ratings { id standard criterion level evidence } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " asks young people"),
                        MEMBERS),
                new Operation(
                        "Query.ratingScales",
                        world -> new Request("{ ratingScales { code name levels { code label } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug() + " scale"),
                        MEMBERS),
                new Operation(
                        "Query.selfAssessmentOverview",
                        world -> new Request(
                                "{ selfAssessmentOverview(year: 2025, framework: \"world-standards\") { assessed"
                                        + " standards { standard counts { level partners } } notYetAssessed { name } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker() + " Community Health Trust"),
                        WHOLE_TENANT),
                save(
                        "startSelfAssessment",
                        "StartSelfAssessmentInput",
                        "selfAssessment",
                        world -> Map.of(
                                "partnerOrganisationId",
                                world.agencyId(),
                                "year",
                                2025,
                                "framework",
                                "world-standards"),
                        ADMINS_AND_LEAD),
                save(
                        "rateSelfAssessmentStandard",
                        "RateSelfAssessmentStandardInput",
                        "selfAssessmentRating",
                        world -> Map.of(
                                "selfAssessmentId",
                                world.selfAssessments().assessment(),
                                "standard",
                                "1",
                                "criterion",
                                "1.1",
                                "version",
                                world.versionOf(
                                        "self_assessment_rating",
                                        world.selfAssessments().rating()),
                                "level",
                                "ESTABLISHED",
                                "evidence",
                                world.agencyMarker() + " asks young people"),
                        ADMINS_AND_LEAD),
                save(
                        "submitSelfAssessment",
                        "SelfAssessmentTransitionInput",
                        "selfAssessment",
                        world -> Map.of(
                                "id",
                                world.selfAssessments().assessment(),
                                "version",
                                world.versionOf(
                                        "self_assessment",
                                        world.selfAssessments().assessment())),
                        ADMINS_AND_LEAD),
                save(
                        "reviewSelfAssessment",
                        "ReviewSelfAssessmentInput",
                        "selfAssessment",
                        world -> Map.of(
                                "id",
                                world.selfAssessments().assessment(),
                                "version",
                                world.versionOf(
                                        "self_assessment",
                                        world.selfAssessments().assessment()),
                                "decision",
                                "RETURN",
                                "comment",
                                "Rate every criterion."),
                        WHOLE_TENANT),
                // The agency's plan is approved, so the action is refused by the plan's state once access is decided.
                save(
                        "addActionForSelfAssessmentGap",
                        "AddActionForSelfAssessmentGapInput",
                        "action",
                        world -> Map.of(
                                "selfAssessmentId",
                                world.selfAssessments().assessment(),
                                "standard",
                                "1",
                                "criterion",
                                "1.1",
                                "actionPlanId",
                                world.plans().agencyPlan(),
                                "sectionNumber",
                                "1",
                                "outcomeNumber",
                                "1.1",
                                "description",
                                "Ask young people what they want from the service"),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Query.webhookEndpoints",
                        world -> new Request(
                                "{ webhookEndpoints(first: 20) { edges { cursor node { id url description eventKinds"
                                        + " partnerOrganisation { id name } contactEmail status pausedReason"
                                        + " consecutiveFailures createdAt version deliveries(first: 2) { edges { cursor"
                                        + " node { status eventKind eventId subjectId subjectType attempts"
                                        + " lastResponseCode lastError lastAttemptAt nextAttemptAt deliveredAt createdAt } }"
                                        + " pageInfo { hasNextPage endCursor } } } } pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " case system"),
                        ADMINS_AND_LEAD),
                save(
                        "registerWebhookEndpoint",
                        "RegisterWebhookEndpointInput",
                        "endpoint",
                        world -> Map.of(
                                "url",
                                "http://127.0.0.1:9/registered",
                                "eventKinds",
                                List.of("ACTION_PLAN_APPROVED"),
                                "partnerOrganisationId",
                                world.agencyId(),
                                "contactEmail",
                                "systems@agency.example"),
                        ADMINS_AND_LEAD),
                // A second pause or resume is refused by the endpoint's state once access is decided.
                webhookStatus("pauseWebhookEndpoint"),
                webhookStatus("resumeWebhookEndpoint"),
                new Operation(
                        "Mutation.removeWebhookEndpoint",
                        world -> new Request(
                                "mutation ($input: WebhookEndpointVersionInput!) { removeWebhookEndpoint(input: $input)"
                                        + " { removedId userErrors { field message code } } }",
                                Map.of("input", Map.of("id", world.freshWebhook(), "version", 0))),
                        (reply, world) -> reply.data()
                                .path("removeWebhookEndpoint")
                                .path("removedId")
                                .isTextual(),
                        ADMINS_AND_LEAD),
                new Operation(
                        "GET /exports/pledge-register.csv",
                        world -> Request.get("/exports/pledge-register.csv"),
                        (reply, world) -> reply.status() == 200 && reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "GET /exports/action-plans.csv",
                        world -> Request.get("/exports/action-plans.csv"),
                        (reply, world) -> reply.status() == 200
                                && reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS),
                new Operation(
                        "Query.regionalForums",
                        world -> new Request("{ regionalForums { slug name region minimumRecords naming } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.forum()),
                        SIGNED_IN),
                new Operation(
                        "Query.forumComparison",
                        world -> new Request(
                                "query ($f: String!) { forumComparison(forumSlug: $f, period: \"2020-2021\") { forum { slug }"
                                        + " indicators { indicator breakdown median values { authority value records suppressed asOf } } } }",
                                Map.of("f", world.forum())),
                        (reply, world) -> reply.data()
                                .path("forumComparison")
                                .path("forum")
                                .path("slug")
                                .asText()
                                .equals(world.forum()),
                        EnumSet.of(PLATFORM_OPERATOR, Persona.FORUM_ANALYST)),
                new Operation(
                        "Query.benchmarks",
                        world -> new Request(
                                "query ($f: String!) { benchmarks(forumSlug: $f, period: \"2020-2021\") { forum { slug }"
                                        + " indicators { indicator breakdown value records forumMedian forumAuthorities } } }",
                                Map.of("f", world.forum())),
                        (reply, world) -> reply.data()
                                .path("benchmarks")
                                .path("forum")
                                .path("slug")
                                .asText()
                                .equals(world.forum()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.forumSharing",
                        world -> new Request(
                                "{ forumSharing { forum { slug name region minimumRecords naming version } sharing } }",
                                Map.of()),
                        // Forums are the platform's: what is the tenant's own is what it shares with one.
                        (reply, world) -> reply.data()
                                .path("forumSharing")
                                .valueStream()
                                .anyMatch(shared -> shared.path("forum")
                                                .path("slug")
                                                .asText()
                                                .equals(world.forum())
                                        && !shared.path("sharing").isEmpty()),
                        WHOLE_TENANT),
                save(
                        "saveRegionalForum",
                        "SaveRegionalForumInput",
                        "regionalForum",
                        world -> Map.of(
                                "slug",
                                world.forum(),
                                "name",
                                "Forum of " + world.tenant().slug(),
                                "region",
                                "SOUTH_EAST",
                                "minimumRecords",
                                5,
                                "version",
                                world.forumVersion()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                save(
                        "leaveRegionalForum",
                        "ForumMembershipInput",
                        "sharing",
                        world -> Map.of("forumSlug", world.forum(), "indicatorSets", List.of("PARTNERS")),
                        ADMINS),
                save(
                        "joinRegionalForum",
                        "ForumMembershipInput",
                        "sharing",
                        world -> Map.of("forumSlug", world.forum()),
                        ADMINS),
                new Operation(
                        "Mutation.refreshIndicators",
                        world -> new Request(
                                "mutation { refreshIndicators { values userErrors { message } } }", Map.of()),
                        (reply, world) -> reply.data()
                                        .path("refreshIndicators")
                                        .path("values")
                                        .asInt()
                                > 0,
                        ADMINS),
                save(
                        "copyStarterKit",
                        "CopyStarterKitInput",
                        "documents",
                        world -> Map.of("code", "cambridgeshire-charter"),
                        ADMINS));
    }

    /** A step of the agency's pledge through the register, at its current version. */
    private static Operation pledgeTransition(String field, Set<Persona> allowed) {
        return save(
                field,
                "PledgeTransitionInput",
                "pledgeRegistration",
                world -> Map.of(
                        "id",
                        world.pledges().agencyPledge(),
                        "version",
                        world.versionOf("pledge_registration", world.pledges().agencyPledge()),
                        "reason",
                        "The agency has closed."),
                allowed);
    }

    /** A board's decision on the agency's plan: reached whatever state the plan is in, since the state is not a question of access. */
    private static Operation decision(String field) {
        return save(
                field,
                "ActionPlanDecisionInput",
                "actionPlan",
                world -> Map.of(
                        "id",
                        world.plans().agencyPlan(),
                        "version",
                        world.versionOf("action_plan", world.plans().agencyPlan()),
                        "reason",
                        "Please add a second action."),
                WHOLE_TENANT);
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

    /**
     * A mutation on the world's documents. It is reached when the caller was let through: no
     * FORBIDDEN or UNAUTHENTICATED error and no NOT_FOUND user error. The document's own state may
     * still refuse the change (publishing twice, revising again), which is not a question of access.
     */
    private static Operation save(
            String field,
            String inputType,
            String payloadField,
            Function<World, Map<String, Object>> input,
            Set<Persona> allowed) {
        return new Operation(
                "Mutation." + field,
                world -> new Request(
                        "mutation ($input: " + inputType + "!) { " + field
                                + "(input: $input) { userErrors { field message code } } }",
                        Map.of("input", input.apply(world))),
                (reply, world) -> authorized(reply, field),
                allowed);
    }

    /** Pausing or resuming the agency's webhook endpoint at its current version. */
    private static Operation webhookStatus(String field) {
        return save(
                field,
                "WebhookEndpointVersionInput",
                "endpoint",
                world -> Map.of(
                        "id",
                        world.agencyWebhook(),
                        "version",
                        world.versionOf("webhook_endpoint", world.agencyWebhook())),
                ADMINS_AND_LEAD);
    }

    /**
     * Issuing or withdrawing the code of a subject other than an activity: the kind's keeper (a
     * tenant admin; the agency's lead for its inspection and for a recommendation addressed to it).
     */
    private static Operation subjectCode(
            String name, String field, String inputType, Function<World, Map<String, Object>> input) {
        Operation root = save(field, inputType, "feedbackCode", input, ADMINS_AND_LEAD);
        return new Operation(name, root.request(), root.reached(), root.allowed());
    }

    /** Reading what a subject's participants were told, with its code, as anyone may. */
    private static Operation heardBackOf(String name, Function<World, String> code, Function<World, String> told) {
        return new Operation(
                name,
                world -> new Request(
                        "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c) { about title youSaid"
                                + " weDid heldOn toldOn recommendations { number text response respondedOn }"
                                + " kiteMarkAwarded addressedTo outcome reason } }",
                        Map.of("s", world.tenant().slug(), "c", code.apply(world))),
                (reply, world) -> reply.text().contains(told.apply(world)),
                EVERYONE);
    }

    private static boolean authorized(Reply reply, String field) {
        String code = reply.errorCode();
        boolean refused = code.equals("FORBIDDEN") || code.equals("UNAUTHENTICATED");
        boolean hidden = reply.data()
                .path(field)
                .path("userErrors")
                .findValuesAsText("code")
                .contains("NOT_FOUND");
        return !refused
                && !hidden
                && !reply.data().path(field).isMissingNode()
                && !reply.data().path(field).isNull();
    }
}
