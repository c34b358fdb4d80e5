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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the platform prepares or creates, by wrapping its data source, for
 * tests that prove a listing costs a fixed number of queries. Only in a test that sets
 * {@code trust.test.count-statements}.
 */
@Singleton
@Requires(property = "trust.test.count-statements", value = "true")
public final class StatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
    private final AtomicInteger count = new AtomicInteger();

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

    /** Statements prepared or created since the last reset. */
    public int count() {
        return count.get();
    }

    public void reset() {
        count.set(0);
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        count.incrementAndGet();
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
