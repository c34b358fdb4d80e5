package uk.trustplatform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.actionplans.PlanFixture;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PartnershipData;
import uk.trustplatform.testing.StatementCounter;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * What the busiest requests cost in SQL statements, counted at the data source with the
 * transaction's own ({@code BEGIN}, {@code COMMIT}, savepoints) included, as the server runs them:
 * a board's listing of its partners costs the same for 200 partners as for 20 (every field of the
 * rows is loaded in batches, never once per partner), and the workloads {@code bench/compare}
 * measures stay within the statements docs/performance.md gives them, so none can creep back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementsPerRequestIT implements TestPropertyProvider {

    /** W2 of bench/compare: the board's listing of its partners. */
    private static final String LISTING = """
            query ($first: Int!) { partnerOrganisations(first: $first) { edges { node {
              name category statutory parent { name } services { name }
              actionPlans { status periodStart progress { total complete inProgress red amber green overdue } }
              pledge { status renewalDueOn badge { code } }
            } } } }""";

    /** The listing with every field that names another object: a plan's template, a registration's pledge. */
    private static final String WIDE_LISTING = """
            query ($first: Int!) { partnerOrganisations(first: $first) { edges { node {
              name category statutory parent { name } services { name }
              actionPlans { status periodStart progress { total complete inProgress red amber green overdue }
                template { title } sections { number outcomes { number } } carriedForwardFrom { id } }
              pledge { status renewalDueOn badge { code } pledge { title } }
            } } } }""";

    private static final String AUDITS = """
            query ($first: Int!) { section11Audits(first: $first) { edges { node {
              round status partnerOrganisation { name } carriedForwardFrom { round status } entries { id }
            } } } }""";

    /** W1 of bench/compare: a partner integration reads its plan, every action under its outcome. */
    static final String PARTNER_PLAN = """
            query PartnerPlan { actionPlans(first: 5) { edges { node {
              id status periodStart periodEnd version progress { total complete overdue }
              sections { number title outcomes { number text actions {
                id description lead dueDate status rag overdue version } } }
            } } } }""";

    /** W4 of bench/compare: a partner integration sets an action's status. */
    static final String SAVE_ACTION = """
            mutation SaveAction($input: SaveActionInput!) { saveAction(input: $input) {
              action { id status version } userErrors { field code message } } }""";

    @Inject
    EmbeddedServer server;

    @Inject
    StatementCounter statements;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "trust.test.count-statements", "true",
                "trust.graphql.limits.max-page-size", "200",
                "trust.graphql.limits.max-complexity", "20000");
    }

    @Test
    void listing_200_partners_with_progress_and_pledges_takes_as_many_statements_as_listing_20() throws SQLException {
        ApiCaller twenty = boardOf(partnership("twenty", 20));
        ApiCaller twoHundred = boardOf(partnership("twohundred", 200));

        int forTwenty = statementsFor(twenty, WIDE_LISTING, 20);
        int forTwoHundred = statementsFor(twoHundred, WIDE_LISTING, 200);

        assertThat(forTwoHundred)
                .as("statements for 200 partners (%d) against 20 (%d)", forTwoHundred, forTwenty)
                .isEqualTo(forTwenty);
        System.out.printf("Board listing: %d SQL statements for 20 partners, %d for 200.%n", forTwenty, forTwoHundred);
    }

    @Test
    void a_board_listing_100_partners_sends_at_most_7_statements() throws SQLException {
        ApiCaller board = boardOf(partnership("hundred", 100));
        statementsFor(board, LISTING, 100);
        assertThat(statements.sent()).as("W2: the board lists 100 partners").hasSizeLessThanOrEqualTo(7);
    }

    @Test
    void a_partner_integration_reads_its_plan_of_50_actions_in_at_most_5_statements() throws SQLException {
        ApiCaller integration = integrationWithPlanOf(50);
        // Counted as a partner system polling its plan meets it: after its first read, which also
        // reads the plan's template edition (kept from then on, since it never changes).
        integration.query(PARTNER_PLAN);

        statements.reset();
        Reply reply = integration.query(PARTNER_PLAN);
        List<String> sent = statements.sent();

        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(reply.data().findValues("actions").getFirst()).hasSize(50);
        assertThat(sent).as("W1: a partner integration reads its plan").hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void a_partner_integration_sets_an_actions_status_in_at_most_8_statements() throws SQLException {
        ApiCaller integration = integrationWithPlanOf(50);
        JsonNode action = integration
                .query(PARTNER_PLAN)
                .data()
                .findValues("actions")
                .getFirst()
                .get(0);
        Map<String, Object> input = Map.of(
                "id",
                action.path("id").asText(),
                "version",
                action.path("version").asInt(),
                "sectionNumber",
                "1",
                "outcomeNumber",
                "1.1",
                "description",
                action.path("description").asText(),
                "dueDate",
                action.path("dueDate").asText(),
                "status",
                "COMPLETE",
                "rag",
                "GREEN");

        statements.reset();
        Reply reply = integration.query(SAVE_ACTION, Map.of("input", input));
        List<String> sent = statements.sent();

        JsonNode saved = reply.data().path("saveAction");
        assertThat(saved.path("userErrors")).as(reply.text()).isEmpty();
        assertThat(saved.path("action").path("status").asText())
                .as(reply.text())
                .isEqualTo("COMPLETE");
        assertThat(saved.path("action").path("version").asInt())
                .isEqualTo(action.path("version").asInt() + 1);
        assertThat(sent).as("W4: a partner integration sets an action's status").hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void listing_200_section_11_audits_each_carried_forward_takes_as_many_statements_as_listing_20()
            throws SQLException {
        int forTwenty = auditStatements(20);
        int forTwoHundred = auditStatements(200);

        assertThat(forTwoHundred)
                .as("statements for 200 audits (%d) against 20 (%d)", forTwoHundred, forTwenty)
                .isEqualTo(forTwenty);
        System.out.printf(
                "Section 11 listing: %d SQL statements for 20 audits, %d for 200.%n", forTwenty, forTwoHundred);
    }

    /** How many statements the board's listing of {@code size} partners' second-round audits takes. */
    private int auditStatements(int size) throws SQLException {
        TestTenant tenant = TestTenants.active("audits");
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            for (int i = 0; i < size; i++) {
                UUID partner = data.partner("Partner %03d".formatted(i), null);
                data.section11Audit(partner, 2, data.section11Audit(partner, 1, null));
            }
        }
        statements.reset();
        Reply reply = boardOf(tenant).query(AUDITS, Map.of("first", size));
        int count = statements.count();

        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        JsonNode second = reply.data().path("section11Audits").path("edges").findValues("node").stream()
                .filter(node -> node.path("round").asInt() == 2)
                .toList()
                .getFirst();
        assertThat(second.path("carriedForwardFrom").path("round").asInt()).isEqualTo(1);
        return count;
    }

    /** A partner integration of an agency whose approved plan holds {@code actions} actions. */
    private ApiCaller integrationWithPlanOf(int actions) throws SQLException {
        TestTenant tenant = TestTenants.active("integration");
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        PlanFixture plans = new PlanFixture(admin);
        plans.hearByRight();
        UUID template = PlanFixture.uuid(plans.template(2026, 2027, "2.1"));
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            UUID partner = data.partner("Youth Offending Service", null);
            UUID plan = data.plan(partner, template);
            for (int i = 0; i < actions; i++) {
                data.action(plan, "1", "IN_PROGRESS", "AMBER", LocalDate.of(2026, 6, 30));
            }
            return ApiCaller.member(server, "integration", Role.PARTNER_INTEGRATION, tenant.slug(), partner);
        }
    }

    /** Runs a listing, checks it answered in full, and returns how many statements it took. */
    private int statementsFor(ApiCaller board, String listing, int partners) {
        statements.reset();
        Reply reply = board.query(listing, Map.of("first", partners));
        int count = statements.count();

        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        JsonNode edges = reply.data().path("partnerOrganisations").path("edges");
        assertThat(edges).hasSize(partners);
        for (JsonNode edge : edges) {
            JsonNode node = edge.path("node");
            assertThat(node.path("actionPlans")
                            .path(0)
                            .path("progress")
                            .path("total")
                            .asInt())
                    .isEqualTo(3);
            assertThat(node.path("actionPlans")
                            .path(0)
                            .path("progress")
                            .path("complete")
                            .asInt())
                    .isEqualTo(1);
            assertThat(node.path("pledge").path("status").asText()).isEqualTo("REGISTERED");
        }
        return count;
    }

    /** A tenant with {@code size} partners, each with an approved plan of three actions and a registered pledge. */
    private TestTenant partnership(String prefix, int size) throws SQLException {
        TestTenant tenant = TestTenants.active(prefix);
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        PlanFixture plans = new PlanFixture(admin);
        plans.hearByRight();
        UUID template = PlanFixture.uuid(plans.template(2026, 2027, "2.1"));
        new PledgeFixture(admin).publishPledge();
        UUID pledge = GlobalId.decode(admin.query("{ pledges { edges { node { id } } } }")
                        .data()
                        .path("pledges")
                        .findValue("id")
                        .asText())
                .orElseThrow()
                .uuid();
        LocalDate signed = TestCalendar.today().minusMonths(1);
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            for (int i = 0; i < size; i++) {
                UUID partner = data.partner("Partner %03d".formatted(i), null);
                UUID plan = data.plan(partner, template);
                data.action(plan, "1", "COMPLETE", "GREEN", LocalDate.of(2026, 6, 30));
                data.action(plan, "1", "IN_PROGRESS", "AMBER", LocalDate.of(2026, 6, 30));
                data.action(plan, "1", "NOT_STARTED", "RED", LocalDate.of(2026, 6, 30));
                data.pledge(partner, pledge, signed);
            }
        }
        return tenant;
    }

    private ApiCaller boardOf(TestTenant tenant) {
        return ApiCaller.member(server, "board", Role.BOARD_MEMBER, tenant.slug(), null);
    }
}
