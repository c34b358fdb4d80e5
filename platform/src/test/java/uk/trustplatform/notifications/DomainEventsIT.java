package uk.trustplatform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQL;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The outbox: an event is written exactly when its change commits, once for what a job finds
 * however often it looks, and only in its own tenant. Each use case's own events are asserted in
 * that use case's test (the pledge register, action plans, Section 11 audits, …).
 */
@MicronautTest(transactional = false)
class DomainEventsIT {

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions transactions;

    @Inject
    GraphQL graphQL;

    @Test
    void an_event_is_written_with_its_change_and_not_at_all_when_the_change_rolls_back() {
        TestTenant tenant = TestTenants.active("outbox");
        UUID kept = UUID.randomUUID();
        UUID undone = UUID.randomUUID();

        transactions.inTenant(tenant.id(), false, () -> {
            events.publish(tenant.id(), EventKind.PLEDGE_SIGNED, "PledgeRegistration", kept, null, Map.of());
            return null;
        });
        assertThatThrownBy(() -> transactions.inTenant(tenant.id(), false, () -> {
                    events.publish(tenant.id(), EventKind.PLEDGE_SIGNED, "PledgeRegistration", undone, null, Map.of());
                    throw new IllegalStateException("the change failed after its event was written");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(TenantData.query(tenant.id(), "SELECT subject_id::text FROM domain_event"))
                .containsExactly(kept.toString());
    }

    @Test
    void an_occurrence_is_announced_once_and_each_tenant_sees_only_its_own_events() {
        TestTenant one = TestTenants.active("outbox");
        TestTenant other = TestTenants.active("outbox");
        UUID action = UUID.randomUUID();

        boolean first = announce(one, action, "2026-11-30");
        boolean again = announce(one, action, "2026-11-30");
        boolean nextDate = announce(one, action, "2026-12-31");
        boolean elsewhere = announce(other, action, "2026-11-30");

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(nextDate).as("a new due date missed is news").isTrue();
        assertThat(elsewhere).as("the key is the tenant's own").isTrue();
        assertThat(TenantData.query(one.id(), "SELECT kind FROM domain_event")).hasSize(2);
        assertThat(TenantData.query(other.id(), "SELECT kind FROM domain_event"))
                .hasSize(1);
    }

    @Test
    void the_schemas_event_kinds_are_the_platforms() {
        GraphQLEnumType kinds = (GraphQLEnumType) graphQL.getGraphQLSchema().getType("EventKind");

        assertThat(kinds.getValues().stream().map(GraphQLEnumValueDefinition::getName))
                .containsExactlyElementsOf(
                        Arrays.stream(EventKind.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::type))
                .allMatch(type -> type.matches("^[a-z0-9_]+\\.[a-z0-9_]+$"))
                .doesNotHaveDuplicates();
    }

    private boolean announce(TestTenant tenant, UUID subject, String dueOn) {
        return transactions.inTenant(
                tenant.id(),
                false,
                () -> events.publishOnce(
                        tenant.id(), EventKind.ACTION_OVERDUE, "Action", subject, null, Map.of("dueOn", dueOn), dueOn));
    }
}
