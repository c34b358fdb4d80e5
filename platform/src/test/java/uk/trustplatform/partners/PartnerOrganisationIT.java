package uk.trustplatform.partners;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/** Registering, reading, paging and changing partner organisations, with their rules. */
@MicronautTest(transactional = false)
class PartnerOrganisationIT {

    private static final String REGISTER = """
            mutation ($input: RegisterPartnerOrganisationInput!) {
              registerPartnerOrganisation(input: $input) {
                partnerOrganisation { id name organisationIdentifier version parent { id } }
                userErrors { field message code }
              }
            }""";
    private static final String UPDATE = """
            mutation ($input: UpdatePartnerOrganisationInput!) {
              updatePartnerOrganisation(input: $input) {
                partnerOrganisation { id name organisationIdentifier version parent { id } }
                userErrors { field message code }
              }
            }""";

    @Inject
    EmbeddedServer server;

    private TestTenant luton;
    private ApiCaller admin;

    @BeforeEach
    void aTenantWithItsAdmin() {
        luton = TestTenants.active("luton");
        admin = as("admin", Role.TENANT_ADMIN, null);
    }

    @Test
    void an_admin_registers_an_organisation_and_a_service_below_it() {
        JsonNode trust = register("Bedfordshire Hospitals NHS Foundation Trust", "GB-NHS-RC9", null);
        JsonNode ward =
                register("Paediatric Liaison Team", null, trust.path("id").asText());

        assertThat(trust.path("name").asText()).isEqualTo("Bedfordshire Hospitals NHS Foundation Trust");
        assertThat(trust.path("organisationIdentifier").asText()).isEqualTo("GB-NHS-RC9");
        assertThat(trust.path("version").asInt()).isZero();
        assertThat(ward.path("parent").path("id").asText())
                .isEqualTo(trust.path("id").asText());
    }

    @Test
    void invalid_input_returns_every_problem_by_field_and_stores_nothing() throws SQLException {
        Reply reply = admin.query(
                REGISTER,
                Map.of(
                        "input",
                        Map.of(
                                "name", "   ",
                                "organisationIdentifier", "charity 1091764",
                                "parentId", GlobalId.encode("PartnerOrganisation", UUID.randomUUID()))));

        JsonNode payload = reply.data().path("registerPartnerOrganisation");
        assertThat(payload.path("partnerOrganisation").isNull()).isTrue();
        assertThat(payload.path("userErrors").findValuesAsText("code"))
                .containsExactly("REQUIRED", "INVALID_FORMAT", "NOT_FOUND");
        assertThat(payload.path("userErrors").path(1).path("field").toString())
                .isEqualTo("[\"input\",\"organisationIdentifier\"]");
        assertThat(payload.path("userErrors").path(1).path("message").asText()).contains("GB-CHC-1091764");
        assertThat(TenantData.rows(luton.id(), "partner_organisation")).isZero();
    }

    @Test
    void a_name_longer_than_two_hundred_characters_is_refused() {
        Reply reply = admin.query(REGISTER, Map.of("input", Map.of("name", "x".repeat(201))));

        assertThat(reply.data()
                        .path("registerPartnerOrganisation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("TOO_LONG");
    }

    @Test
    void an_update_with_the_version_read_saves_and_bumps_the_version_and_the_audit_trail_has_before_and_after()
            throws SQLException {
        JsonNode created = register("Luton Borough Council Children's Services", null, null);

        JsonNode updated = update(created.path("id").asText(), 0, "Luton Council Children's Services", "GB-LAE-LUT")
                .path("partnerOrganisation");

        assertThat(updated.path("version").asInt()).isEqualTo(1);
        assertThat(updated.path("organisationIdentifier").asText()).isEqualTo("GB-LAE-LUT");
        List<String> audit = TenantData.audit(luton.id());
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1))
                .contains("PartnerOrganisation.updated")
                .contains("\"name\": \"Luton Borough Council Children's Services\"")
                .contains("\"name\": \"Luton Council Children's Services\"");
    }

