package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * The platform side by side with PostGraphile 5 and with the floor (pgbench replaying the SQL the
 * platform sends), on one database under the same row-level security: Medway, its partners made
 * through the API ({@link CompareData}), a partner system whose plan holds 50 actions.
 *
 * <ul>
 *   <li>W1: the partner system reads its plan, every action under its outcome.
 *   <li>W2: a board member lists 100 partners with their plan's progress and their pledge.
 *   <li>W4: the partner system sets an action's status ({@code saveAction}), the actions in turn.
 * </ul>
 *
 * <p>Each workload is warmed up on each server, then run {@code --runs} times for {@code
 * --seconds} at each of {@code --connections}, the three servers interleaved, with {@code wrk
 * -t1}; the table gives the medians. Before the runs, both GraphQL servers are checked to return
 * the same data, and each server's statements for one request are read from PostgreSQL's log. The
 * packaged service's cold start (launch to first answer), its RSS idle and under load are reported
 * too.
 *
 * <p>{@code bench/compare [--runs 3] [--seconds 20] [--warmup 30] [--connections 1,8]
 * [--workloads W1,W2,W4] [--partners 201] [--actions 50] [--other-actions 5] [--home .bench/compare]
 * [--output FILE] [--jfr FILE] [--jar platform.jar] [--chart values.yaml]}; {@code --jfr} records
 * the service's profile over the runs (JFR's profile settings) into FILE; {@code --jar} and {@code
 * --chart} measure another build, with its chart's pod settings.
 */
public final class Compare {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** W1 as the platform serves it; StatementsPerRequestIT counts the same operation's statements. */
    static final String PARTNER_PLAN = """
            query PartnerPlan { actionPlans(first: 5) { edges { node {
              id status periodStart periodEnd version progress { total complete overdue }
              sections { number title outcomes { number text actions {
                id description lead dueDate status rag overdue version } } }
            } } } }""";

    private static final String BOARD_PARTNERS = """
            query BoardPartners { partnerOrganisations(first: 100) { edges { node {
              name category statutory
              actionPlans { status periodStart progress { total complete inProgress red amber green overdue } }
              pledge { status renewalDueOn badge { code } }
            } } } }""";

    private static final String SAVE_ACTION = """
            mutation SaveAction($input: SaveActionInput!) { saveAction(input: $input) {
              action { id status version } userErrors { field code message } } }""";

    /** W1 as PostGraphile's amber preset names it (a row's id column is its {@code rowId}): the agency's plans, each with its actions. */
    private static final String POSTGRAPHILE_PLAN = """
            query PartnerPlan($agency: UUID!) { allActionPlans(condition: { partnerOrganisationId: $agency }) { nodes {
              rowId status periodStart periodEnd version
              planActionsByTenantIdAndActionPlanId { nodes {
                rowId sectionNumber outcomeNumber description lead dueDate status rag version } }
            } } }""";

    private static final String POSTGRAPHILE_PARTNERS = """
            query BoardPartners { allPartnerOrganisations(first: 100, orderBy: NAME_ASC) { nodes {
              name category statutory
              actionPlansByTenantIdAndPartnerOrganisationId { nodes { status periodStart
                planActionsByTenantIdAndActionPlanId { totalCount }
                complete: planActionsByTenantIdAndActionPlanId(condition: { status: "COMPLETE" }) { totalCount } } }
              pledgeRegistrationsByTenantIdAndPartnerOrganisationId { nodes { status renewalDueOn badgeCode } }
            } } }""";

    private static final String POSTGRAPHILE_SAVE = """
            mutation SaveAction($tenant: UUID!, $id: UUID!, $status: String!) {
              updatePlanActionByTenantIdAndRowId(input: { tenantId: $tenant, rowId: $id, planActionPatch: { status: $status, rag: "GREEN" } }) {
                planAction { rowId status } } }""";

    private Compare() {}

    /** A server's requests for a workload, as lines of bench/wrk/graphql.lua's file; read afresh for each run. */
    private interface Requests {
        List<String> lines() throws Exception;
    }

    /** One workload: its callers' token, each server's requests, the floor script and statements per request. */
    private record Workload(
            String name,
            String what,
            Token token,
            Requests platform,
            Requests postgraphile,
            Path floor,
            int platformStatements,
            int postgraphileStatements) {}

