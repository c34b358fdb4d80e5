package uk.trustplatform.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.RequestScope;
import uk.trustplatform.api.RequestTimeLimit;
import uk.trustplatform.api.TenantEntryListener;

/**
 * Runs work in a transaction bound to one tenant. The tenant is set with
 * {@code set_config('app.tenant_id', ?, true)}: a bound parameter, local to the transaction, so it
 * is gone when the connection returns to the pool. With no tenant nothing is set and the
 * row-level security policies match no tenant-owned row. A request's transaction also gets its
 * {@link RequestTimeLimit} as {@code statement_timeout}, set the same way and for the same reason:
 * a session setting would stay on the pooled connection, or, behind PgBouncer in transaction
 * mode, on whichever client next shares the server connection.
 */
@Singleton
public final class TenantTransactions implements RequestScope {

    private static final String SET_TENANT =
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.platform', ?, true)";
    private static final String SET_REQUEST = "SELECT set_config('app.tenant_id', ?, true),"
            + " set_config('app.platform', '', true), set_config('statement_timeout', ?, true)";

    private static final TransactionDefinition OWN_TRANSACTION =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final TransactionOperations<Connection> transactions;
    private final List<TenantEntryListener> listeners;
    private final RequestTimeLimit timeLimit;

    TenantTransactions(
            TransactionOperations<Connection> transactions,
            List<TenantEntryListener> listeners,
            RequestTimeLimit timeLimit) {
        this.transactions = transactions;
        this.listeners = listeners;
        this.timeLimit = timeLimit;
    }

    @Override
    public <T> T execute(RequestContext request, String operation, Supplier<T> work) {
        UUID tenantId = request.caller().tenantId();
        return inTransaction(tenantId, connection -> bindRequest(connection, tenantId), () -> {
            listeners.forEach(listener -> listener.entered(request, operation));
            return work.get();
        });
    }

    /**
     * A savepoint on the request's own connection, which keeps the tenant binding; Micronaut's
     * NESTED propagation would take a second connection that has none.
     */
    @Override
    public <T> T atomically(Supplier<T> mutation) {
        Connection connection = (Connection) transactions
                .findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("A mutation runs inside the request's transaction"))
                .getConnection();
        Savepoint savepoint = savepoint(connection);
        try {
            T result = mutation.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException failure) {
            rollBack(connection, savepoint, failure);
            throw failure;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the mutation's savepoint", e);
        }
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the mutation's savepoint", e);
        }
    }

    private static void rollBack(Connection connection, Savepoint savepoint, RuntimeException failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs work in a transaction of its own for a tenant (or none). Always a new transaction: one
     * started inside a request's transaction must neither inherit nor leak the request's tenant,
     * and its failure must not doom the request's transaction.
     *
     * @param platform true only for platform-level work (onboarding, the tenant directory's writes)
     */
    public <T> T inTenant(UUID tenantId, boolean platform, Supplier<T> work) {
        return inTransaction(
                tenantId,
                connection -> {
                    if (tenantId != null || platform) {
                        bind(connection, tenantId, platform);
                    }
                },
                work);
    }

    private <T> T inTransaction(UUID tenantId, Consumer<Connection> binding, Supplier<T> work) {
        return ScopedValue.where(CurrentTenant.TENANT, tenantId)
                .call(() -> transactions.execute(OWN_TRANSACTION, status -> {
                    binding.accept(status.getConnection());
                    return work.get();
                }));
    }

    private void bindRequest(Connection connection, UUID tenantId) {
        try (PreparedStatement statement = connection.prepareStatement(SET_REQUEST)) {
            statement.setString(1, tenantId == null ? "" : tenantId.toString());
            statement.setString(2, Long.toString(timeLimit.millis()));
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the request's transaction to its tenant", e);
        }
    }

    private static void bind(Connection connection, UUID tenantId, boolean platform) {
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenantId == null ? "" : tenantId.toString());
            statement.setString(2, platform ? "on" : "");
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the transaction to its tenant", e);
        }
    }
}
