package uk.trustplatform.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The partner hierarchy beyond one organisation: categories from the tenant's vocabulary, services
 * kept by a partner's own lead, subtrees in one query, people in roles, governance bodies, and the
 * gaps a board follows up.
 */
@MicronautTest(transactional = false)
class PartnerHierarchyIT {

    private static final String ORGANISATION = "id name category sector statutory version parent { id }";

    @Inject
    EmbeddedServer server;

    private TestTenant luton;
    private ApiCaller admin;

    @BeforeEach
    void lutonWithItsPartnerCategories() {
        luton = TestTenants.active("luton");
        admin = as("admin", Role.TENANT_ADMIN, null);
        String vocabularies = admin.query(
                        """
                        mutation ($input: SaveVocabulariesInput!) {
                          saveVocabularies(input: $input) { vocabularies { id } userErrors { message } }
                        }""",
                        Map.of(
                                "input",
                                Map.of(
                                        "vocabularies",
                                        Map.of(
                                                "partnerCategories",
                                                List.of(
                                                        Map.of(
                                                                "code",
                                                                "statutory-lscb-member",
                                                                "label",
                                                                "Statutory members of the LSCB"),
                                                        Map.of("code", "contracted", "label", "Contracted partners")),
                                                "governanceBodyTypes",
                                                List.of(
                                                        Map.of("code", "board", "label", "Board"),
                                                        Map.of("code", "sub-group", "label", "Sub-group"))))))
                .data()
                .path("saveVocabularies")
                .path("vocabularies")
                .path("id")
                .asText();
        admin.query(
                "mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { userErrors { message } } }",
                Map.of("input", Map.of("id", vocabularies, "version", 0)));
    }

    @Test
    void a_category_must_be_one_of_the_tenants_and_only_the_admin_sets_it() {
        Reply unknown = register(
                admin,
                Map.of("name", "Luton Borough Council", "category", "statutory-board-member", "statutory", true));
        JsonNode council = registered(register(
                admin,
                Map.of(
                        "name",
                        "Luton Borough Council",
                        "category",
                        "statutory-lscb-member",
                        "sector",
                        "PUBLIC",
                        "statutory",
                        true)));
        UUID councilId = GlobalId.decode(council.path("id").asText(), "PartnerOrganisation")
                .orElseThrow();
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, councilId);
        Reply recategorised = update(
                lead,
                Map.of(
                        "id",
                        council.path("id").asText(),
                        "version",
                        0,
                        "name",
                        "Luton Council",
                        "category",
                        "contracted",
                        "sector",
                        "PUBLIC",
                        "statutory",
                        true));
        Reply renamed = update(
                lead,
                Map.of(
                        "id",
                        council.path("id").asText(),
                        "version",
                        0,
                        "name",
                        "Luton Council",
                        "category",
                        "statutory-lscb-member",
                        "sector",
                        "PUBLIC",
                        "statutory",
                        true));

