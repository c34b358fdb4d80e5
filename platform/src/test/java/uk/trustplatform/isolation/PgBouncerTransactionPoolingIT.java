package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PgBouncer;
import uk.trustplatform.testing.TenantSnapshot;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestKeycloak;

/**
 * The platform behind a real PgBouncer in transaction-pooling mode, where one PostgreSQL
 * connection serves many clients' transactions in turn and anything a transaction leaves on its
 * session reaches the next tenant's. Callers of four tenants run every operation of the isolation
 * suite's catalogue at once from several threads: three tenants' own reads and writes, the
 * fourth's own reads, and every role of the three aimed at the fourth's ids. No reply shows
 * another tenant's rows; the fourth tenant's reads reach its data, and it ends as it began.
 */
class PgBouncerTransactionPoolingIT {

    /**
     * The platform's connections (the default pool), and PostgreSQL's behind PgBouncer: far fewer,
     * so every PostgreSQL connection serves many clients' transactions in turn. A request holds one
     * connection at a time (tenant work inside it runs on the same one), so no number of server
     * connections deadlocks: a request waits only for one a finished transaction gave back. Not
     * fewer than four: some transactions wait on Keycloak (inviting a person, registering a
     * partner system), and with two, requests queued past PgBouncer's query_wait_timeout on this
     * 2-core machine.
     */
    private static final int CLIENT_CONNECTIONS = 10;

    private static final int SERVER_CONNECTIONS = 4;

    /** More callers at once than PostgreSQL connections, so that tenants' transactions share them. */
    private static final int THREADS = 6;

    /** pgjdbc's named server-side statements live on one PostgreSQL connection; PgBouncer 1.18 moves clients between them. */
    private static final String URL_SETTINGS = "prepareThreshold=0";

    /** Whom a tenant's own call is made as: the first of these its operation allows. */
    private static final List<Persona> OWN_CALLERS = List.of(
            Persona.TENANT_ADMIN,
            Persona.PARTNER_LEAD,
            Persona.BOARD_MEMBER,
            Persona.PARTNER_INTEGRATION,
            Persona.FORUM_ANALYST,
            Persona.PLATFORM_OPERATOR,
            Persona.ANONYMOUS);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text in place of a marker: no world's marker contains it. */
    private static final String NO_TENANTS = "Nobody";

    private final Queue<String> leaks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void concurrent_tenants_behind_pgbouncer_in_transaction_mode_never_see_or_change_each_others_rows(
            @TempDir Path folder) throws Exception {
        assumeTrue(
                PgBouncer.installed(),
                "PgBouncer is not installed (" + PgBouncer.EXECUTABLE + "), so the platform is not tested behind it:"
                        + " apt-get install pgbouncer (.ci/run installs it)");
        DatabaseSettings database = TestDatabase.settings();
        try (PgBouncer bouncer = PgBouncer.start(database, folder, SERVER_CONNECTIONS);
                ApplicationContext platform = behind(bouncer, database)) {
            EmbeddedServer server = platform.getBean(EmbeddedServer.class);
            server.start();
            ApiCaller api = new ApiCaller(server);
            World watched = World.create(api, "pooled-a");
            List<World> busy = List.of(
                    World.create(api, "pooled-b"), World.create(api, "pooled-c"), World.create(api, "pooled-d"));
            List<World> everyone = new ArrayList<>(busy);
            everyone.add(watched);
            // Built first: aiming some calls makes the target's own admin arrange fresh objects for them.
            List<Callable<Void>> calls = calls(api, watched, busy, everyone);
            String before = unchangeable(watched);

            Collections.shuffle(calls, new Random(16));
            long started = System.nanoTime();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                for (var done : threads.invokeAll(calls)) {
                    done.get();
                }
            } finally {
                threads.shutdown();
                threads.awaitTermination(1, TimeUnit.MINUTES);
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(leaks).as("replies that crossed tenants or failed").isEmpty();
            assertThat(sessionSettings(bouncer, database))
                    .as("what the platform's transactions left on PgBouncer's server connections")
                    .allMatch(String::isEmpty);
            assertThat(unchangeable(watched))
                    .as("nothing of the watched tenant changed")
                    .isEqualTo(before);
            System.out.printf(
                    "Behind PgBouncer (transaction mode, %d client connections over %d server connections, URL %s):"
                            + " %d requests from %d threads as callers of %d tenants in %d s, 0 leaks, the watched"
                            + " tenant's rows unchanged.%n",
                    CLIENT_CONNECTIONS,
                    SERVER_CONNECTIONS,
                    URL_SETTINGS,
                    requests.get(),
                    THREADS,
                    everyone.size(),
                    seconds);
        }
    }

