package uk.trustplatform.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A tenant with data in it, made through the API as its admin would: a partner agency with a
 * service below it, and another agency. Every name carries a marker unique to this world, so a
 * response can be searched for anything of it.
 *
 * @param marker in every name of this tenant's data
 * @param agencyMarker in the names of the agency's own records (private to it among partners)
 */
record World(
        TestTenant tenant,
        String marker,
        String agencyMarker,
        UUID agency,
        UUID service,
        UUID otherAgency,
        Documents documents,
        Hierarchy hierarchy,
        Plans plans,
        Pledges pledges,
        String agencyActivity,
        String agencyRecommendation,
        Inspections inspections,
        ApiCaller admin,
        SelfAssessments selfAssessments,
        String agencyWebhook) {

    /**
     * The agency's self-assessment for 2025 against the world's standards, a draft with criterion
     * 1.1 rated (its evidence with the agency's marker).
     */
    record SelfAssessments(String assessment, String rating) {}

    /**
     * Inspections by young inspectors: the agency's draft and its reported one (kite mark withheld,
     * one recommendation awaiting the response), with the agency's marker in their findings; and
     * the listed charity's, reported with the kite mark (no marker: the public reads it), its
     * service named with the tenant's slug.
     */
    record Inspections(String agencyDraft, String agencyReported) {}

    /**
     * The register: the agency's signed pledge (not yet registered, so not public), a listed
     * charity (no marker: the public register shows it to anyone) with a registered pledge and its
     * badge, and the agency's Section 11 audit with one entry rated (with the agency's marker).
     */
    record Pledges(String agencyPledge, String listedCharity, String listedBadge, String audit, String auditEntry) {}

    /**
     * The agency's approved plan for the template's period, with an overdue action (with the
     * agency's marker), and a draft plan of the service below it for calls that need an open plan.
     */
    record Plans(String template, String agencyPlan, String agencyAction, String servicePlan) {}

    /**
     * Who is who in the world's partnership: a champion of the agency (with the agency's marker)
     * and the board (with the world's marker), on which the agency sits through that person.
     */
    record Hierarchy(String person, String board) {}

    /**
     * The world's configuration documents: published ones from its definition (no markers: anyone
     * may read them), drafts made through the API (with the marker), and the agency's personalised
     * charter (with the agency's marker).
     */
    record Documents(
            String framework,
            String charter,
            String draftStrategy,
            String draftPledge,
            String draftVocabularies,
            String agencyCharter,
            String draftGuidance) {}

    static World create(ApiCaller api, String prefix) {
        TestTenant tenant = onboard(api, prefix);
        String marker = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String agencyMarker = marker + "AGENCY";
        ApiCaller admin = api.withToken(token(tenant, Persona.TENANT_ADMIN, null));
        UUID agency = register(admin, Map.of("name", agencyMarker + " Youth Offending Service", "statutory", true));
        UUID service = register(admin, agencyMarker + " Youth Forum Team", agency);
        UUID other = register(admin, marker + " Community Health Trust", null);
        Pledges pledges = pledges(admin, agencyMarker, agency);
        toldParticipants(admin, pledges.listedCharity(), tenant.slug());
        Plans plans = plans(admin, agencyMarker, agency, service);
        forum(api, tenant, admin);
        keepQuietPeriod(admin, marker);
        integration(admin, agency, agencyMarker);
        linkProvider(admin, tenant.slug(), marker);
        return new World(
                tenant,
                marker,
                agencyMarker,
                agency,
                service,
                other,
                documents(admin, marker, agencyMarker, agency),
                hierarchy(admin, marker, agencyMarker, agency),
                plans,
                pledges,
                activity(admin, agencyMarker, agency),
                recommendations(api, tenant, admin, agencyMarker, agency),
                inspections(admin, agencyMarker, agency, pledges.listedCharity(), tenant.slug()),
                admin,
                selfAssessments(admin, agencyMarker, agency),
                webhook(admin, agency, agencyMarker));
    }

    /**
     * Registers a webhook endpoint for the agency (with the agency's marker in its description),
     * posting to a loopback port where nothing listens (the tests' platforms allow loopback
     * receivers, and send nothing unless a test runs the workers); its global id.
     */
    private static String webhook(ApiCaller admin, UUID agency, String agencyMarker) {
        return mutate(
                        admin,
                        "registerWebhookEndpoint",
                        "RegisterWebhookEndpointInput",
                        "endpoint { id }",
                        Map.of(
                                "url",
                                "http://127.0.0.1:9/webhooks",
                                "eventKinds",
                                List.of("ACTION_PLAN_RETURNED", "PLEDGE_SIGNED"),
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency),
                                "contactEmail",
                                "systems@agency.example",
                                "description",
                                agencyMarker + " case system"))
                .path("endpoint")
                .path("id")
                .asText();
    }

    /** A webhook endpoint of the agency registered for one call that removes it, so every call finds one. */
    String freshWebhook() {
        return webhook(admin, agency, agencyMarker);
    }

    private static SelfAssessments selfAssessments(ApiCaller admin, String agencyMarker, UUID agency) {
        String assessment = mutate(
                        admin,
                        "startSelfAssessment",
                        "StartSelfAssessmentInput",
                        "selfAssessment { id }",
                        Map.of(
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency),
                                "year",
                                2025,
                                "framework",
                                "world-standards"))
                .path("selfAssessment")
                .path("id")
                .asText();
        String rating = mutate(
                        admin,
                        "rateSelfAssessmentStandard",
                        "RateSelfAssessmentStandardInput",
                        "selfAssessmentRating { id }",
                        Map.of(
                                "selfAssessmentId",
                                assessment,
                                "standard",
                                "1",
                                "criterion",
                                "1.1",
                                "version",
                                0,
                                "level",
                                "EMERGING",
                                "evidence",
                                agencyMarker + " asks young people"))
                .path("selfAssessmentRating")
                .path("id")
                .asText();
        return new SelfAssessments(assessment, rating);
    }

    private static Inspections inspections(
            ApiCaller admin, String agencyMarker, UUID agency, String charity, String slug) {
        String agencyId = GlobalId.encode("PartnerOrganisation", agency);
        String draft = inspection(admin, agencyId, agencyMarker + " found the ramp blocked.", "Youth club");
        String reported = inspection(admin, agencyId, agencyMarker + " found the times hard to find.", "Youth club");
        report(admin, reported, false);
        report(admin, inspection(admin, charity, "Welcoming and clear.", "Youth club in " + slug), true);
        return new Inspections(draft, reported);
    }

    /** A draft inspection of an organisation's service by two young inspectors, with one recommendation; its global id. */
    private static String inspection(ApiCaller admin, String organisation, String findings, String service) {
        return mutate(
                        admin,
                        "saveInspection",
                        "SaveInspectionInput",
                        "inspection { id }",
                        Map.of(
                                "partnerOrganisationId",
                                organisation,
                                "serviceName",
                                service,
                                "inspectedOn",
                                "2026-02-02",
                                "inspectors",
                                List.of(Map.of("name", "Priya", "ageBand", "Young people")),
                                "answers",
                                List.of(Map.of("question", "accessible", "answer", "Mostly.")),
                                "findings",
                                findings,
                                "recommendations",
                                List.of("Put the opening times on the door.")))
                .path("inspection")
                .path("id")
                .asText();
    }

    private static void report(ApiCaller admin, String inspection, boolean kiteMark) {
        mutate(
                admin,
                "reportInspection",
                "ReportInspectionInput",
                "inspection { id }",
                Map.of("id", inspection, "version", 0, "kiteMarkAwarded", kiteMark));
    }

    /**
     * The Youth Assembly's recommendations: one to the agency recorded by its lead (with the
     * agency's marker), open; and one to the board, answered and so public (no marker, the tenant's
     * slug in the reply). The agency's global id.
     */
    private static String recommendations(
            ApiCaller api, TestTenant tenant, ApiCaller admin, String agencyMarker, UUID agency) {
        String toBoard = mutate(
                        admin,
                        "saveYouthForumRecommendation",
                        "SaveYouthForumRecommendationInput",
                        "youthForumRecommendation { id }",
                        Map.of(
                                "forum",
                                "Youth Assembly",
                                "madeOn",
                                "2025-05-01",
                                "recommendation",
                                "More buses in the evening.",
                                "addressedTo",
                                "BOARD"))
                .path("youthForumRecommendation")
                .path("id")
                .asText();
        mutate(
                admin,
                "answerYouthForumRecommendation",
                "AnswerYouthForumRecommendationInput",
                "youthForumRecommendation { id }",
                Map.of(
                        "id",
                        toBoard,
                        "version",
                        0,
                        "reply",
                        "The buses in " + tenant.slug() + " now run until 10pm.",
                        "repliedOn",
                        "2025-06-01",
                        "outcome",
                        "ACCEPTED"));
        return partnerRecommendation(api.withToken(token(tenant, Persona.PARTNER_LEAD, agency)), agencyMarker, agency);
    }

    /** A recommendation to the agency recorded by its lead (with the agency's marker), open; its global id. */
    private static String partnerRecommendation(ApiCaller lead, String agencyMarker, UUID agency) {
        return mutate(
                        lead,
                        "saveYouthForumRecommendation",
                        "SaveYouthForumRecommendationInput",
                        "youthForumRecommendation { id }",
                        Map.of(
                                "forum",
                                "Youth Assembly",
                                "madeOn",
                                "2026-03-01",
                                "recommendation",
                                agencyMarker + " recommendation: a youth worker at the station.",
                                "addressedTo",
                                "PARTNER",
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency)))
                .path("youthForumRecommendation")
                .path("id")
                .asText();
    }

    /**
     * One more participation activity of the agency and one more open recommendation to it: what
     * the counts of the agency's lead and of the whole tenant then include, and no one else's.
     */
    void growAgency(ApiCaller api) {
        activity(admin, agencyMarker, agency);
        partnerRecommendation(as(api, Persona.PARTNER_LEAD), agencyMarker, agency);
    }

    /** The agency's participation activity (with the agency's marker), aimed at young carers; its global id. */
    private static String activity(ApiCaller admin, String agencyMarker, UUID agency) {
        return mutate(
                        admin,
                        "saveParticipationActivity",
                        "SaveParticipationActivityInput",
                        "participationActivity { id }",
                        Map.of(
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency),
                                "title",
                                agencyMarker + " Young carers' survey",
                                "purpose",
                                "To hear what young carers need from the service.",
                                "startsOn",
                                "2026-03-01",
                                "endsOn",
                                "2026-03-20",
                                "audienceGroups",
                                List.of("young-carers")))
                .path("participationActivity")
                .path("id")
                .asText();
    }

    /** Registers a partner system for the agency (with the agency's marker in its name); its client id. */
    private static String integration(ApiCaller admin, UUID agency, String agencyMarker) {
        return mutate(
                        admin,
                        "registerPartnerIntegration",
                        "RegisterPartnerIntegrationInput",
                        "clientId",
                        Map.of(
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency),
                                "name",
                                agencyMarker + " Case system"))
                .path("clientId")
                .asText();
    }

    /** A partner system registered for one call that withdraws it, so every call finds one. */
    String freshIntegration() {
        return integration(admin, agency, agencyMarker);
    }

    /** Links an identity provider to the tenant, named with the world's marker, as its own admin may. */
    private static void linkProvider(ApiCaller admin, String slug, String marker) {
        mutate(
                admin,
                "linkIdentityProvider",
                "LinkIdentityProviderInput",
                "alias",
                Map.of(
                        "tenantSlug",
                        slug,
                        "alias",
                        marker.toLowerCase(Locale.ROOT),
                        "displayName",
                        marker + " council staff",
                        "issuer",
                        "https://idp.example/" + slug,
                        "authorizationUrl",
                        "https://idp.example/authorize",
                        "tokenUrl",
                        "https://idp.example/token",
                        "clientId",
                        "trust-platform",
                        "clientSecret",
                        "secret",
                        "emailDomain",
                        slug + ".example"));
    }

    /** A quiet period (with the world's marker: every member reads it) during the agency's activity. */
    private static void keepQuietPeriod(ApiCaller admin, String marker) {
        mutate(
                admin,
                "setQuietPeriods",
                "SetQuietPeriodsInput",
                "partnershipSettings { version }",
                Map.of("version", 0, "quietPeriods", List.of(quietPeriod(marker))));
    }

    /** The world's quiet period, as the API takes it. */
    static Map<String, Object> quietPeriod(String marker) {
        return Map.of("name", marker + " exams", "firstDay", "2026-03-10", "lastDay", "2026-03-14");
    }

    /**
     * An activity of the listed charity whose participants were told what was done: public (no
     * marker), on the tenant's "You said, we did", with the tenant's slug in what was done.
     */
    private static void toldParticipants(ApiCaller admin, String charity, String slug) {
        String activity = mutate(
                        admin,
                        "saveParticipationActivity",
                        "SaveParticipationActivityInput",
                        "participationActivity { id }",
                        Map.of(
                                "partnerOrganisationId",
                                charity,
                                "title",
                                "After-school club survey",
                                "purpose",
                                "To hear when young people can come.",
                                "startsOn",
                                "2025-06-02",
                                "endsOn",
                                "2025-06-06",
                                "ageBands",
                                List.of("Young people")))
                .path("participationActivity")
                .path("id")
                .asText();
        mutate(
                admin,
                "recordParticipationFeedback",
                "RecordParticipationFeedbackInput",
                "participationActivity { id }",
                Map.of(
                        "id",
                        activity,
                        "version",
                        0,
                        "youSaid",
                        "Open later in the day.",
                        "weDid",
                        "The club in " + slug + " now opens at 4pm.",
                        "givenOn",
                        "2025-07-01"));
    }

    private static Hierarchy hierarchy(ApiCaller admin, String marker, String agencyMarker, UUID agency) {
        String person = person(
                admin, agency, agencyMarker + " Champion", "champion-" + marker.toLowerCase() + "@agency.example");
        String board = mutate(
                        admin,
                        "saveGovernanceBody",
                        "SaveGovernanceBodyInput",
                        "governanceBody { id }",
                        Map.of("name", marker + " Board", "type", "board"))
                .path("governanceBody")
                .path("id")
                .asText();
        mutate(
                admin,
                "addGovernanceMembership",
                "AddGovernanceMembershipInput",
                "governanceBody { id }",
                Map.of(
                        "governanceBodyId",
                        board,
                        "partnerOrganisationId",
                        GlobalId.encode("PartnerOrganisation", agency),
                        "personId",
                        person,
                        "role",
                        "Member"));
        return new Hierarchy(person, board);
    }

    private static Pledges pledges(ApiCaller admin, String agencyMarker, UUID agency) {
        String agencyPledge = invite(admin, agency);
        sign(admin, agencyPledge);
        UUID charity = register(
                admin,
                Map.of("name", "Listed Charity " + UUID.randomUUID().toString().substring(0, 4)));
        String charityPledge = invite(admin, charity);
        sign(admin, charityPledge);
        String badge = mutate(
                        admin,
                        "registerPledge",
                        "PledgeTransitionInput",
                        "pledgeRegistration { badge { code } }",
                        Map.of("id", charityPledge, "version", 1))
                .path("pledgeRegistration")
                .path("badge")
                .path("code")
                .asText();
        JsonNode audit = mutate(
                        admin,
                        "startSection11Audit",
                        "StartSection11AuditInput",
                        "section11Audit { id entries { id } }",
                        Map.of("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", agency), "round", 2025))
                .path("section11Audit");
        String entry = audit.path("entries").path(0).path("id").asText();
        mutate(
                admin,
                "saveSection11Entry",
                "SaveSection11EntryInput",
                "section11Entry { id }",
                Map.of("id", entry, "version", 0, "rag", "AMBER", "narrative", agencyMarker + " lead appointed"));
        return new Pledges(
                agencyPledge,
                GlobalId.encode("PartnerOrganisation", charity),
                badge,
                audit.path("id").asText(),
                entry);
    }

    private static String invite(ApiCaller admin, UUID organisation) {
        return mutate(
                        admin,
                        "invitePartnerToPledge",
                        "InvitePartnerToPledgeInput",
                        "pledgeRegistration { id }",
                        Map.of("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", organisation)))
                .path("pledgeRegistration")
                .path("id")
                .asText();
    }

    private static void sign(ApiCaller admin, String registration) {
        mutate(admin, "signPledge", "SignPledgeInput", "pledgeRegistration { id }", signature(registration, 0));
    }

    /** A signature block for a registration at a version. */
    static Map<String, Object> signature(String registration, long version) {
        return Map.of(
                "id",
                registration,
                "version",
                version,
                "signatory",
                "Chief Executive",
                "postHeld",
                "Chief Executive",
                "onBehalfOf",
                "The agency",
                "signedOn",
                TestCalendar.today().minusDays(7).toString());
    }

    private static Plans plans(ApiCaller admin, String agencyMarker, UUID agency, UUID service) {
        String template = admin.query("{ actionPlanTemplates { edges { node { id } } } }")
                .data()
                .path("actionPlanTemplates")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asText();
        String agencyPlan = startPlan(admin, agency, template);
        String action = addAction(admin, agencyPlan, agencyMarker + " Young inspectors' visits");
        decide(admin, "submitActionPlan", agencyPlan, 0);
        decide(admin, "approveActionPlan", agencyPlan, 1);
        return new Plans(template, agencyPlan, action, startPlan(admin, service, template));
    }

    private static String startPlan(ApiCaller admin, UUID organisation, String template) {
        return mutate(
                        admin,
                        "startActionPlan",
                        "StartActionPlanInput",
                        "actionPlan { id }",
                        Map.of(
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", organisation),
                                "templateId",
                                template))
                .path("actionPlan")
                .path("id")
                .asText();
    }

    private static String addAction(ApiCaller admin, String plan, String description) {
        return mutate(
                        admin,
                        "saveAction",
                        "SaveActionInput",
                        "action { id }",
                        Map.of(
                                "actionPlanId",
                                plan,
                                "sectionNumber",
                                "1",
                                "outcomeNumber",
                                "1.1",
                                "description",
                                description,
                                "dueDate",
                                "2020-06-01"))
                .path("action")
                .path("id")
                .asText();
    }

    private static void decide(ApiCaller admin, String mutation, String plan, long version) {
        mutate(
                admin,
                mutation,
                "ActionPlanDecisionInput",
                "actionPlan { status }",
                Map.of("id", plan, "version", version, "reason", "Returned for the next call"));
    }

    /**
     * The service's plan, made open (a draft or returned) again if an earlier call moved it on,
     * with an action made for one call that removes it; the action's global id.
     */
    String freshServiceAction() {
        String status = TenantData.query(
                        tenant.id(),
                        "SELECT status FROM action_plan WHERE id = '"
                                + GlobalId.decode(plans.servicePlan())
                                        .orElseThrow()
                                        .uuid() + "'")
                .getFirst();
        if (status.equals("SUBMITTED") || status.equals("APPROVED")) {
            decide(admin, "returnActionPlan", plans.servicePlan(), versionOf("action_plan", plans.servicePlan()));
        }
        return addAction(admin, plans.servicePlan(), agencyMarker + " Service action " + System.nanoTime());
    }

    /** Adds a participation champion to an organisation, as the tenant admin; the person's global id. */
    private static String person(ApiCaller admin, UUID organisation, String name, String email) {
        return mutate(
                        admin,
                        "savePartnerPerson",
                        "SavePartnerPersonInput",
                        "partnerPerson { id }",
                        Map.of(
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", organisation),
                                "name",
                                name,
                                "email",
                                email,
                                "roles",
                                List.of("PARTICIPATION_CHAMPION")))
                .path("partnerPerson")
                .path("id")
                .asText();
    }

    /** A person made for one call that removes or changes them, so every call finds one. */
    String freshPerson() {
        long n = System.nanoTime();
        return person(admin, service, agencyMarker + " Team member " + n, "member-" + n + "@agency.example");
    }

    /** A membership of the board made for one call that ends it. */
    String freshMembership() {
        String person = freshPerson();
        JsonNode body = mutate(
                        admin,
                        "addGovernanceMembership",
                        "AddGovernanceMembershipInput",
                        "governanceBody { memberships { id person { id } } }",
                        Map.of(
                                "governanceBodyId",
                                hierarchy.board(),
                                "partnerOrganisationId",
                                serviceId(),
                                "personId",
                                person))
                .path("governanceBody");
        for (JsonNode membership : body.path("memberships")) {
            if (membership.path("person").path("id").asText().equals(person)) {
                return membership.path("id").asText();
            }
        }
        throw new IllegalStateException("World set-up failed: no membership for " + person + " in " + body);
    }

    private static Documents documents(ApiCaller admin, String marker, String agencyMarker, UUID agency) {
        JsonNode published = admin.query(
                        "{ standardsFrameworks { edges { node { id } } } charters { edges { node { id } } } }")
                .data();
        String framework = published
                .path("standardsFrameworks")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asText();
        String charter = published
                .path("charters")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asText();
        String strategy = mutate(
                        admin,
                        "saveStrategy",
                        "SaveStrategyInput",
                        "strategy { id }",
                        Map.of("strategy", strategy(marker)))
                .path("strategy")
                .path("id")
                .asText();
        // The definition publishes a pledge; the draft is its next edition.
        String inForce = admin.query("{ pledges { edges { node { id } } } }")
                .data()
                .path("pledges")
                .findValue("id")
                .asText();
        String pledge = mutate(admin, "reviseDocument", "ReviseDocumentInput", "document { id }", Map.of("id", inForce))
                .path("document")
                .path("id")
                .asText();
        mutate(
                admin,
                "savePledge",
                "SavePledgeInput",
                "pledge { id }",
                Map.of("id", pledge, "version", 0, "pledge", pledge(marker)));
        // The definition publishes vocabularies too; the draft is their next edition.
        String vocabularies = mutate(
                        admin,
                        "reviseDocument",
                        "ReviseDocumentInput",
                        "document { id }",
                        Map.of(
                                "id",
                                admin.query("{ vocabularies { id } }")
                                        .data()
                                        .path("vocabularies")
                                        .path("id")
                                        .asText()))
                .path("document")
                .path("id")
                .asText();
        mutate(
                admin,
                "saveVocabularies",
                "SaveVocabulariesInput",
                "vocabularies { id }",
                Map.of("id", vocabularies, "version", 0, "vocabularies", vocabularies(marker)));
        String copy = mutate(
                        admin,
                        "adoptCharter",
                        "AdoptCharterInput",
                        "charterAdoption { charter { id } }",
                        Map.of(
                                "charterId",
                                charter,
                                "partnerOrganisationId",
                                GlobalId.encode("PartnerOrganisation", agency),
                                "personalise",
                                true))
                .path("charterAdoption")
                .path("charter")
                .path("id")
                .asText();
        mutate(
                admin,
                "saveCharter",
                "SaveCharterInput",
                "charter { id }",
                Map.of("id", copy, "version", 0, "charter", charter(agencyMarker + " charter")));
        // The definition publishes guidance of its own; this is a second document, still a draft.
        String guidance = mutate(
                        admin,
                        "saveGuidance",
                        "SaveGuidanceInput",
                        "guidance { id }",
                        Map.of("guidance", guidance(marker)))
                .path("guidance")
                .path("id")
                .asText();
        return new Documents(framework, charter, strategy, pledge, vocabularies, copy, guidance);
    }

    static Map<String, Object> guidance(String marker) {
        return Map.of(
                "key",
                "draft-code-of-conduct",
                "title",
                marker + " code of conduct",
                "source",
                "The world's own",
                "sections",
                List.of(Map.of("heading", "Code of Conduct", "body", List.of(Map.of("items", List.of("Be kind."))))));
    }

    static Map<String, Object> strategy(String marker) {
        return Map.of("title", marker + " draft strategy", "periodStart", 2030, "periodEnd", 2031);
    }

    static Map<String, Object> pledge(String marker) {
        return Map.of(
                "title",
                marker + " pledge",
                "framework",
                "world-standards",
                "statement",
                "We agree to both standards.",
                "commitments",
                List.of(
                        Map.of("standard", "1", "text", "We listen."),
                        Map.of("standard", "2", "text", "We feed back.")),
                "signatureFields",
                List.of("Signed", "Post held", "Organisation", "Date"),
                "renewalMonths",
                12);
    }

    static Map<String, Object> vocabularies(String marker) {
        return Map.of(
                "partnerCategories", List.of(Map.of("code", "statutory", "label", marker + " Statutory partner")));
    }

    static Map<String, Object> charter(String title) {
        return Map.of(
                "title",
                title,
                "values",
                List.of(Map.of(
                        "name",
                        "Listening",
                        "belief",
                        "Listening helps us improve.",
                        "commitment",
                        "We will listen.")));
    }

    private static JsonNode mutate(
            ApiCaller admin, String field, String inputType, String selection, Map<String, Object> input) {
        ApiCaller.Reply reply = admin.query(
                "mutation ($input: " + inputType + "!) { " + field + "(input: $input) { " + selection
                        + " userErrors { message } } }",
                Map.of("input", input));
        JsonNode payload = reply.data().path(field);
        if (!payload.path("userErrors").isEmpty() || reply.body().has("errors")) {
            throw new IllegalStateException("World set-up failed at " + field + ": " + reply.text());
        }
        return payload;
    }

    /** The definition the world's tenant was onboarded from; applying it again changes nothing. */
    String definition() {
        return definition(tenant.slug());
    }

    private static String definition(String slug) {
        return """
                slug: %s
                name: Test Trust %s
                kind: CHILDRENS_TRUST
                region: SOUTH_EAST
                councils:
                  - gssCode: E06000035
                    name: Test Council
                emailDomains: [%s.example]
                admin: { email: admin@%s.example, firstName: Test, lastName: Admin }
                configuration:
                  standardsFrameworks:
                    - key: world-standards
                      name: World standards
                      standards:
                        - number: "1"
                          title: Listening
                          criteria: [{ number: "1.1", text: Children are asked }, { number: "1.2", text: Views are recorded }]
                        - { number: "2", title: Feedback }
                  actionPlanTemplate:
                    title: World template
                    periodStart: 2020
                    periodEnd: 2021
                    framework: world-standards
                    columns:
                      - { key: outcome, label: Outcomes, type: TEXT }
                      - { key: lead, label: Lead, type: LEAD }
                    sections:
                      - number: "1"
                        title: Listening
                        standard: "1"
                        outcomes: [{ number: "1.1", text: Children are heard }]
                  pledge:
                    title: World pledge
                    framework: world-standards
                    statement: We agree to both standards.
                    commitments: [{ standard: "1", text: We listen. }, { standard: "2", text: We feed back. }]
                    signatureFields: [Signed, Post held, Organisation, Date]
                    renewalMonths: 12
                  charter:
                    title: World charter
                    values:
                      - { name: Listening, belief: Listening helps us improve., commitment: We will listen. }
                  vocabularies:
                    ageBands: [{ label: Young people, fromAge: 12, toAge: 18 }]
                    audienceGroups: [{ code: young-carers, label: Young carers }]
                    inspectionQuestions: [{ code: accessible, label: "Is the service accessible?" }]
                    ratingScales:
                      - code: world-scale
                        name: "%s scale"
                        levels: [{ code: starting, label: Starting }, { code: embedded, label: Embedded }]
                  strategies:
                    - title: World strategy
                      periodStart: 2020
                      periodEnd: 2021
                      participationStructures: [{ name: Youth Assembly }]
                  guidance:
                    - key: world-guidance
                      title: World guidance
                      source: The world's own
                      sections: [{ heading: Safeguarding, body: [{ paragraph: Tell your manager. }] }]
                """.formatted(slug, slug, slug, slug, slug);
    }

    /** Onboards and opens a tenant through the API, as a platform operator would. */
    private static TestTenant onboard(ApiCaller api, String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiCaller operator = api.withToken(TestIdentityProvider.token("operator-" + slug)
                .roles(Role.PLATFORM_OPERATOR)
                .sign());
        JsonNode onboarded = operator.query(
                        "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { tenant { id } userErrors { message } } }",
                        Map.of("d", definition(slug)))
                .data()
                .path("onboardTenant");
        if (!onboarded.path("tenant").has("id")) {
            throw new IllegalStateException("World set-up failed: " + onboarded);
        }
        operator.query(
                "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } } }",
                Map.of("i", Map.of("slug", slug, "status", "ACTIVE")));
        return new TestTenant(
                GlobalId.decode(onboarded.path("tenant").path("id").asText(), "Tenant")
                        .orElseThrow(),
                slug);
    }

    String agencyId() {
        return GlobalId.encode("PartnerOrganisation", agency);
    }

    String serviceId() {
        return GlobalId.encode("PartnerOrganisation", service);
    }

    /** The version of an organisation as stored now, for an update that should not conflict. */
    long versionOf(UUID organisation) {
        return versionIn("partner_organisation", organisation);
    }

    /** The version of a partner person or governance body (by global id) as stored now. */
    long versionOf(String table, String globalId) {
        return versionIn(table, GlobalId.decode(globalId).orElseThrow().uuid());
    }

    /** The version of a configuration document's edition as stored now. */
    long documentVersion(String globalId) {
        return versionIn(
                "configuration_document",
                GlobalId.decode(globalId).orElseThrow().uuid());
    }

    /** The version of the partnership settings as stored now. */
    long settingsVersion() {
        return Long.parseLong(TenantData.query(tenant.id(), "SELECT version FROM partnership_settings")
                .getFirst());
    }

    private long versionIn(String table, UUID id) {
        return Long.parseLong(TenantData.query(tenant.id(), "SELECT version FROM " + table + " WHERE id = '" + id + "'")
                .getFirst());
    }

    /** A caller of this world in the given role; partner roles are bound to {@code organisation}. */
    ApiCaller as(ApiCaller api, Persona persona, UUID organisation) {
        if (persona == Persona.ANONYMOUS) {
            return api;
        }
        ApiCaller caller = api.withToken(token(tenant, persona, organisation));
        return persona == Persona.PLATFORM_OPERATOR ? caller.inTenant(tenant.slug()) : caller;
    }

    ApiCaller as(ApiCaller api, Persona persona) {
        return as(api, persona, agency);
    }

    private static String token(TestTenant tenant, Persona persona, UUID organisation) {
        TestIdentityProvider.Token token = TestIdentityProvider.token(
                        persona.name().toLowerCase() + "-" + tenant.slug())
                .roles(persona.role());
        if (persona.memberOfTenant()) {
            token.organisations(tenant.slug());
        }
        if (persona.boundToPartner()) {
            token.partnerOrganisation(organisation);
        }
        if (persona == Persona.FORUM_ANALYST) {
            token.regionalForum(forumOf(tenant));
        }
        return token.sign();
    }

    /**
     * The world's own regional forum. Its name carries no marker: forums are the platform's, and a
     * platform operator of any world may list them.
     */
    static String forumOf(TestTenant tenant) {
        return "forum-" + tenant.slug();
    }

    String forum() {
        return forumOf(tenant);
    }

    long forumVersion() {
        return Long.parseLong(
                TenantData.query(tenant.id(), "SELECT version FROM regional_forum WHERE slug = '" + forum() + "'")
                        .getFirst());
    }

    /** A forum the world's tenant shares every indicator set with, and the tenant's first snapshot. */
    private static void forum(ApiCaller api, TestTenant tenant, ApiCaller admin) {
        ApiCaller operator = api.withToken(TestIdentityProvider.token("operator-" + tenant.slug())
                .roles(Role.PLATFORM_OPERATOR)
                .sign());
        mutate(
                operator,
                "saveRegionalForum",
                "SaveRegionalForumInput",
                "regionalForum { slug }",
                Map.of("slug", forumOf(tenant), "name", "Forum of " + tenant.slug(), "region", "SOUTH_EAST"));
        mutate(admin, "joinRegionalForum", "ForumMembershipInput", "sharing", Map.of("forumSlug", forumOf(tenant)));
        JsonNode refreshed = admin.query("mutation { refreshIndicators { values userErrors { message } } }")
                .data()
                .path("refreshIndicators");
        if (refreshed.path("values").asInt() == 0) {
            throw new IllegalStateException("World set-up failed at refreshIndicators: " + refreshed);
        }
    }

    private static UUID register(ApiCaller admin, String name, UUID parent) {
        return register(
                admin,
                parent == null
                        ? Map.of("name", name)
                        : Map.of("name", name, "parentId", GlobalId.encode("PartnerOrganisation", parent)));
    }

    private static UUID register(ApiCaller admin, Map<String, Object> input) {
        ApiCaller.Reply reply = admin.query("""
                mutation ($input: RegisterPartnerOrganisationInput!) {
                  registerPartnerOrganisation(input: $input) { partnerOrganisation { id } userErrors { message } }
                }""", Map.of("input", input));
        JsonNode id = reply.data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id");
        if (!id.isTextual()) {
            throw new IllegalStateException("World set-up failed: " + reply.text());
        }
        return GlobalId.decode(id.asText(), "PartnerOrganisation").orElseThrow();
    }

    /** The roles of the permission matrix; anonymous has none. */
    enum Persona {
        ANONYMOUS(null),
        PLATFORM_OPERATOR(Role.PLATFORM_OPERATOR),
        TENANT_ADMIN(Role.TENANT_ADMIN),
        BOARD_MEMBER(Role.BOARD_MEMBER),
        PARTNER_LEAD(Role.PARTNER_LEAD),
        PARTNER_INTEGRATION(Role.PARTNER_INTEGRATION),
        FORUM_ANALYST(Role.FORUM_ANALYST);

        private final Role role;

        Persona(Role role) {
            this.role = role;
        }

        Role role() {
            return role;
        }

        boolean memberOfTenant() {
            return role != null && role != Role.PLATFORM_OPERATOR && role != Role.FORUM_ANALYST;
        }

        boolean boundToPartner() {
            return role == Role.PARTNER_LEAD || role == Role.PARTNER_INTEGRATION;
        }
    }
}
