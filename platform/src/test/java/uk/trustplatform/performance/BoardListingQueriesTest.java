package uk.trustplatform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * A board's listing of its partners with their plan progress and pledge status costs the same
 * number of SQL statements for 200 partners as for 20: every field of the rows is loaded in
 * batches, never once per partner.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardListingQueriesTest implements TestPropertyProvider {

    private static final String LISTING = """
            query ($first: Int!) { partnerOrganisations(first: $first) { edges { node {
              name category statutory parent { name } services { name }
              actionPlans { status periodStart progress { total complete inProgress red amber green overdue } }
              pledge { status renewalDueOn badge { code } }
            } } } }""";

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

        int forTwenty = statementsFor(twenty, 20);
        int forTwoHundred = statementsFor(twoHundred, 200);

        assertThat(forTwoHundred)
                .as("statements for 200 partners (%d) against 20 (%d)", forTwoHundred, forTwenty)
                .isEqualTo(forTwenty);
        System.out.printf("Board listing: %d SQL statements for 20 partners, %d for 200.%n", forTwenty, forTwoHundred);
    }

    /** Runs the listing, checks it answered in full, and returns how many statements it took. */
    private int statementsFor(ApiCaller board, int partners) {
        statements.reset();
        Reply reply = board.query(LISTING, Map.of("first", partners));
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