    /**
     * The platform's bindings as each of PgBouncer's server connections holds them outside any
     * transaction of the platform's: one open transaction per server connection, so each is seen.
     */
    private static List<String> sessionSettings(PgBouncer bouncer, DatabaseSettings database) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        try {
            for (int i = 0; i < SERVER_CONNECTIONS; i++) {
                Connection connection = DriverManager.getConnection(
                        bouncer.jdbcUrl(URL_SETTINGS), database.runtimeUser(), database.runtimePassword());
                connections.add(connection);
                connection.setAutoCommit(false);
                try (ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT concat(current_setting('app.tenant_id', true),"
                                + " current_setting('app.platform', true), current_setting('app.session', true),"
                                + " current_setting('app.client', true))")) {
                    row.next();
                    settings.add(row.getString(1));
                }
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
        return settings;
    }

    /** The platform's requests through PgBouncer; its migrations straight to PostgreSQL. */
    private static ApplicationContext behind(PgBouncer bouncer, DatabaseSettings database) {
        Map<String, Object> properties = new HashMap<>(TestKeycloak.adminApiProperties());
        properties.put("trust.db.url", bouncer.jdbcUrl(URL_SETTINGS));
        properties.put("trust.db.migrations.url", database.jdbcUrl());
        properties.put("trust.db.pool-size", CLIENT_CONNECTIONS);
        return ApplicationContext.builder()
                .environments("test")
                .properties(properties)
                .start();
    }

    private List<Callable<Void>> calls(ApiCaller api, World watched, List<World> busy, List<World> everyone) {
        List<Callable<Void>> calls = new ArrayList<>();
        for (Operation operation : OperationCatalogue.all()) {
            Request read = operation.request().apply(watched);
            if (readsOnly(read, ownCaller(operation))) {
                calls.add(() -> own(api, operation, read, watched, everyone, true));
            }
            // One request for every outsider: a refusal changes nothing, so each finds the target as it was.
            Request aimedAtWatched = withoutMarker(operation.request().apply(watched), watched);
            for (World world : busy) {
                Request own = operation.request().apply(world);
                calls.add(() -> own(api, operation, own, world, everyone, false));
                for (Persona persona : Persona.values()) {
                    calls.add(() -> aimed(api, operation.name(), aimedAtWatched, watched, world, persona, everyone));
                }
            }
        }
        return calls;
    }

    /**
     * A tenant's own call: nothing of any other tenant in the reply; for the watched tenant, whose
     * data no one of its own changes meanwhile, the read also reaches its target.
     */
    private Void own(
            ApiCaller api, Operation operation, Request request, World world, List<World> everyone, boolean mustReach) {
        Persona persona = ownCaller(operation);
        Reply reply = request.sendAs(world.as(api, persona));
        String call = operation.name() + " by " + world.tenant().slug() + "'s own " + persona;
        check(call, reply, world, everyone);
        if (mustReach && !operation.reached().test(reply, world)) {
            leaks.add(call + " did not reach its own data: " + reply.text());
        }
        return null;
    }

    private static Persona ownCaller(Operation operation) {
        return OWN_CALLERS.stream()
                .filter(operation.allowed()::contains)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Whether the call changes nothing of its tenant's: not a mutation (some catalogue entries are
     * named for their subject, not their root field), and not made by a platform operator, whose
     * every access to a tenant is audited in it.
     */
    private static boolean readsOnly(Request request, Persona caller) {
        boolean mutation =
                request.query() != null && request.query().stripLeading().startsWith("mutation");
        return !mutation && caller != Persona.PLATFORM_OPERATOR;
    }

    /** An outsider's call aimed at the watched tenant's ids. */
    private Void aimed(
            ApiCaller api,
            String operation,
            Request request,
            World target,
            World caller,
            Persona persona,
            List<World> everyone) {
        Reply reply = request.sendAs(caller.as(api, persona));
        String call = operation + " with " + target.tenant().slug() + "'s ids by "
                + caller.tenant().slug() + "'s " + persona;
        check(call, reply, persona == Persona.ANONYMOUS ? null : caller, everyone);
        return null;
    }

    /**
     * The request aimed at the target's ids, its text carrying no tenant's marker. A tenant-wide
     * setting (its quiet periods) has no id to aim at, so an outsider's save of it lands, rightly, in
     * the outsider's own tenant; with the target's marker in it, the outsider's own later reads
     * would pass for the target's rows.
     */
    private static Request withoutMarker(Request request, World target) {
        try {
            String variables = JSON.writeValueAsString(request.variables()).replace(target.marker(), NO_TENANTS);
            return new Request(
                    request.query(),
                    JSON.readValue(variables, new TypeReference<Map<String, Object>>() {}),
                    request.path());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reply was decided on its merits and shows no marker of a tenant other than the caller's own (if any). */
    private void check(String call, Reply reply, World own, List<World> everyone) {
        requests.incrementAndGet();
        try {
            Replies.assertDecidedOnAccess(reply);
        } catch (AssertionError failed) {
            leaks.add(call + " failed: " + failed.getMessage());
            return;
        }
        for (World other : everyone) {
            if (other != own && reply.text().contains(other.marker())) {
                leaks.add(call + " showed " + other.tenant().slug() + "'s rows: " + reply.text());
            }
        }
    }

    /** The watched tenant's rows, but for the tables anyone may write to (answers to its feedback codes, email choices). */
    private static String unchangeable(World watched) {
        String snapshot = TenantSnapshot.of(watched.tenant().id());
        for (List<String> tables : IsolationSuiteIT.PUBLIC_WRITES.values()) {
            snapshot = IsolationSuiteIT.withoutTables(snapshot, tables);
        }
        return snapshot;
    }
}