    @Test
    void a_stale_version_is_a_conflict_and_changes_nothing() {
        JsonNode created = register("Luton Youth Service", null, null);
        update(created.path("id").asText(), 0, "Luton Youth Service (north)", null);

        JsonNode stale = update(created.path("id").asText(), 0, "Luton Youth Service (south)", null);

        assertThat(stale.path("partnerOrganisation").isNull()).isTrue();
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(stale.path("userErrors").path(0).path("message").asText()).contains("now version 1, you sent 0");
        assertThat(read(created.path("id").asText()).path("name").asText()).isEqualTo("Luton Youth Service (north)");
    }

    @Test
    void two_concurrent_edits_of_one_version_save_one_and_refuse_the_other() throws Exception {
        JsonNode created = register("Luton Early Help", null, null);
        String id = created.path("id").asText();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<JsonNode>> edits = new ArrayList<>();
        for (String name : List.of("Luton Early Help (A)", "Luton Early Help (B)")) {
            edits.add(() -> {
                start.await();
                return update(id, 0, name, null);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> results = new ArrayList<>();
        edits.forEach(edit -> results.add(pool.submit(edit)));
        start.countDown();
        List<JsonNode> payloads = new ArrayList<>();
        for (Future<JsonNode> result : results) {
            payloads.add(result.get());
        }
        pool.shutdown();

        List<JsonNode> saved = payloads.stream()
                .filter(p -> p.path("partnerOrganisation").has("id"))
                .toList();
        List<JsonNode> refused = payloads.stream()
                .filter(p -> p.path("partnerOrganisation").isNull())
                .toList();
        assertThat(saved).hasSize(1);
        assertThat(refused)
                .singleElement()
                .satisfies(p -> assertThat(
                                p.path("userErrors").path(0).path("code").asText())
                        .isEqualTo("CONFLICT"));
        assertThat(read(id).path("name").asText())
                .isEqualTo(saved.getFirst()
                        .path("partnerOrganisation")
                        .path("name")
                        .asText());
        assertThat(read(id).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void an_organisation_cannot_be_moved_under_one_of_its_own_services() {
        JsonNode council = register("Luton Council", null, null);
        JsonNode service = register(
                "Luton Youth Offending Service", null, council.path("id").asText());

        JsonNode payload = admin.query(
                        UPDATE,
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        council.path("id").asText(),
                                        "version",
                                        0,
                                        "name",
                                        "Luton Council",
                                        "parentId",
                                        service.path("id").asText())))
                .data()
                .path("updatePartnerOrganisation");

        assertThat(payload.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(payload.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"parentId\"]");
    }

    @Test
    void a_partner_lead_changes_its_own_organisation_but_may_not_move_it() {
        JsonNode council = register("Luton Council", null, null);
        JsonNode charity = register("Barnardo's Luton", "GB-CHC-216250", null);
        UUID charityId = GlobalId.decode(charity.path("id").asText(), "PartnerOrganisation")
                .orElseThrow();
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, charityId);

        Reply renamed = lead.query(
                UPDATE,
                Map.of(
                        "input",
                        Map.of(
                                "id",
                                charity.path("id").asText(),
                                "version",
                                0,
                                "name",
                                "Barnardo's (Luton)",
                                "organisationIdentifier",
                                "GB-CHC-216250")));
        Reply moved = lead.query(
                UPDATE,
                Map.of(
                        "input",
                        Map.of(
                                "id",
                                charity.path("id").asText(),
                                "version",
                                1,
                                "name",
                                "Barnardo's (Luton)",
                                "parentId",
                                council.path("id").asText())));

        assertThat(renamed.data()
                        .path("updatePartnerOrganisation")
                        .path("partnerOrganisation")
                        .path("name")
                        .asText())
                .isEqualTo("Barnardo's (Luton)");
        assertThat(moved.data()
                        .path("updatePartnerOrganisation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_ALLOWED");
    }

    @Test
    void the_list_pages_by_name_with_opaque_cursors() {
        for (String name : List.of("Delta", "Alpha", "Echo", "Charlie", "Bravo")) {
            register(name, null, null);
        }
        String page = "query ($after: String) { partnerOrganisations(first: 2, after: $after) {"
                + " edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }";

        List<String> names = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        boolean more = true;
        int pages = 0;
        while (more) {
            JsonNode connection = admin.query(page, variables).data().path("partnerOrganisations");
            connection
                    .path("edges")
                    .forEach(edge -> names.add(edge.path("node").path("name").asText()));
            more = connection.path("pageInfo").path("hasNextPage").asBoolean();
            variables.put("after", connection.path("pageInfo").path("endCursor").asText());
            pages++;
        }

        assertThat(names).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_cursor_not_issued_by_the_list_and_a_negative_page_size_are_bad_user_input() {
        Reply badCursor = admin.query("{ partnerOrganisations(after: \"bm9wZQ\") { edges { cursor } } }");
        Reply negative = admin.query("{ partnerOrganisations(first: -1) { edges { cursor } } }");

        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(badCursor.firstError().path("message").asText()).contains("'after'");
        assertThat(negative.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(negative.firstError().path("message").asText()).contains("'first'");
    }

    @Test
    void a_partner_lead_sees_its_organisation_and_services_but_not_its_parent_or_other_agencies() {
        JsonNode council = register("Luton Council", null, null);
        JsonNode youth =
                register("Luton Youth Service", null, council.path("id").asText());
        JsonNode forum = register("Luton Youth Forum", null, youth.path("id").asText());
        register("Luton CCG", null, null);
        UUID youthId = GlobalId.decode(youth.path("id").asText(), "PartnerOrganisation")
                .orElseThrow();
        ApiCaller lead = as("youth-lead", Role.PARTNER_LEAD, youthId);

        JsonNode seen = lead.query("{ partnerOrganisations { edges { node { name parent { name } } } } }")
                .data()
                .path("partnerOrganisations")
                .path("edges");

        assertThat(seen.findValuesAsText("name")).contains("Luton Youth Service", "Luton Youth Forum");
        assertThat(seen.toString()).doesNotContain("Luton CCG").doesNotContain("Luton Council");
        assertThat(lead.query(
                                "query ($id: ID!) { node(id: $id) { id } }",
                                Map.of("id", council.path("id").asText()))
                        .data()
                        .path("node")
                        .isNull())
                .isTrue();
        assertThat(forum.path("id").asText()).isNotEmpty();
    }

    @Test
    void queries_of_the_repository_also_filter_by_the_current_tenant_the_applications_own_lock() {
        JsonNode created = register("Luton Families First", null, null);
        Logger queries = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Level level = queries.getLevel();
        queries.setLevel(Level.DEBUG);
        queries.addAppender(log);
        try {
            read(created.path("id").asText());
        } finally {
            queries.detachAppender(log);
            queries.setLevel(level);
        }

        assertThat(log.list)
                .map(ILoggingEvent::getFormattedMessage)
                .filteredOn(sql -> sql.contains("FROM \"partner_organisation\""))
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).contains("\"tenant_id\" = ?"));
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, luton.slug(), partner);
    }

    private JsonNode register(String name, String identifier, String parentId) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("organisationIdentifier", identifier);
        input.put("parentId", parentId);
        Reply reply = admin.query(REGISTER, Map.of("input", input));
        JsonNode organisation = reply.data().path("registerPartnerOrganisation").path("partnerOrganisation");
        assertThat(organisation.has("id")).as(reply.text()).isTrue();
        return organisation;
    }

    private JsonNode update(String id, int version, String name, String identifier) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put("name", name);
        input.put("organisationIdentifier", identifier);
        return admin.query(UPDATE, Map.of("input", input)).data().path("updatePartnerOrganisation");
    }

    private JsonNode read(String id) {
        return admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name version } } }",
                        Map.of("id", id))
                .data()
                .path("node");
    }
}