    private static final String VERSION = "__VERSION__";
    private static final String STATUS = "__STATUS__";

    @SuppressWarnings("try") // stopsKeycloak is there to be closed, not used.
    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = ForumBenchmark.options(arguments);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        List<Integer> connections = Arrays.stream(
                        options.getOrDefault("connections", "1,8").split(","))
                .map(Integer::parseInt)
                .toList();
        int partners = Integer.parseInt(options.getOrDefault("partners", "201"));
        int actions = Integer.parseInt(options.getOrDefault("actions", "50"));
        int otherActions = Integer.parseInt(options.getOrDefault("other-actions", "5"));
        Path home = Files.createDirectories(Path.of(options.getOrDefault("home", ".bench/compare")));
        Path postgraphileHome = Path.of(options.getOrDefault("postgraphile", ".bench/postgraphile"));
        Path jar = Path.of(options.getOrDefault("jar", "platform/target/platform-0.1.0-SNAPSHOT.jar"));
        PackagedService.PodSettings pod =
                PackagedService.PodSettings.of(Path.of(options.getOrDefault("chart", "helm/values.yaml")));
        Path pgLog = home.resolve("pglog");
        deleteTree(pgLog);
        Files.createDirectories(pgLog);
        List<String> report = new ArrayList<>();

        int keycloakPort = Soak.freePort();
        CompletableFuture<KeycloakServer> keycloak =
                CompletableFuture.supplyAsync(() -> KeycloakServer.start(keycloakPort, home.resolve("keycloak.log")));
        try (AutoCloseable stopsKeycloak = () -> keycloak.thenAccept(KeycloakServer::close)
                        .exceptionally(failed -> null)
                        .join();
                EmbeddedPostgresServer postgres =
                        EmbeddedPostgresServer.startThrowaway(SqlCapture.serverConfig(pgLog))) {
            DatabaseSettings database = postgres.settings();
            PackagedService.migrate(jar, pod.javaOptions(), database, home.resolve("migrations.log"));
            KeycloakServer identity = keycloak.join();
            long launched = System.nanoTime();
            try (PackagedService service = PackagedService.start(
                            jar,
                            pod.javaOptions(),
                            Soak.environment(database, identity, pod.poolSize()),
                            home.resolve("service.log"));
                    KeycloakAccounts accounts = new KeycloakAccounts(identity)) {
                URI platform = service.baseUrl().resolve("/graphql");
                post(platform, null, Map.of("query", "{ __typename }"));
                long coldStartMillis = (System.nanoTime() - launched) / 1_000_000;
                Thread.sleep(10_000);
                PackagedService.Memory idle = service.memory();

                System.out.println("Making Medway's data through the API...");
                CompareData.Made made = new CompareData(accounts, service.baseUrl())
                        .make(Path.of("tenants/medway/tenant.yaml"), partners, actions, otherActions);
                try (Connection owner = ForumBenchmark.owner(database)) {
                    owner.createStatement().execute("ANALYZE");
                }
                int postgraphilePort = Soak.freePort();
                try (PostGraphileServer postgraphile = PostGraphileServer.start(
                        postgraphileHome,
                        Path.of("bench/postgraphile/server.mjs"),
                        postgresUrl(database),
                        made.tenantId().toString(),
                        postgraphilePort,
                        home.resolve("postgraphile.log"))) {
                    sameData(platform, postgraphile.graphql(), made);
                    SqlCapture capture = new SqlCapture(database.jdbcUrl().replaceFirst("\\?.*$", ""), pgLog);
                    List<String> chosen = List.of(
                            options.getOrDefault("workloads", "W1,W2,W4").split(","));
                    List<Workload> workloads =
                            workloads(home, platform, postgraphile.graphql(), made, capture, database.runtimeUser())
                                    .stream()
                                    .filter(workload -> chosen.contains(workload.name()))
                                    .toList();
                    AtomicLong peakRss = new AtomicLong();
                    if (options.containsKey("jfr")) {
                        service.jcmd("JFR.start name=compare settings=profile");
                    }
                    Map<String, List<LoadRun.Result>> results = drive(
                            workloads,
                            home,
                            platform,
                            postgraphile.graphql(),
                            database,
                            connections,
                            runs,
                            seconds,
                            warmup,
                            service,
                            peakRss);
                    if (options.containsKey("jfr")) {
                        service.jcmd("JFR.stop name=compare filename="
                                + Path.of(options.get("jfr")).toAbsolutePath());
                    }
                    PackagedService.Memory after = service.memory();
                    report.addAll(table(workloads, connections, results, runs, seconds, warmup, partners, actions));
                    report.add("");
                    report.add("Packaged service (`java -jar`, `JAVA_TOOL_OPTIONS=%s`, %s):"
                            .formatted(String.join(" ", pod.javaOptions()), service.heapAndCollector()));
                    report.add("- cold start to first answer: %.1f s (launch of the JVM to the first GraphQL reply)"
                            .formatted(coldStartMillis / 1000.0));
                    report.add("- RSS idle, 10 s after the first answer (after a full GC): %d MiB, heap used %d MiB"
                            .formatted(idle.rssMiB(), idle.heapAfterGcMiB()));
                    report.add("- RSS under load: peak %d MiB (sampled every 500 ms); after the runs and a full GC"
                                    .formatted(peakRss.get() / 1024)
                            + " %d MiB, heap used %d MiB of %d MiB committed"
                                    .formatted(after.rssMiB(), after.heapAfterGcMiB(), after.heapCommittedMiB()));
                }
            }
        }
        report.forEach(System.out::println);
        if (options.containsKey("output")) {
            Files.write(Path.of(options.get("output")), report);
        }
    }

    /** The three workloads, each server's statements for one request captured, and the floor scripts written. */
    private static List<Workload> workloads(
            Path home, URI platform, URI postgraphile, CompareData.Made made, SqlCapture capture, String runtimeUser)
            throws Exception {
        String agency = made.agency().toString();
        List<String> plainSaves = made.actions().stream()
                .map(action -> line(action.id().toString(), "", plainSave(made, action, STATUS)))
                .toList();
        List<Workload> workloads = new ArrayList<>();
        workloads.add(workload(
                home,
                "W1",
                "partner integration reads its plan (%d actions)"
                        .formatted(made.actions().size()),
                made.integration(),
                () -> List.of(line("-", "", Map.of("query", PARTNER_PLAN))),
                () -> List.of(line("-", "", Map.of("query", POSTGRAPHILE_PLAN, "variables", Map.of("agency", agency)))),
                platform,
                postgraphile,
                capture,
                runtimeUser));
        workloads.add(workload(
                home,
                "W2",
                "board lists 100 partners with plan progress and pledge",
                made.board(),
                () -> List.of(line("-", "", Map.of("query", BOARD_PARTNERS))),
                () -> List.of(line("-", "", Map.of("query", POSTGRAPHILE_PARTNERS))),
                platform,
                postgraphile,
                capture,
                runtimeUser));
        workloads.add(workload(
                home,
                "W4",
                "partner integration sets an action's status (`saveAction`)",
                made.integration(),
                () -> saves(platform, made),
                () -> plainSaves,
                platform,
                postgraphile,
                capture,
                runtimeUser));
        return workloads;
    }

    /**
     * W4's requests for the platform: each action of the integration's plan given again as an
     * approved plan's action must be, with the version it has now, so a new run's first saves are
     * not refused as stale.
     */
    private static List<String> saves(URI platform, CompareData.Made made) {
        Map<String, String> versions = new LinkedHashMap<>();
        post(platform, made.integration().get(), Map.of("query", PARTNER_PLAN)).findValues("actions").stream()
                .flatMap(JsonNode::valueStream)
                .forEach(action -> versions.put(
                        action.path("id").asText(), action.path("version").asText()));
        List<String> lines = new ArrayList<>();
        for (CompareData.Action action : made.actions()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", action.globalId());
            input.put("version", VERSION);
            input.put("sectionNumber", action.sectionNumber());
            input.put("outcomeNumber", action.outcomeNumber());
            input.put("description", action.description());
            input.put("lead", action.lead());
            input.put("dueDate", action.dueDate());
            input.put("status", STATUS);
            input.put("rag", "GREEN");
            lines.add(line(
                            action.globalId(),
                            Objects.requireNonNull(
                                    versions.get(action.globalId()),
                                    "the integration's plan, just read with its token, holds each of its actions"),
                            Map.of("query", SAVE_ACTION, "variables", Map.of("input", input)))
                    // graphql.lua writes the version in as a number.
                    .replace('"' + VERSION + '"', VERSION));
        }
        return lines;
    }

    /**
     * The workload with each server's statements for one request read from PostgreSQL's log; the
     * platform's are written as the floor's pgbench script. Each server is sent the request once
     * first, so what is captured is a warm server's (a partner system polling its plan).
     */
    private static Workload workload(
            Path home,
            String name,
            String what,
            Token token,
            Requests platformRequests,
            Requests plainRequests,
            URI platform,
            URI postgraphile,
            SqlCapture capture,
            String runtimeUser)
            throws Exception {
        post(platform, token.get(), filled(platformRequests.lines().getFirst(), "COMPLETE"));
        Map<String, Object> platformBody = filled(platformRequests.lines().getFirst(), "IN_PROGRESS");
        List<String> sent = capture.of(runtimeUser, () -> post(platform, token.get(), platformBody));
        post(postgraphile, null, filled(plainRequests.lines().getFirst(), "COMPLETE"));
        Map<String, Object> plainBody = filled(plainRequests.lines().getFirst(), "IN_PROGRESS");
        List<String> plainSent = capture.of(runtimeUser, () -> post(postgraphile, null, plainBody));
        Path floor = Files.writeString(home.resolve(name + "-floor.sql"), SqlCapture.script(sent));
        Files.writeString(home.resolve(name + "-postgraphile.sql"), SqlCapture.script(plainSent));
        return new Workload(name, what, token, platformRequests, plainRequests, floor, sent.size(), plainSent.size());
    }

    /** W4's request to PostGraphile: the action's status (and RAG, as the platform's saves set it). */
    private static Map<String, Object> plainSave(CompareData.Made made, CompareData.Action action, String status) {
        return Map.of(
                "query",
                POSTGRAPHILE_SAVE,
                "variables",
                Map.of("tenant", made.tenantId().toString(), "id", action.id().toString(), "status", status));
    }

    /** A line of graphql.lua's requests file: key, version, body. */
    private static String line(String key, String version, Map<String, Object> body) {
        try {
            return key + "\t" + version + "\t" + JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line's body with its placeholders filled as graphql.lua fills them: the version given,
     * and a status (a real change, or the platform has nothing to write).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> filled(String line, String status) {
        String[] fields = line.split("\t", 3);
        try {
            return JSON.readValue(fields[2].replace(STATUS, status).replace(VERSION, fields[1]), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Both servers give the same plan (W1) and the same partners' progress and pledges (W2), and
     * each sees the other's write (W4): else the comparison would not be of the same work.
     */
    private static void sameData(URI platform, URI postgraphile, CompareData.Made made) {
        String agency = made.agency().toString();
        Runnable plansAgree = () -> agree(
                "W1",
                post(platform, made.integration().get(), Map.of("query", PARTNER_PLAN)).findValues("actions").stream()
                        .flatMap(JsonNode::valueStream)
                        .map(a -> String.join(
                                "|",
                                a.path("description").asText(),
                                a.path("status").asText(),
                                a.path("rag").asText(),
                                a.path("dueDate").asText()))
                        .toList(),
                post(postgraphile, null, Map.of("query", POSTGRAPHILE_PLAN, "variables", Map.of("agency", agency)))
                        .findValues("planActionsByTenantIdAndActionPlanId")
                        .stream()
                        .flatMap(actions -> actions.path("nodes").valueStream())
                        .map(a -> String.join(
                                "|",
                                a.path("description").asText(),
                                a.path("status").asText(),
                                a.path("rag").asText(),
                                a.path("dueDate").asText()))
                        .toList());
        plansAgree.run();
        agree(
                "W2",
                post(platform, made.board().get(), Map.of("query", BOARD_PARTNERS)).findValues("node").stream()
                        .map(p -> String.join(
                                "|",
                                p.path("name").asText(),
                                p.path("actionPlans")
                                        .path(0)
                                        .path("progress")
                                        .path("total")
                                        .asText(),
                                p.path("actionPlans")
                                        .path(0)
                                        .path("progress")
                                        .path("complete")
                                        .asText(),
                                p.path("pledge").path("status").asText("-")))
                        .toList(),
                post(postgraphile, null, Map.of("query", POSTGRAPHILE_PARTNERS))
                        .path("allPartnerOrganisations")
                        .path("nodes")
                        .valueStream()
                        .map(p -> {
                            JsonNode plan = p.path("actionPlansByTenantIdAndPartnerOrganisationId")
                                    .path("nodes")
                                    .path(0);
                            return String.join(
                                    "|",
                                    p.path("name").asText(),
                                    plan.path("planActionsByTenantIdAndActionPlanId")
                                            .path("totalCount")
                                            .asText(),
                                    plan.path("complete").path("totalCount").asText(),
                                    p.path("pledgeRegistrationsByTenantIdAndPartnerOrganisationId")
                                            .path("nodes")
                                            .path(0)
                                            .path("status")
                                            .asText("-"));
                        })
                        .toList());
        post(platform, made.integration().get(), filled(saves(platform, made).get(0), "COMPLETE"));
        post(postgraphile, null, plainSave(made, made.actions().get(1), "COMPLETE"));
        plansAgree.run();
    }

    private static void agree(String workload, List<String> platform, List<String> postgraphile) {
        List<String> ours = platform.stream().sorted().toList();
        List<String> theirs = postgraphile.stream().sorted().toList();
        if (ours.isEmpty() || !ours.equals(theirs)) {
            throw new IllegalStateException(
                    workload + ": the servers disagree.\nPlatform:     " + ours + "\nPostGraphile: " + theirs);
        }
        System.out.printf("%s: both servers return the same %d rows%n", workload, ours.size());
    }

    private static final String[] SERVERS = {"platform", "PostGraphile", "floor"};

    /** Each workload warmed up on each server, then its interleaved runs; the results by workload, c and server. */
    private static Map<String, List<LoadRun.Result>> drive(
            List<Workload> workloads,
            Path home,
            URI platform,
            URI postgraphile,
            DatabaseSettings database,
            List<Integer> connections,
            int runs,
            int seconds,
            int warmup,
            PackagedService service,
            AtomicLong peakRss)
            throws Exception {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        Map<String, List<LoadRun.Result>> results = new LinkedHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    try {
                        peakRss.accumulateAndGet(service.rssKiB(), Math::max);
                    } catch (IOException gone) {
                        // The service has stopped; its runs will report that.
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
        try {
            for (Workload workload : workloads) {
                LoadRunner[] runners = {
                    wrk(home, platform, workload, "platform", workload.platform(), workload.token()),
                    wrk(home, postgraphile, workload, "postgraphile", workload.postgraphile(), null),
                    (c, s) -> LoadRun.pgbench(
                            server.getHost(),
                            server.getPort(),
                            server.getPath().substring(1),
                            database.runtimeUser(),
                            database.runtimePassword(),
                            workload.floor(),
                            c,
                            s)
                };
                int most = connections.stream().max(Integer::compare).orElseThrow();
                for (int i = 0; i < runners.length; i++) {
                    System.out.printf("%s: warming up %s, %d s at c=%d%n", workload.name(), SERVERS[i], warmup, most);
                    runners[i].run(most, warmup);
                }
                for (int c : connections) {
                    for (int run = 1; run <= runs; run++) {
                        for (int i = 0; i < runners.length; i++) {
                            LoadRun.Result result = runners[i].run(c, seconds);
                            results.computeIfAbsent(
                                            workload.name() + "/" + c + "/" + SERVERS[i], key -> new ArrayList<>())
                                    .add(result);
                            System.out.printf(
                                    "%s c=%d run %d %-12s %8.1f/s  p99 %6.1f ms  failures %d%n",
                                    workload.name(),
                                    c,
                                    run,
                                    SERVERS[i],
                                    result.perSecond(),
                                    result.p99Millis(),
                                    result.failures());
                        }
                    }
                }
            }
        } finally {
            sampler.shutdownNow();
        }
        return results;
    }

    /** wrk against one GraphQL server with the workload's requests for it, as they are at the run's start. */
    private static LoadRunner wrk(
            Path home, URI server, Workload workload, String serverName, Requests requests, @Nullable Token token) {
        Path lua = Path.of("bench/wrk/graphql.lua");
        return (c, s) -> LoadRun.wrk(
                server,
                lua,
                write(home, workload.name() + "-" + serverName, requests.lines()),
                token == null ? null : token.get(),
                c,
                s);
    }

    @FunctionalInterface
    private interface LoadRunner {
        LoadRun.Result run(int connections, int seconds) throws Exception;
    }

    private static Path write(Path home, String name, List<String> lines) throws IOException {
        return Files.write(home.resolve(name + ".requests"), lines);
    }

    /** The medians as docs/performance.md gives them, with each server's statements per request. */
    private static List<String> table(
            List<Workload> workloads,
            List<Integer> connections,
            Map<String, List<LoadRun.Result>> results,
            int runs,
            int seconds,
            int warmup,
            int partners,
            int actions) {
        List<String> table = new ArrayList<>();
        table.add("## bench/compare, %s"
                .formatted(Instant.now().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)));
        table.add("");
        table.add("Medway, %d partners made through the API, the partner system's plan %d actions; `wrk -t1`,"
                        .formatted(partners, actions)
                + " %d × %d s interleaved runs after a %d s warm-up per server, medians; floor: pgbench -M prepared -j 1"
                        .formatted(runs, seconds, warmup)
                + " replaying the platform's captured SQL. Machine: %d cores, load average %s at the end."
                        .formatted(Runtime.getRuntime().availableProcessors(), Soak.loadAverage()));
        table.add("");
        table.add("| workload | c | platform rps | PostGraphile rps | floor rps | platform / PostGraphile"
                + " | platform / floor | p99 platform ms | p99 PostGraphile ms |");
        table.add("|---|---|---|---|---|---|---|---|---|");
        long failures = 0;
        for (Workload workload : workloads) {
            for (int c : connections) {
                Function<String, List<LoadRun.Result>> of = server -> Objects.requireNonNull(
                        results.get(workload.name() + "/" + c + "/" + server),
                        "every server ran every workload at every connection count");
                double ours = median(of.apply(SERVERS[0]), LoadRun.Result::perSecond);
                double theirs = median(of.apply(SERVERS[1]), LoadRun.Result::perSecond);
                double floor = median(of.apply(SERVERS[2]), LoadRun.Result::perSecond);
                table.add("| %s %s | %d | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.1f | %.1f |"
                        .formatted(
                                workload.name(),
                                workload.what(),
                                c,
                                ours,
                                theirs,
                                floor,
                                ours / theirs,
                                ours / floor,
                                median(of.apply(SERVERS[0]), LoadRun.Result::p99Millis),
                                median(of.apply(SERVERS[1]), LoadRun.Result::p99Millis)));
                failures += Stream.of(SERVERS)
                        .flatMap(server -> of.apply(server).stream())
                        .mapToLong(LoadRun.Result::failures)
                        .sum();
            }
        }
        table.add("");
        table.add("Statements per request (PostgreSQL's log, `BEGIN`/`COMMIT` included): "
                + workloads.stream()
                        .map(w -> "%s platform %d, PostGraphile %d"
                                .formatted(w.name(), w.platformStatements(), w.postgraphileStatements()))
                        .collect(Collectors.joining("; "))
                + ". Failed replies or transactions in all runs: %d.".formatted(failures));
        return table;
    }

    private static double median(List<LoadRun.Result> results, ToDoubleFunction<LoadRun.Result> figure) {
        double[] sorted = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The runtime role's {@code postgres://} URL for Node's pg, from the JDBC URL. */
    private static String postgresUrl(DatabaseSettings database) {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        return "postgres://%s:%s@%s:%d%s"
                .formatted(
                        URLEncoder.encode(database.runtimeUser(), StandardCharsets.UTF_8),
                        URLEncoder.encode(database.runtimePassword(), StandardCharsets.UTF_8),
                        server.getHost(),
                        server.getPort(),
                        server.getPath());
    }

    /** A GraphQL request's data; a reply with errors or userErrors stops the benchmark, naming them. */
    static JsonNode post(URI graphql, @Nullable String token, Map<String, Object> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode reply = JSON.readTree(response.body());
            if (response.statusCode() != 200
                    || reply.has("errors")
                    || reply.findValues("userErrors").stream().anyMatch(errors -> !errors.isEmpty())) {
                throw new IllegalStateException(
                        graphql + " answered " + response.statusCode() + ": " + response.body());
            }
            return reply.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
