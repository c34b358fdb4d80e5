package uk.trustplatform.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
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
    /** The same for a member's request, reading its tenant's status too (the register is not under row-level security). */
    private static final String SET_MEMBER_REQUEST =
            SET_REQUEST + ", (SELECT status FROM tenant WHERE id = CAST(? AS uuid))";

    /** Whether the work in hand is platform-level, to put its binding back after nested tenant work. */
    private static final ScopedValue<Boolean> PLATFORM = ScopedValue.newInstance();

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

    /**
     * A member's request to a tenant that no longer admits members is refused here, by the
     * statement that binds its transaction: the caller's tenant is named by a slug looked up once
     * ({@link TenantDirectory#idBySlug}), and its status is read afresh with every request, so a
     * suspension holds from the next request on, on every pod, at no statement's cost.
     */
    @Override
    public <T> T execute(RequestContext request, String operation, Supplier<T> work) {
        Caller caller = request.caller();
        UUID tenantId = caller.tenantId();
        return inTransaction(tenantId, false, connection -> bindRequest(connection, caller), () -> {
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
        Savepoint savepoint = savepoint(connection, "mutation's");
        // Not released when the mutation succeeds: the commit ends it anyway, and a RELEASE would
        // cost the request a statement for nothing.
        try {
            return mutation.get();
        } catch (RuntimeException failure) {
            rollBack(connection, savepoint, failure);
            throw failure;
        }
    }

    private static Savepoint savepoint(Connection connection, String whose) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the " + whose + " savepoint", e);
        }
    }

    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs work for a tenant (or none), never inheriting or leaking another binding. Its failure
     * does not doom a transaction it was called in.
     *
     * <p>Called outside any transaction (a request, a scheduled job), the work gets a transaction of
     * its own. Tenant work met inside a request's transaction (a public field: another partnership's
     * register, a feedback code) runs on that transaction's connection instead, under a savepoint,
     * bound to its tenant and bound back after: a second connection per request would starve the
     * pool, each of as many such requests as the pool has connections waiting for a connection
     * another holds (the soak found every request of a busy public page waiting out the pool's
     * timeout). Its writes then commit with the request. Platform work keeps a transaction of its
     * own wherever it is called.
     *
     * @param platform true only for platform-level work (onboarding, the tenant directory's writes)
     */
    public <T> T inTenant(@Nullable UUID tenantId, boolean platform, Supplier<T> work) {
        Optional<? extends TransactionStatus<?>> outer = transactions.findTransactionStatus();
        // Only a transaction opened here says what to bind back (PLATFORM bound); any other keeps
        // the old way, a transaction of its own.
        if (outer.isPresent() && !platform && PLATFORM.isBound()) {
            return within((Connection) outer.get().getConnection(), tenantId, work);
        }
        return inTransaction(
                tenantId,
                platform,
                connection -> {
                    if (tenantId != null || platform) {
                        bind(connection, tenantId, platform);
                    }
                },
                work);
    }

    private <T> T inTransaction(
            @Nullable UUID tenantId, boolean platform, Consumer<Connection> binding, Supplier<T> work) {
        return ScopedValue.where(CurrentTenant.TENANT, tenantId)
                .where(PLATFORM, platform)
                .call(() -> transactions.execute(OWN_TRANSACTION, status -> {
                    binding.accept(status.getConnection());
                    return work.get();
                }));
    }

    private static <T> T within(Connection connection, @Nullable UUID tenantId, Supplier<T> work) {
        UUID outerTenant = CurrentTenant.id().orElse(null);
        boolean outerPlatform = PLATFORM.get();
        Savepoint savepoint = savepoint(connection, "tenant work's");
        try {
            bind(connection, tenantId, false);
            T result = ScopedValue.where(CurrentTenant.TENANT, tenantId)
                    .where(PLATFORM, false)
                    .call(work::get);
            // Bound back inside the savepoint: a released savepoint keeps what was set in it, and
            // a failure from here on rolls the inner binding back with it.
            bind(connection, outerTenant, outerPlatform);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            IllegalStateException failure =
                    new IllegalStateException("Could not release the tenant work's savepoint", e);
            rollBack(connection, savepoint, failure);
            throw failure;
        } catch (RuntimeException | Error failure) {
            // Rolling back to the savepoint also undoes the binding.
            rollBack(connection, savepoint, failure);
            throw failure;
        }
    }

    private void bindRequest(Connection connection, Caller caller) {
        // An operator who names a tenant reaches it whatever its status; its members only while it admits them.
        boolean member = caller.inTenant() && !caller.operatorNamedTenant();
        UUID tenantId = caller.tenantId();
        String tenant = tenantId != null ? tenantId.toString() : "";
        String status = null;
        try (PreparedStatement statement = connection.prepareStatement(member ? SET_MEMBER_REQUEST : SET_REQUEST)) {
            statement.setString(1, tenant);
            statement.setString(2, Long.toString(timeLimit.millis()));
            if (member) {
                statement.setString(3, tenant);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                status = member ? result.getString(4) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the request's transaction to its tenant", e);
        }
        if (!member) {
            return;
        }
        if (status == null) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Your token does not make you a member of tenant '" + caller.tenantSlug() + "'.");
        }
        TenantStatus current = TenantStatus.valueOf(status);
        if (!current.admitsMembers()) {
            throw current.refusesMembersOf(caller.requireTenantSlug());
        }
    }

    private static void bind(Connection connection, @Nullable UUID tenantId, boolean platform) {
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenantId == null ? "" : tenantId.toString());
            statement.setString(2, platform ? "on" : "");
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the transaction to its tenant", e);
        }
    }
}