        JsonNode refusal = unknown.data()
                .path("registerPartnerOrganisation")
                .path("userErrors")
                .path(0);
        assertThat(refusal.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(refusal.path("field").toString()).isEqualTo("[\"input\",\"category\"]");
        assertThat(refusal.path("message").asText()).contains("statutory-lscb-member, contracted");
        assertThat(council.path("category").asText()).isEqualTo("statutory-lscb-member");
        assertThat(council.path("sector").asText()).isEqualTo("PUBLIC");
        assertThat(council.path("statutory").asBoolean()).isTrue();
        assertThat(recategorised
                        .data()
                        .path("updatePartnerOrganisation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(renamed.data()
                        .path("updatePartnerOrganisation")
                        .path("partnerOrganisation")
                        .path("name")
                        .asText())
                .isEqualTo("Luton Council");
    }

    @Test
    void the_same_agency_partners_two_tenants_as_two_records_that_share_nothing() {
        TestTenant bedford = TestTenants.active("bedford");
        ApiCaller bedfordAdmin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, bedford.slug(), null);
        String inLuton = registered(register(
                        admin,
                        Map.of(
                                "name",
                                "Bedfordshire Hospitals NHS Foundation Trust",
                                "organisationIdentifier",
                                "GB-NHS-RC9")))
                .path("id")
                .asText();
        String inBedford = registered(register(
                        bedfordAdmin,
                        Map.of(
                                "name",
                                "Bedfordshire Hospitals NHS Foundation Trust",
                                "organisationIdentifier",
                                "GB-NHS-RC9")))
                .path("id")
                .asText();

        Reply renamed = update(
                bedfordAdmin,
                Map.of(
                        "id",
                        inBedford,
                        "version",
                        0,
                        "name",
                        "Bedfordshire Hospitals",
                        "organisationIdentifier",
                        "GB-NHS-RC9"));
        Reply reachAcross = update(
                bedfordAdmin,
                Map.of("id", inLuton, "version", 0, "name", "Taken over", "organisationIdentifier", "GB-NHS-RC9"));

        assertThat(inBedford).isNotEqualTo(inLuton);
        assertThat(renamed.data()
                        .path("updatePartnerOrganisation")
                        .path("partnerOrganisation")
                        .path("name")
                        .asText())
                .isEqualTo("Bedfordshire Hospitals");
        assertThat(reachAcross
                        .data()
                        .path("updatePartnerOrganisation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
        assertThat(TenantData.query(luton.id(), "SELECT name FROM partner_organisation"))
                .containsExactly("Bedfordshire Hospitals NHS Foundation Trust");
    }

    @Test
    void a_partner_lead_adds_services_below_their_own_organisation_only() {
        String agency = registered(register(admin, Map.of("name", "Luton Youth Service")))
                .path("id")
                .asText();
        String other = registered(register(admin, Map.of("name", "Luton Libraries")))
                .path("id")
                .asText();
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, idOf(agency));

        Reply service = register(lead, Map.of("name", "Detached Youth Work Team", "parentId", agency));
        Reply topLevel = register(lead, Map.of("name", "A partner of its own"));
        Reply elsewhere = register(lead, Map.of("name", "Mobile Library", "parentId", other));
        Reply categorised = register(lead, Map.of("name", "Outreach", "parentId", agency, "category", "contracted"));

        assertThat(registered(service).path("parent").path("id").asText()).isEqualTo(agency);
        assertThat(topLevel.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(elsewhere.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(categorised
                        .data()
                        .path("registerPartnerOrganisation")
                        .path("userErrors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"category\"]");
        assertThat(TenantData.rows(luton.id(), "partner_organisation")).isEqualTo(3);
    }

    @Test
    void everything_below_an_organisation_comes_in_one_query_nearest_first_and_a_lead_sees_their_whole_subtree() {
        String trust = registered(register(admin, Map.of("name", "Bedfordshire Hospitals")))
                .path("id")
                .asText();
        String paediatrics = registered(register(admin, Map.of("name", "Paediatrics", "parentId", trust)))
                .path("id")
                .asText();
        String maternity = registered(register(admin, Map.of("name", "Maternity", "parentId", trust)))
                .path("id")
                .asText();
        registered(register(admin, Map.of("name", "Children's Ward", "parentId", paediatrics)));
        registered(register(admin, Map.of("name", "Ward Play Team", "parentId", idOfName("Children's Ward"))));
        registered(register(admin, Map.of("name", "Midwives", "parentId", maternity)));
        registered(register(admin, Map.of("name", "Luton Libraries")));
        String tree = "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name"
                + " services { name } descendants { name parent { name } } } } }";

        JsonNode whole = admin.query(tree, Map.of("id", trust)).data().path("node");
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, idOf(paediatrics));
        Reply list = lead.query("{ partnerOrganisations(first: 50) { edges { node { name } } } }");
        Reply above = lead.query(tree, Map.of("id", trust));

        assertThat(whole.path("services").findValuesAsText("name")).containsExactly("Maternity", "Paediatrics");
        assertThat(whole.path("descendants")
                        .valueStream()
                        .map(node -> node.path("name").asText()))
                .containsExactly("Maternity", "Paediatrics", "Children's Ward", "Midwives", "Ward Play Team");
        assertThat(list.data().path("partnerOrganisations").findValuesAsText("name"))
                .containsExactly("Children's Ward", "Paediatrics", "Ward Play Team");
        assertThat(above.data().path("node").isNull()).isTrue();
    }

    @Test
    void people_are_kept_by_the_admin_and_their_own_lead_with_checked_contact_details_and_optimistic_locking() {
        String agency = registered(register(admin, Map.of("name", "Luton Youth Service")))
                .path("id")
                .asText();
        String other = registered(register(admin, Map.of("name", "Luton Libraries")))
                .path("id")
                .asText();
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, idOf(agency));
        ApiCaller otherLead = as("other", Role.PARTNER_LEAD, idOf(other));

        JsonNode champion = savePerson(
                        lead,
                        Map.of(
                                "partnerOrganisationId",
                                agency,
                                "name",
                                "Asha Patel",
                                "jobTitle",
                                "Participation Worker",
                                "email",
                                "asha.patel@luton.example",
                                "telephone",
                                "01582 547619",
                                "roles",
                                List.of("PARTICIPATION_CHAMPION")))
                .path("partnerPerson");
        JsonNode invalid = savePerson(
                lead,
                Map.of("partnerOrganisationId", agency, "name", " ", "email", "asha at home", "telephone", "call me"));
        JsonNode promoted = savePerson(
                        lead,
                        Map.of(
                                "id",
                                champion.path("id").asText(),
                                "version",
                                0,
                                "name",
                                "Asha Patel",
                                "roles",
                                List.of("PARTICIPATION_CHAMPION", "STRATEGIC_LEAD")))
                .path("partnerPerson");
        JsonNode stale = savePerson(
                admin, Map.of("id", champion.path("id").asText(), "version", 0, "name", "Asha P.", "roles", List.of()));
        Reply seenByOther = otherLead.query(
                "query ($id: ID!) { node(id: $id) { id } }",
                Map.of("id", champion.path("id").asText()));
        Reply removedByOther = otherLead.query(
                "mutation ($input: RemovePartnerPersonInput!) { removePartnerPerson(input: $input) { removedId userErrors { code } } }",
                Map.of("input", Map.of("id", champion.path("id").asText(), "version", 1)));

        assertThat(invalid.path("userErrors").findValuesAsText("code"))
                .containsExactly("REQUIRED", "INVALID_FORMAT", "INVALID_FORMAT");
        assertThat(invalid.path("userErrors").path(1).path("field").toString()).isEqualTo("[\"input\",\"email\"]");
        assertThat(promoted.path("roles").toString()).isEqualTo("[\"STRATEGIC_LEAD\",\"PARTICIPATION_CHAMPION\"]");
        assertThat(promoted.path("version").asInt()).isEqualTo(1);
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(seenByOther.data().path("node").isNull()).isTrue();
        assertThat(removedByOther
                        .data()
                        .path("removePartnerPerson")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
        assertThat(TenantData.rows(luton.id(), "partner_person")).isEqualTo(1);
        assertThat(TenantData.audit(luton.id()))
                .filteredOn(entry -> entry.startsWith("PartnerPerson."))
                .hasSize(2);
    }

    @Test
    void governance_bodies_have_known_types_unique_names_no_cycles_and_members_from_the_organisation() {
        String agency = registered(register(admin, Map.of("name", "Luton Youth Service")))
                .path("id")
                .asText();
        String other = registered(register(admin, Map.of("name", "Luton Libraries")))
                .path("id")
                .asText();
        String worker = savePerson(
                        admin, Map.of("partnerOrganisationId", agency, "name", "Sam Okafor", "roles", List.of()))
                .path("partnerPerson")
                .path("id")
                .asText();
        JsonNode board = saveBody(Map.of("name", "Luton Safeguarding Children Board", "type", "board"));
        String boardId = board.path("governanceBody").path("id").asText();
        JsonNode group = saveBody(Map.of("name", "Training Sub-group", "type", "sub-group", "parentId", boardId));
        String groupId = group.path("governanceBody").path("id").asText();

        JsonNode unknownType = saveBody(Map.of("name", "Youth Forum", "type", "youth-forum"));
        JsonNode sameName = saveBody(Map.of("name", "LUTON safeguarding children board", "type", "board"));
        JsonNode cycle = saveBody(Map.of(
                "id",
                boardId,
                "version",
                0,
                "name",
                "Luton Safeguarding Children Board",
                "type",
                "board",
                "parentId",
                groupId));
        JsonNode strangerSeat =
                membership(Map.of("governanceBodyId", boardId, "partnerOrganisationId", other, "personId", worker));
        JsonNode seat = membership(Map.of(
                "governanceBodyId", boardId, "partnerOrganisationId", agency, "personId", worker, "role", "Member"));

        assertThat(group.path("governanceBody").path("parent").path("id").asText())
                .isEqualTo(boardId);
        assertThat(unknownType.path("userErrors").path(0).path("message").asText())
                .contains("board, sub-group");
        assertThat(sameName.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"name\"]");
        assertThat(cycle.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"parentId\"]");
        assertThat(strangerSeat.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"personId\"]");
        assertThat(seat.path("governanceBody")
                        .path("memberships")
                        .path(0)
                        .path("person")
                        .path("name")
                        .asText())
                .isEqualTo("Sam Okafor");
        assertThat(TenantData.rows(luton.id(), "governance_body")).isEqualTo(2);
        assertThat(TenantData.rows(luton.id(), "governance_membership")).isEqualTo(1);
    }

    @Test
    void the_board_sees_partners_without_a_strategic_lead_or_with_too_few_champions_counted_across_their_hierarchy() {
        admin.query(
                "mutation ($input: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $input) { userErrors { message } } }",
                Map.of("input", Map.of("version", 0, "minimumParticipationChampions", 3, "renewalNoticeDays", 60)));
        // Youth Service: a strategic lead, two champions in the service and one in a team below it.
        String youth = registered(register(admin, Map.of("name", "Luton Youth Service")))
                .path("id")
                .asText();
        String team = registered(register(admin, Map.of("name", "Detached Team", "parentId", youth)))
                .path("id")
                .asText();
        person(youth, "Lead", "STRATEGIC_LEAD");
        person(youth, "Champion one", "PARTICIPATION_CHAMPION");
        person(youth, "Champion two", "PARTICIPATION_CHAMPION");
        person(team, "Champion three", "PARTICIPATION_CHAMPION");
        // Libraries: one champion, no strategic lead.
        String libraries = registered(register(admin, Map.of("name", "Luton Libraries")))
                .path("id")
                .asText();
        person(libraries, "Librarian", "PARTICIPATION_CHAMPION");
        // Police: a strategic lead who is also a champion.
        String police = registered(register(admin, Map.of("name", "Bedfordshire Police")))
                .path("id")
                .asText();
        person(police, "Inspector", "STRATEGIC_LEAD", "PARTICIPATION_CHAMPION");

        Reply gaps = as("board", Role.BOARD_MEMBER, null)
                .query("{ partnerGaps { minimumParticipationChampions withoutStrategicLead { name }"
                        + " tooFewChampions { champions partnerOrganisation { name } } } }");
        Reply asLead =
                as("lead", Role.PARTNER_LEAD, idOf(youth)).query("{ partnerGaps { minimumParticipationChampions } }");

        JsonNode found = gaps.data().path("partnerGaps");
        assertThat(found.path("minimumParticipationChampions").asInt()).isEqualTo(3);
        assertThat(found.path("withoutStrategicLead").findValuesAsText("name")).containsExactly("Luton Libraries");
        assertThat(found.path("tooFewChampions").findValuesAsText("name"))
                .containsExactly("Bedfordshire Police", "Luton Libraries");
        assertThat(found.path("tooFewChampions").findValuesAsText("champions")).containsExactly("1", "1");
        assertThat(asLead.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void partnership_settings_change_at_the_version_read_within_their_ranges() {
        JsonNode defaults = admin.query(
                        "{ partnershipSettings { minimumParticipationChampions renewalNoticeDays version } }")
                .data()
                .path("partnershipSettings");
        String update = "mutation ($input: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $input)"
                + " { partnershipSettings { minimumParticipationChampions renewalNoticeDays version } userErrors { field code } } }";

        JsonNode saved = admin.query(
                        update,
                        Map.of(
                                "input",
                                Map.of("version", 0, "minimumParticipationChampions", 3, "renewalNoticeDays", 30)))
                .data()
                .path("updatePartnershipSettings");
        JsonNode stale = admin.query(
                        update,
                        Map.of(
                                "input",
                                Map.of("version", 0, "minimumParticipationChampions", 2, "renewalNoticeDays", 30)))
                .data()
                .path("updatePartnershipSettings");
        JsonNode outOfRange = admin.query(
                        update,
                        Map.of(
                                "input",
                                Map.of("version", 1, "minimumParticipationChampions", -1, "renewalNoticeDays", 400)))
                .data()
                .path("updatePartnershipSettings");

        assertThat(defaults.toString())
                .isEqualTo("{\"minimumParticipationChampions\":1,\"renewalNoticeDays\":60,\"version\":0}");
        assertThat(saved.path("partnershipSettings").toString())
                .isEqualTo("{\"minimumParticipationChampions\":3,\"renewalNoticeDays\":30,\"version\":1}");
        assertThat(stale.path("userErrors").findValuesAsText("code")).containsExactly("CONFLICT");
        assertThat(outOfRange.path("userErrors").findValuesAsText("code"))
                .containsExactly("NOT_ALLOWED", "NOT_ALLOWED");
        assertThat(TenantData.query(luton.id(), "SELECT minimum_participation_champions FROM partnership_settings"))
                .containsExactly("3");
    }

    private void person(String organisation, String name, String... roles) {
        JsonNode saved =
                savePerson(admin, Map.of("partnerOrganisationId", organisation, "name", name, "roles", List.of(roles)));
        assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
    }

    private String idOfName(String name) {
        return admin
                .query("{ partnerOrganisations(first: 100) { edges { node { id name } } } }")
                .data()
                .path("partnerOrganisations")
                .path("edges")
                .findValues("node")
                .stream()
                .filter(node -> node.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    private JsonNode savePerson(ApiCaller caller, Map<String, Object> input) {
        return caller.query("""
                        mutation ($input: SavePartnerPersonInput!) {
                          savePartnerPerson(input: $input) {
                            partnerPerson { id name roles version partnerOrganisation { id } }
                            userErrors { field message code }
                          }
                        }""", Map.of("input", input)).data().path("savePartnerPerson");
    }

    private JsonNode saveBody(Map<String, Object> input) {
        return admin.query("""
                        mutation ($input: SaveGovernanceBodyInput!) {
                          saveGovernanceBody(input: $input) {
                            governanceBody { id name type parent { id } }
                            userErrors { field message code }
                          }
                        }""", Map.of("input", input)).data().path("saveGovernanceBody");
    }

    private JsonNode membership(Map<String, Object> input) {
        return admin.query("""
                        mutation ($input: AddGovernanceMembershipInput!) {
                          addGovernanceMembership(input: $input) {
                            governanceBody { memberships { role partnerOrganisation { name } person { name } } }
                            userErrors { field message code }
                          }
                        }""", Map.of("input", input)).data().path("addGovernanceMembership");
    }

    private Reply register(ApiCaller caller, Map<String, Object> input) {
        return caller.query(
                "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input)"
                        + " { partnerOrganisation { " + ORGANISATION + " } userErrors { field message code } } }",
                Map.of("input", input));
    }

    private Reply update(ApiCaller caller, Map<String, Object> input) {
        return caller.query(
                "mutation ($input: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $input)"
                        + " { partnerOrganisation { " + ORGANISATION + " } userErrors { field message code } } }",
                Map.of("input", new HashMap<>(input)));
    }

    private static JsonNode registered(Reply reply) {
        JsonNode organisation = reply.data().path("registerPartnerOrganisation").path("partnerOrganisation");
        assertThat(organisation.has("id")).as(reply.text()).isTrue();
        return organisation;
    }

    private static UUID idOf(String globalId) {
        return GlobalId.decode(globalId, "PartnerOrganisation").orElseThrow();
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, luton.slug(), partner);
    }
}
