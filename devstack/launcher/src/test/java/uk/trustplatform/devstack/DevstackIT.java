package uk.trustplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.trustplatform.devstack.embedded.HeadlessChromium;

/**
 * The devstack as the README starts it: the packaged launcher, in a process of its own. What the
 * README's first screen promises is checked against what it printed: the example request, every
 * demo sign-in (after the identity provider's key set has expired more than once, which once
 * broke every sign-in a minute after start), and GraphiQL in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackIT {

    /** Shorter than the platform's 60 s so that the test outlasts two expiries in seconds. */
    private static final Duration KEY_SET_EXPIRY = Duration.ofSeconds(8);

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final String README_MARKER = "<!-- readme-example: demo-tenant-query";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Process devstack;
    private Path home;
    private final List<String> printed = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Instant readyAt;
    private Banner banner;

    /** What the banner printed: the addresses, the sign-ins and the two token commands. */
    record Banner(
            String web, String graphql, String graphiql, List<Login> logins, String personToken, String systemToken) {}

    record Login(String role, String tenant, String username, String secret) {}

    @BeforeAll
    void startTheDevstackAsTheReadmeDoes() throws Exception {
        home = Files.createTempDirectory("devstack-it");
        Path log = Path.of("target/devstack-it.log");
        // In a process group of its own, as a terminal or a process manager runs it, so that the
        // stop below can signal the whole group.
        ProcessBuilder builder = new ProcessBuilder(
                        "setsid",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dtrust.oidc.jwks-cache-expiry=" + KEY_SET_EXPIRY.toSeconds() + "s",
                        "-jar",
                        "target/devstack.jar")
                .redirectErrorStream(true);
        builder.environment().put("TRUST_HTTP_PORT", String.valueOf(freePort()));
        builder.environment().put("TRUST_KEYCLOAK_PORT", String.valueOf(freePort()));
        builder.environment().put("TRUST_DEVSTACK_HOME", home.toString());
        builder.environment()
                .put("TRUST_DEVSTACK_TENANTS", Path.of("../../tenants").toString());
        devstack = builder.start();
        Thread.ofPlatform().daemon().start(() -> copyOutput(log));

        boolean started = ready.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(started)
                .as("the devstack printed its banner within %s; its output is in %s", START_LIMIT, log)
                .isTrue();
        banner = parse(printed);
    }

    @Test
    @Order(1)
    void it_starts_without_errors_or_warnings_a_newcomer_would_read_as_failures() {
        assertThat(printed)
                .noneMatch(line -> line.contains("SLF4J(W)"))
                .noneMatch(line -> line.contains("Log4j API could not find"))
                .noneMatch(line -> line.contains(" ERROR "));
    }

    @Test
    @Order(2)
    void the_readme_curl_example_prints_what_the_readme_says() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        String command = fencedBlockAfter(readme, readme.indexOf(README_MARKER), "```bash");
        String expected = fencedBlockAfter(readme, readme.indexOf(command), "```json");

        String output = bash(command.replace("http://localhost:8080/graphql", banner.graphql()));

        assertThat(JSON.readTree(output)).isEqualTo(JSON.readTree(expected));
    }

    @Test
    @Order(3)
    void every_demo_sign_in_works_after_the_key_set_has_expired_twice() throws Exception {
        Duration sinceReady = Duration.between(readyAt, Instant.now());
        Duration wait = KEY_SET_EXPIRY.multipliedBy(2).plusSeconds(2).minus(sinceReady);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        assertThat(banner.logins()).extracting(Login::role).contains("platform-operator", "partner-integration");

        for (Login login : banner.logins()) {
            String token = token(login);
            JsonNode viewer = viewer(token);

            String role = login.role().toUpperCase(Locale.ROOT).replace('-', '_');
            assertThat(viewer.path("authenticated").asBoolean())
                    .as(login.toString())
                    .isTrue();
            assertThat(viewer.path("roles").toString()).as(login.toString()).contains(role);
            if (List.of("tenant-admin", "board-member", "partner-lead", "partner-integration")
                    .contains(login.role())) {
                assertThat(viewer.path("tenant").path("slug").asText())
                        .as(login.toString())
                        .isEqualTo(login.tenant());
            }
        }
    }

    @Test
    @Order(4)
    void graphiql_opens_in_chromium_runs_the_readme_query_and_takes_a_token_in_its_header_editor()
            throws IOException, InterruptedException {
        Login admin = banner.logins().stream()
                .filter(login ->
                        login.role().equals("tenant-admin") && login.tenant().equals("medway"))
                .findFirst()
                .orElseThrow();
        try (HeadlessChromium chromium = HeadlessChromium.launch();
                BrowserContext context = chromium.newContext(true)) {
            Page page = context.newPage();
            page.navigate(banner.graphiql());
            page.waitForSelector(".graphiql-container");
            assertThat(page.title()).isEqualTo("Trust Platform GraphiQL");
            assertThat(page.locator(".graphiql-editor-tool").innerText()).contains("\"Authorization\": \"Bearer \"");

            page.click(".graphiql-execute-button");
            page.waitForSelector(".result-window :text('Medway Children')");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/graphiql.png")));

            setEditor(page, ".graphiql-query-editor .CodeMirror", "{ viewer { roles tenant { slug } } }");
            setEditor(
                    page,
                    ".graphiql-editor-tool .CodeMirror:visible",
                    "{\"Authorization\": \"Bearer " + token(admin) + "\"}");
            page.click(".graphiql-execute-button");
            page.waitForSelector(".result-window :text('TENANT_ADMIN')");
            assertThat(page.locator(".result-window").innerText()).contains("medway");
        }
    }

    @Test
    @Order(5)
    void the_web_pages_open_and_the_demo_partner_lead_signs_in_with_javascript_off() {
        try (HeadlessChromium chromium = HeadlessChromium.launch();
                BrowserContext context = chromium.newContext(false)) {
            Page page = context.newPage();
            Login lead = signIn(page, "medway.lead", "Medway Children's Trust");

            assertThat(page.url()).isEqualTo(banner.web() + lead.tenant() + "/start");
            assertThat(page.locator("main").innerText()).contains("Your work");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/devstack-your-work.png")));
            page.click("text=Our action plan");
            assertThat(page.locator("h1").innerText())
                    .as("Medway's own template, in its implementation plan's columns")
                    .isEqualTo("Start our action plan 2011–2014");
        }
    }

    @Test
    @Order(6)
    void cambridgeshires_demo_partner_keeps_the_completed_plan_its_strategy_prints() {
        try (HeadlessChromium chromium = HeadlessChromium.launch();
                BrowserContext context = chromium.newContext(false)) {
            Page page = context.newPage();
            signIn(page, "cambridgeshire.lead", "Cambridgeshire Children and Young People's Strategic Partnership");
            page.click("text=Our action plan");

            assertThat(page.locator("h1").innerText()).isEqualTo("Our action plan 2009–2010");
            page.click("text=1. Shared Values");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Build capacity in area teams to involve children and young people on recruitment panels");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/devstack-cambridgeshire-plan.png")));
        }
    }

    @Test
    @Order(7)
    void the_demo_board_admin_and_operator_each_find_their_own_pages() {
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            try (BrowserContext context = chromium.newContext(false)) {
                Page page = context.newPage();
                signIn(page, "medway.board", "Medway Children's Trust");
                page.click("#board-work >> text=Board dashboard");
                assertThat(page.locator("h1").innerText()).isEqualTo("Board dashboard");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/devstack-board.png")));
            }
            try (BrowserContext context = chromium.newContext(false)) {
                Page page = context.newPage();
                Login admin = banner.logins().stream()
                        .filter(login -> login.role().equals("tenant-admin")
                                && login.tenant().equals("medway"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("The banner prints no admin for Medway"));
                signIn(page, admin.username(), "Medway Children's Trust");
                page.click(".govuk-service-navigation >> text=Administration");
                page.click("#areas >> text=Configuration documents");
                assertThat(page.locator("main").innerText())
                        .as("the pledge onboarding copied from the nine-standard kit waits to be published")
                        .contains("Draft");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/devstack-admin.png")));
            }
            try (BrowserContext context = chromium.newContext(false)) {
                Page page = context.newPage();
                page.navigate(banner.web() + "operator/sign-in");
                typeSignIn(page, login("operator"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Partnerships on the platform");
                assertThat(page.locator("main").innerText()).contains("Medway Children's Trust", "Kent County Council");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/devstack-operator.png")));
            }
        }
    }

    private Login login(String username) {
        return banner.logins().stream()
                .filter(candidate -> candidate.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The banner prints no sign-in for " + username));
    }

    /** Signs in from the partnerships' list through Keycloak's page as the banner's demo person. */
    private Login signIn(Page page, String username, String partnership) {
        Login login = login(username);
        page.navigate(banner.web());
        assertThat(page.locator("main").innerText()).contains(partnership);
        page.click("text=" + partnership);
        page.click("nav >> text=Sign in");
        typeSignIn(page, login);
        return login;
    }

    /** Keycloak's own sign-in page, as a person fills it in. */
    private void typeSignIn(Page page, Login login) {
        page.fill("#username", login.username());
        if (page.locator("#password").count() == 0) {
            page.click("#kc-login");
        }
        page.fill("#password", login.secret());
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(banner.web()));
    }

    /**
     * SIGTERM to the devstack's whole process group, as a process manager sends it (Ctrl+C is
     * the same with SIGINT): every process reaches it at once. Nothing may be left running — once,
     * its PostgreSQL outlived the launcher and kept the data folder locked for the next start.
     */
    @AfterAll
    void stopTheWholeProcessGroupAsAProcessManagerWould() throws Exception {
        if (devstack == null) {
            return;
        }
        List<ProcessHandle> started = new ArrayList<>(devstack.descendants().toList());
        started.addAll(usingTheDataFolder());
        new ProcessBuilder("kill", "-TERM", "--", "-" + devstack.pid()).start().waitFor();
        boolean stopped = devstack.waitFor(60, TimeUnit.SECONDS);
        if (!stopped) {
            devstack.destroyForcibly();
        }
        assertThat(stopped).as("the devstack stops within 60 s of SIGTERM").isTrue();
        Instant limit = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(limit) && started.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(200);
        }
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(DevstackIT::describe))
                .as("processes the devstack started, still running after it stopped")
                .isEmpty();
        assertThat(usingTheDataFolder().stream().map(DevstackIT::describe))
                .as("processes using the devstack's data folder")
                .isEmpty();
    }

    /** PostgreSQL runs detached from the launcher (pg_ctl starts it), so it is found by its data folder. */
    private List<ProcessHandle> usingTheDataFolder() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(home.toString()))
                .toList();
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static void setEditor(Page page, String selector, String text) {
        page.locator(selector).first().evaluate("(editor, text) => editor.CodeMirror.setValue(text)", text);
    }

    private String token(Login login) throws IOException, InterruptedException {
        String command = login.role().equals("partner-integration")
                ? banner.systemToken().replace("CLIENT", login.username()).replace("SECRET", login.secret())
                : banner.personToken().replace("USER", login.username()).replace("PASSWORD", login.secret());
        JsonNode answer = JSON.readTree(bash(command));
        assertThat(answer.has("access_token")).as(login + ": " + answer).isTrue();
        return answer.path("access_token").asText();
    }

    private JsonNode viewer(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(banner.graphql()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"{ viewer { authenticated roles tenant { slug } } }\"}"))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data").path("viewer");
    }

    private void copyOutput(Path log) {
        try (BufferedReader output =
                        new BufferedReader(new InputStreamReader(devstack.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.println(line);
                file.flush();
                synchronized (printed) {
                    printed.add(line);
                }
                if (line.startsWith("Press Ctrl+C to stop.")) {
                    readyAt = Instant.now();
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Banner parse(List<String> lines) {
        List<Login> logins = new ArrayList<>();
        String web = null;
        String graphql = null;
        String graphiql = null;
        String personToken = null;
        String systemToken = null;
        boolean inLogins = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Web pages")) {
                web = trimmed.split("\\s+")[2];
            } else if (trimmed.startsWith("GraphQL API")) {
                graphql = lastWord(trimmed);
            } else if (trimmed.startsWith("GraphiQL")) {
                graphiql = lastWord(trimmed);
            } else if (trimmed.startsWith("Demo sign-ins")) {
                inLogins = true;
            } else if (trimmed.startsWith("A person's token:")) {
                personToken = trimmed.substring("A person's token:".length()).strip();
            } else if (trimmed.startsWith("A system's token:")) {
                systemToken = trimmed.substring("A system's token:".length()).strip();
            } else if (inLogins && trimmed.isEmpty()) {
                inLogins = false;
            } else if (inLogins) {
                String[] columns = trimmed.split("\\s+");
                logins.add(new Login(columns[0], columns[1], columns[2], columns[3]));
            }
        }
        return new Banner(web, graphql, graphiql, List.copyOf(logins), personToken, systemToken);
    }

    private static String lastWord(String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private static String fencedBlockAfter(String text, int from, String fence) {
        assertThat(from).as("README section not found").isGreaterThanOrEqualTo(0);
        int start = text.indexOf(fence, from) + fence.length();
        int end = text.indexOf("```", start);
        return text.substring(start, end).strip();
    }

    private static String bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
