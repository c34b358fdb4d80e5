package uk.trustplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The audit trail read back: a known sequence of changes gives exactly its entries, newest first,
 * each as its field-by-field difference; pages follow on without overlap; the filters by object,
 * person and day narrow it; bad arguments are refused naming themselves; a partner lead reads only
 * its own agency's entries, another tenant's admin none.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    private static final String TRAIL = """
            query ($first: Int, $after: String, $objectId: ID, $by: String, $from: Date, $to: Date) {
              auditTrail(first: $first, after: $after, objectId: $objectId, by: $by, from: $from, to: $to) {
                edges { cursor node { at by byPartnerSystem action actionCode
                  object { id type kind node { id } } changes { field before after } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** What Alice and Bob did to the youth service and its people, newest first. */
    private static final List<String> THE_AGENCYS_CHANGES = List.of(
            "Partner person removed",
            "Partner person added",
            "Partner organisation updated",
            "Partner organisation registered");

    @Inject
    EmbeddedServer server;

    private TestTenant tenant;
    private ApiCaller alice;
    private ApiCaller bob;
    private String youthService;
    private String otherAgency;

    @BeforeAll
    void aliceAndBobChangeAnAgencyAndItsPeople() {
        tenant = TestTenants.active("trail");
        alice = admin(tenant, "Alice Adams");
        bob = admin(tenant, "Bob Brown");
        youthService = organisation(alice, "Kent Youth Service");
        otherAgency = organisation(alice, "Kent Community Health");
        ok(
                bob,
                "updatePartnerOrganisation",
                "UpdatePartnerOrganisationInput",
                Map.of("id", youthService, "version", 0, "name", "Kent Youth Service (north)", "statutory", true),
                "partnerOrganisation { id }");
        String person = ok(
                        alice,
                        "savePartnerPerson",
                        "SavePartnerPersonInput",
                        Map.of(
                                "partnerOrganisationId",
                                youthService,
                                "name",
                                "Sam Patel",
                                "jobTitle",
                                "Participation champion",
                                "roles",
                                List.of("PARTICIPATION_CHAMPION")),
                        "partnerPerson { id }")
                .path("partnerPerson")
                .path("id")
                .asText();
        ok(bob, "removePartnerPerson", "RemovePartnerPersonInput", Map.of("id", person, "version", 0), "removedId");
    }

    @Test
    void a_known_sequence_of_changes_reads_back_newest_first_field_by_field() {
        List<JsonNode> entries = entries(alice, Map.of("objectId", youthService));

        assertThat(entries)
                .extracting(entry -> entry.path("action").asText())
                .containsExactlyElementsOf(THE_AGENCYS_CHANGES);
        assertThat(entries)
                .extracting(entry -> entry.path("by").asText())
                .containsExactly("Bob Brown", "Alice Adams", "Bob Brown", "Alice Adams");
        assertThat(changes(entries.get(0)))
                .as("a deletion: every field before, none after")
                .containsExactly(
                        "Job title: Participation champion → ",
                        "Name: Sam Patel → ",
                        "Partner organisation id: " + uuidOf(youthService) + " → ",
                        "Roles: PARTICIPATION_CHAMPION → ");
        assertThat(changes(entries.get(1)))
                .as("a creation: every field after")
                .containsExactly(
                        "Job title:  → Participation champion",
                        "Name:  → Sam Patel",
                        "Partner organisation id:  → " + uuidOf(youthService),
                        "Roles:  → PARTICIPATION_CHAMPION");
        assertThat(changes(entries.get(2)))
                .as("only what changed")
                .containsExactly("Name: Kent Youth Service → Kent Youth Service (north)", "Statutory: No → Yes");
        assertThat(changes(entries.get(3))).contains("Name:  → Kent Youth Service", "Statutory:  → No");
        JsonNode object = entries.get(2).path("object");
        assertThat(object.path("id").asText()).isEqualTo(youthService);
        assertThat(object.path("type").asText()).isEqualTo("PartnerOrganisation");
        assertThat(object.path("kind").asText()).isEqualTo("Partner organisation");
        assertThat(object.path("node").path("id").asText()).isEqualTo(youthService);
        assertThat(entries.get(0).path("object").path("node").isNull())
                .as("a removed person is no longer there to read")
                .isTrue();
        assertThat(entries.get(0).path("byPartnerSystem").asBoolean()).isFalse();
    }

    @Test
    void pages_follow_on_newest_first_without_overlap() {
        List<JsonNode> whole = entries(alice, Map.of());
        List<String> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 2);
            variables.put("after", after);
            JsonNode connection = trail(alice, variables).data().path("auditTrail");
            connection.path("edges").forEach(edge -> paged.add(edge.path("node").toString()));
            after = connection.path("pageInfo").path("hasNextPage").asBoolean()
                    ? connection.path("pageInfo").path("endCursor").asText()
                    : null;
            pages++;
        } while (after != null);

        assertThat(whole).hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(paged)
                .containsExactlyElementsOf(
                        whole.stream().map(JsonNode::toString).toList());
        List<String> times =
                whole.stream().map(entry -> entry.path("at").asText()).toList();
        assertThat(times).isSortedAccordingTo((left, right) -> right.compareTo(left));
    }

    @Test
    void the_filters_narrow_by_person_and_by_day() {
        String today = TestCalendar.today().toString();
        String tomorrow = TestCalendar.today().plusDays(1).toString();

        assertThat(entries(alice, Map.of("by", "bob")))
                .extracting(entry -> entry.path("action").asText())
                .containsExactly("Partner person removed", "Partner organisation updated");
        assertThat(entries(alice, Map.of("objectId", otherAgency)))
                .extracting(entry -> entry.path("action").asText())
                .containsExactly("Partner organisation registered");
        assertThat(entries(alice, Map.of("from", today, "to", today)))
                .hasSize(entries(alice, Map.of()).size());
        assertThat(entries(alice, Map.of("from", tomorrow))).isEmpty();
        assertThat(entries(alice, Map.of("to", "2020-01-01"))).isEmpty();
        assertThat(entries(alice, Map.of("by", "nobody of that name"))).isEmpty();
    }

    @Test
    void bad_arguments_are_refused_naming_the_argument() {
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("objectId", "not-an-id"), "'objectId'",
                Map.of("from", "2026-03-02", "to", "2026-03-01"), "'to'",
                Map.of("from", "1800-01-01"), "'from'",
                Map.of("to", "2026-02-30"), "'to'",
                Map.of("first", -1), "'first'",
                Map.of("first", 500), "'auditTrail'",
                Map.of("after", "garbage"), "'after'",
                Map.of("by", "x".repeat(201)), "'by'");
        refused.forEach((variables, argument) -> {
            Reply reply = trail(alice, variables);
            assertThat(reply.status()).as(reply.text()).isLessThan(500);
            JsonNode error = reply.body().path("errors").path(0);
            assertThat(error.path("extensions").path("code").asText())
                    .as(reply.text())
                    .isIn("BAD_USER_INPUT", "LIMIT_EXCEEDED");
            assertThat(error.path("message").asText()).as(reply.text()).contains(argument);
        });
    }

    @Test
    void a_partner_lead_reads_only_its_own_agencys_entries() {
        ApiCaller lead = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("lead-of-" + tenant.slug())
                        .roles(Role.PARTNER_LEAD)
                        .organisations(tenant.slug())
                        .partnerOrganisation(uuidOf(youthService))
                        .claim("name", "Lee Lead")
                        .sign());

        List<JsonNode> seen = entries(lead, Map.of());

        assertThat(seen)
                .extracting(entry -> entry.path("action").asText())
                .containsExactlyElementsOf(THE_AGENCYS_CHANGES);
        assertThat(entries(lead, Map.of("objectId", otherAgency))).isEmpty();
        assertThat(seen.toString()).doesNotContain("Kent Community Health");
    }

    @Test
    void another_tenants_admin_and_a_partner_system_read_none_of_it() {
        ApiCaller mallory = admin(TestTenants.active("elsewhere"), "Mallory Moss");
        assertThat(entries(mallory, Map.of("objectId", youthService))).isEmpty();
        assertThat(entries(mallory, Map.of()).toString()).doesNotContain("Kent Youth Service");

        ApiCaller system = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("system-of-" + tenant.slug())
                        .roles(Role.PARTNER_INTEGRATION)
                        .organisations(tenant.slug())
                        .partnerOrganisation(uuidOf(youthService))
                        .sign());
        Reply refused = trail(system, Map.of());
        assertThat(refused.body()
                        .path("errors")
                        .path(0)
                        .path("extensions")
                        .path("code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        assertThat(refused.text()).doesNotContain("Kent Youth Service");
    }

    private List<JsonNode> entries(ApiCaller caller, Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>(filter);
        variables.put("first", 100);
        Reply reply = trail(caller, variables);
        assertThat(reply.body().path("errors").isMissingNode()).as(reply.text()).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        reply.data().path("auditTrail").path("edges").forEach(edge -> entries.add(edge.path("node")));
        return entries;
    }

    private Reply trail(ApiCaller caller, Map<String, Object> variables) {
        return caller.query(TRAIL, variables);
    }

    private static List<String> changes(JsonNode entry) {
        List<String> changes = new ArrayList<>();
        entry.path("changes")
                .forEach(change -> changes.add(change.path("field").asText() + ": "
                        + change.path("before").asText("") + " → "
                        + change.path("after").asText("")));
        return changes;
    }

    private static UUID uuidOf(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private static String organisation(ApiCaller admin, String name) {
        return ok(
                        admin,
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        Map.of("name", name),
                        "partnerOrganisation { id }")
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }

    private static JsonNode ok(
            ApiCaller caller, String mutation, String inputType, Map<String, Object> input, String fields) {
        Reply reply = caller.query(
                "mutation ($input: " + inputType + "!) { " + mutation + "(input: $input) { " + fields
                        + " userErrors { message } } }",
                Map.of("input", input));
        JsonNode payload = reply.data().path(mutation);
        assertThat(payload.path("userErrors").isEmpty()).as(reply.text()).isTrue();
        return payload;
    }

    private ApiCaller admin(TestTenant tenant, String name) {
        return new ApiCaller(server)
                .withToken(TestIdentityProvider.token(name.toLowerCase().replace(' ', '.'))
                        .roles(Role.TENANT_ADMIN)
                        .organisations(tenant.slug())
                        .claim("name", name)
                        .sign());
    }
}
