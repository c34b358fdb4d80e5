package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.Application;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.GraphQLExecutor;
import uk.trustplatform.api.GraphQLRequest;
import uk.trustplatform.api.GraphQLResponse;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.Role;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;

/**
 * The benchmarking benchmark: a forum of 400 partnerships × 200 partners × 50 actions (4 million
 * actions) on embedded PostgreSQL. Measures how long one tenant's indicators take to recompute
 * (for a large and a small tenant, with the whole platform loaded) and a forum analyst's
 * comparison query, through the same GraphQL executor and permissions as the API.
 *
 * <p>{@code bench/run [--tenants 400] [--partners 200] [--actions 50] [--runs 50] [--fresh] [--home .bench]}.
 * The data is kept in the home folder between runs (the sizes are remembered); {@code --fresh}
 * starts again.
 */
public final class ForumBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_INDICATOR = "query { forumComparison(forumSlug: \"" + PlatformData.FORUM
            + "\", period: \"" + PlatformData.PERIOD + "\", indicator: ACTIONS_COMPLETE)"
            + " { indicators { breakdown median lowerQuartile upperQuartile values { authority value records suppressed } } } }";
    private static final String ALL_INDICATORS = "query { forumComparison(forumSlug: \"" + PlatformData.FORUM
            + "\", period: \"" + PlatformData.PERIOD + "\")"
            + " { indicators { indicator breakdown median values { authority value suppressed } } } }";

    private static final String SMALL = "bench-small";

    private ForumBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = options(arguments);
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "400"));
        int partners = Integer.parseInt(options.getOrDefault("partners", "200"));
        int actions = Integer.parseInt(options.getOrDefault("actions", "50"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "50"));
        Path home = Path.of(options.getOrDefault("home", ".bench"));
        String shape = tenants + "x" + partners + "x" + actions;
        Path marker = home.resolve("shape");
        boolean fresh = options.containsKey("fresh")
                || !Files.exists(marker)
                || !Files.readString(marker).strip().equals(shape);
        if (fresh && Files.exists(home)) {
            try (var paths = Files.walk(home)) {
                paths.sorted(Collections.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(home.resolve("postgres"), 0);
                ApplicationContext platform = platform(postgres.settings())) {
            GraphQLExecutor executor = platform.getBean(GraphQLExecutor.class);
            if (fresh) {
                generate(postgres.settings(), tenants, partners, actions);
                Files.writeString(marker, shape);
            }
            report(
                    "Data",
                    "%d tenants × %d partners × %d actions, about %,d actions stored (%s)"
                            .formatted(
                                    tenants,
                                    partners,
                                    actions,
                                    count(postgres.settings(), "plan_action"),
                                    fresh ? "generated" : "kept from an earlier run"));
            List<Tenant> all = tenants(postgres.settings());
            refreshAll(executor, all);
            Tenant big = all.getFirst();
            Tenant small = smallTenant(postgres.settings(), executor, actions);
            report(
                    "Recompute one tenant (median of 10)",
                    "%s ms for %d partners × %d actions; %s ms for 20 partners × %d actions"
                            .formatted(
                                    median(time(10, () -> refresh(executor, big))),
                                    partners,
                                    actions,
                                    median(time(10, () -> refresh(executor, small))),
                                    actions));
            Caller analyst = new Caller(
                    "bench-analyst",
                    Set.of(Role.FORUM_ANALYST),
                    null,
                    null,
                    null,
                    false,
                    PlatformData.FORUM,
                    "Bench analyst");
            compare("Forum comparison, one indicator", executor, analyst, ONE_INDICATOR, runs);
            compare("Forum comparison, every indicator", executor, analyst, ALL_INDICATORS, runs);
        }
    }

    private record Tenant(UUID id, String slug) {}

    /** A key for the platform's webhook signing secrets (base64 of 32 random bytes), for a run of its own. */
    static String newWebhookKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static ApplicationContext platform(DatabaseSettings database) {
        Map<String, Object> properties = new HashMap<>(database.asPlatformProperties());
        properties.put("micronaut.server.enabled", false);
        properties.put("trust.benchmarking.refresh.enabled", false);
        properties.put("trust.pledges.renewals.enabled", false);
        // The benchmark sends no webhooks, but the platform does not start without their key.
        properties.put("trust.webhooks.secret-key", newWebhookKey());
        return ApplicationContext.builder()
                .mainClass(Application.class)
                .properties(properties)
                .start();
    }

    private static void generate(DatabaseSettings database, int tenants, int partners, int actions)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection owner = owner(database)) {
            PlatformData data = new PlatformData(owner);
            UUID forum = data.forum();
            for (int i = 0; i < tenants; i++) {
                data.tenant("bench-%04d".formatted(i), "Bench Partnership %04d".formatted(i), partners, actions, forum);
                if ((i + 1) % 50 == 0) {
                    System.out.printf("  generated %d of %d tenants%n", i + 1, tenants);
                }
            }
            owner.createStatement().execute("ANALYZE");
        }
        report("Generate", "%.0f s".formatted((System.nanoTime() - started) / 1e9));
    }

    /** Every tenant's first snapshot, as the daily refresh would make them. */
    private static void refreshAll(GraphQLExecutor executor, List<Tenant> tenants) {
        List<Double> times = new ArrayList<>();
        long started = System.nanoTime();
        for (Tenant tenant : tenants) {
            times.addAll(time(1, () -> refresh(executor, tenant)));
        }
        report(
                "Recompute every tenant",
                "%.1f s for %d tenants (per tenant: median %s ms, slowest %.1f ms)"
                        .formatted(
                                (System.nanoTime() - started) / 1e9,
                                tenants.size(),
                                median(times),
                                times.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .max()
                                        .orElse(0)));
    }

    /**
     * A tenant of 20 partners beside the generated ones, to set a small tenant beside a large one on
     * the same loaded platform; made on the first run, kept with the data.
     */
    private static Tenant smallTenant(DatabaseSettings database, GraphQLExecutor executor, int actions)
            throws SQLException {
        try (Connection owner = owner(database)) {
            @Nullable String id = first(owner, "SELECT id FROM tenant WHERE slug = '" + SMALL + "'");
            if (id == null) {
                UUID forum = UUID.fromString(Objects.requireNonNull(
                        first(owner, "SELECT id FROM regional_forum WHERE slug = '" + PlatformData.FORUM + "'"),
                        "the generated data has the bench's regional forum"));
                id = new PlatformData(owner)
                        .tenant(SMALL, "Bench Small Partnership", 20, actions, forum)
                        .toString();
            }
            Tenant small = new Tenant(UUID.fromString(id), SMALL);
            refresh(executor, small);
            return small;
        }
    }

    private static void refresh(GraphQLExecutor executor, Tenant tenant) {
        Caller admin = new Caller(
                "bench-admin", Set.of(Role.TENANT_ADMIN), tenant.id(), tenant.slug(), null, false, null, "Bench admin");
        JsonNode answer = execute(executor, admin, HttpMethod.POST, "mutation { refreshIndicators { values } }");
        if (answer.path("data").path("refreshIndicators").path("values").asInt() == 0) {
            throw new IllegalStateException("Refresh of " + tenant.slug() + " failed: " + answer);
        }
    }

    private static void compare(String what, GraphQLExecutor executor, Caller analyst, String query, int runs) {
        JsonNode first = execute(executor, analyst, HttpMethod.GET, query);
        JsonNode indicators = first.path("data").path("forumComparison").path("indicators");
        if (indicators.isEmpty()) {
            throw new IllegalStateException("The comparison answered nothing: " + first);
        }
        for (int i = 0; i < 5; i++) {
            execute(executor, analyst, HttpMethod.GET, query);
        }
        List<Double> times = time(runs, () -> execute(executor, analyst, HttpMethod.GET, query));
        report(
                what,
                "median %s ms, 95th percentile %s ms over %d runs (%d figures, %d values)"
                        .formatted(
                                median(times),
                                percentile(times, 0.95),
                                runs,
                                indicators.size(),
                                indicators.findValues("values").stream()
                                        .mapToInt(JsonNode::size)
                                        .sum()));
    }

    private static JsonNode execute(GraphQLExecutor executor, Caller caller, HttpMethod method, String query) {
        GraphQLResponse response = executor.execute(
                new GraphQLRequest(query, null, Map.of()),
                new RequestContext(UUID.randomUUID().toString(), method, caller));
        return JSON.valueToTree(response.body());
    }

    private static List<Double> time(int runs, Runnable work) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis;
    }

    private static String median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static String percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        return "%.1f".formatted(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size()))));
    }

    private static List<Tenant> tenants(DatabaseSettings database) throws SQLException {
        try (Connection owner = owner(database);
                ResultSet rows = owner.createStatement()
                        .executeQuery("SELECT id, slug FROM tenant WHERE slug ~ '^bench-[0-9]+$' ORDER BY slug")) {
            List<Tenant> tenants = new ArrayList<>();
            while (rows.next()) {
                tenants.add(new Tenant(rows.getObject(1, UUID.class), rows.getString(2)));
            }
            return tenants;
        }
    }

    private static long count(DatabaseSettings database, String table) throws SQLException {
        try (Connection owner = owner(database)) {
            // Row-level security counts nothing without a tenant: count through the statistics instead.
            return Long.parseLong(Objects.requireNonNull(
                    first(owner, "SELECT reltuples::bigint FROM pg_class WHERE relname = '" + table + "'"),
                    "the migrations made table " + table));
        }
    }

    /** The first column of the first row, or null when there is no row. */
    private static @Nullable String first(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static Connection owner(DatabaseSettings database) throws SQLException {
        Connection connection =
                DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
        connection.setSchema("trust");
        return connection;
    }

    private static void report(String what, String figures) {
        System.out.printf("%-40s %s%n", what + ":", figures);
    }

    /** {@code --name value} pairs, and {@code --name} alone as {@code true}. */
    static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i].replaceFirst("^--", "");
            boolean valued = i + 1 < arguments.length && !arguments[i + 1].startsWith("--");
            options.put(name, valued ? arguments[++i] : "true");
        }
        return options;
    }
}
