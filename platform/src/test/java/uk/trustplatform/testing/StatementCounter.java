package uk.trustplatform.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Records the SQL statements the platform sends, by wrapping its data source, for tests that prove
 * a request costs a fixed number of them: each statement prepared or created, and the
 * transaction's own ({@code BEGIN} when auto-commit is turned off, {@code COMMIT}, {@code
 * ROLLBACK}, savepoints), since each of those is a statement the server runs too. Only in a test
 * that sets {@code trust.test.count-statements}.
 */
@Singleton
@Requires(property = "trust.test.count-statements", value = "true")
public final class StatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
    private static final Map<String, String> TRANSACTION_STATEMENTS = Map.of(
            "commit", "COMMIT",
            "rollback", "ROLLBACK",
            "setSavepoint", "SAVEPOINT",
            "releaseSavepoint", "RELEASE SAVEPOINT");
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    /**
     * First of the data source's listeners, so it wraps the pool itself: Micronaut Data's
     * transaction-aware wrapper must wrap this one, or it cannot unwrap to the pool to open
     * connections.
     */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** Statements prepared or created since the last reset, without the transaction's own. */
    public int count() {
        return (int) sent.stream()
                .filter(statement -> !TRANSACTION_STATEMENTS.containsValue(statement) && !statement.equals("BEGIN"))
                .count();
    }

    /** Every statement sent since the last reset, in order, the transaction's own included. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    public void reset() {
        sent.clear();
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (STATEMENTS.contains(name)) {
                        sent.add(args == null || args.length == 0 ? "(statement)" : String.valueOf(args[0]));
                    } else if (TRANSACTION_STATEMENTS.containsKey(name)) {
                        sent.add(TRANSACTION_STATEMENTS.get(name));
                    } else if (name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        sent.add("BEGIN");
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
