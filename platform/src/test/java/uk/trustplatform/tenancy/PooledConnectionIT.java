package uk.trustplatform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * With a pool of one connection, every transaction reuses the same physical connection; the
 * tenant of one never shows in the next, whether the first committed or failed.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "1")
@Property(name = "datasources.default.minimum-idle", value = "1")
class PooledConnectionIT {

    @Inject
    TenantTransactions transactions;

    @Inject
    DataSource dataSource;

    @Test
    void a_pooled_connection_never_carries_a_tenant_into_the_next_transaction() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        List<String> seen = transactions.inTenant(a.id(), false, () -> observe());
        assertThat(seen.getFirst()).isEqualTo(a.id().toString());

        List<String> after = transactions.inTenant(null, false, () -> observe());

        assertThat(after.getFirst()).as("app.tenant_id in the next transaction").isEmpty();
        assertThat(after.get(1)).as("the same physical connection").isEqualTo(seen.get(1));
    }

    @Test
    void a_failed_transaction_does_not_leave_its_tenant_behind_either() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        assertThatThrownBy(() -> transactions.inTenant(a.id(), false, () -> {
                    observe();
                    throw new IllegalStateException("the work failed");
                }))
                .hasMessage("the work failed");

        try (Connection raw = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                ResultSet rows = raw.createStatement()
                        .executeQuery("SELECT coalesce(current_setting('app.tenant_id', true), '')")) {
            rows.next();
            assertThat(rows.getString(1)).isEmpty();
        }
    }

    @Test
    void tenant_work_met_inside_a_transaction_takes_no_second_connection_and_gives_the_binding_back() {
        TestTenant a = TestTenants.active("alpha");
        TestTenant b = TestTenants.active("bravo");

        List<List<String>> seen = transactions.inTenant(a.id(), false, () -> {
            List<String> before = observe();
            // With the pool's only connection held here, a second one would wait out the pool's timeout.
            List<String> inner = transactions.inTenant(b.id(), false, this::observe);
            return List.of(before, inner, observe());
        });

        assertThat(seen.get(1))
                .as("inside: B's binding, on the same connection")
                .containsExactly(b.id().toString(), seen.getFirst().get(1));
        assertThat(seen.get(2)).as("after: A's binding again").isEqualTo(seen.getFirst());
    }

    @Test
    void tenant_work_that_fails_inside_a_transaction_leaves_it_usable_and_bound_as_it_was() {
        TestTenant a = TestTenants.active("alpha");
        TestTenant b = TestTenants.active("bravo");

        List<String> after = transactions.inTenant(a.id(), false, () -> {
            assertThatThrownBy(() -> transactions.inTenant(b.id(), false, () -> {
                        try {
                            return currentConnection().createStatement().executeQuery("SELECT 1 / 0");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .hasRootCauseMessage("ERROR: division by zero");
            return observe();
        });

        assertThat(after.getFirst()).isEqualTo(a.id().toString());
    }

    /** The tenant setting and the backend process id seen inside the current transaction. */
    private List<String> observe() {
        try (ResultSet rows = currentConnection()
                .createStatement()
                .executeQuery("SELECT coalesce(current_setting('app.tenant_id', true), ''), pg_backend_pid()::text")) {
            rows.next();
            return List.of(rows.getString(1), rows.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection currentConnection() throws SQLException {
        return dataSource.getConnection();
    }
}
