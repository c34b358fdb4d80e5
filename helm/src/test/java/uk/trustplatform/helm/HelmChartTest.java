package uk.trustplatform.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.trustplatform.helm.Chart.Manifests.has;
import static uk.trustplatform.helm.Chart.Manifests.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.helm.Chart.Manifests;

/** The Helm chart as Helm itself lints and renders it. */
class HelmChartTest {

    @Test
    void lints_clean_with_a_councils_values(@TempDir Path copy) throws IOException {
        LintResult lint =
                new Helm(Chart.copyWithCouncilValues(copy)).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void refuses_an_install_without_the_values_that_have_no_safe_default() {
        assertThatThrownBy(() -> Chart.template(null, Map.of()))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/publicUrl")
                .hasMessageContaining("/database/url")
                .hasMessageContaining("/database/existingSecret")
                .hasMessageContaining("/oidc/issuer")
                .hasMessageContaining("/keycloak/serverUrl")
                .hasMessageContaining("/keycloak/existingSecret");
    }

    @Test
    void refuses_a_misspelt_value_rather_than_ignoring_it() {
        assertThatThrownBy(() -> Chart.template(Chart.COUNCIL_VALUES, Map.of("database.poolsize", 20)))
                .hasMessageContaining("poolsize");
        assertThatThrownBy(() -> Chart.template(Chart.COUNCIL_VALUES, Map.of("/database/url", "postgres://db/trust")))
                .hasMessageContaining("/database/url");
    }

    @Test
    void the_service_pods_never_hold_the_owners_password_and_the_migrations_run_first_as_a_hook() {
        Manifests manifests = Chart.render(Map.of());
        JsonNode service = manifests.env("Deployment");
        JsonNode job = manifests.one("Job");
        JsonNode migrations = manifests.env("Job");

        assertThat(has(service, "TRUST_DB_OWNER_PASSWORD")).isFalse();
        assertThat(has(service, "TRUST_DB_OWNER_USER")).isFalse();
        assertThat(value(service, "TRUST_DB_MIGRATIONS_ENABLED")).isEqualTo("false");
        assertThat(secret(service, "TRUST_DB_RUNTIME_PASSWORD")).isEqualTo("trust-database/runtime-password");

        assertThat(job.path("metadata")
                        .path("annotations")
                        .path(Chart.HOOK_PREFIX + "hook")
                        .asText())
                .isEqualTo("pre-install,pre-upgrade");
        assertThat(job.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .path(0)
                        .path("command")
                        .toString())
                .isEqualTo("[\"java\",\"-cp\",\"/app/platform.jar\",\"uk.trustplatform.tenancy.MigrationCommand\"]");
        assertThat(secret(migrations, "TRUST_DB_OWNER_PASSWORD")).isEqualTo("trust-database/owner-password");
        assertThat(value(migrations, "TRUST_DB_OWNER_USER")).isEqualTo("trust_owner");
        assertThat(value(migrations, "TRUST_DB_RUNTIME_USER"))
                .as("the migrations grant the runtime role its rights, by name")
                .isEqualTo("trust_app");
    }

    @Test
    void behind_a_pooler_the_migrations_alone_connect_to_postgresql_itself() {
        String direct = "jdbc:postgresql://postgres.db:5432/trust";
        Manifests pooled = Chart.render(
                Map.of("database.url", "jdbc:postgresql://pgbouncer.db:6432/trust", "migrations.url", direct));
        Manifests plain = Chart.render(Map.of());

        assertThat(value(pooled.env("Job"), "TRUST_DB_MIGRATIONS_URL")).isEqualTo(direct);
        assertThat(has(pooled.env("Deployment"), "TRUST_DB_MIGRATIONS_URL")).isFalse();
        assertThat(has(plain.env("Job"), "TRUST_DB_MIGRATIONS_URL"))
                .as("by default migrations use database.url")
                .isFalse();
    }

    @Test
    void without_the_migration_job_each_pod_migrates_as_it_starts() {
        Manifests manifests = Chart.render(Map.of("migrations.job", false));
        JsonNode service = manifests.env("Deployment");

        assertThat(manifests.kinds()).doesNotContain("Job");
        assertThat(value(service, "TRUST_DB_MIGRATIONS_ENABLED")).isEqualTo("true");
        assertThat(secret(service, "TRUST_DB_OWNER_PASSWORD")).isEqualTo("trust-database/owner-password");
    }

    @Test
    void pods_run_unprivileged_on_a_read_only_file_system_and_are_probed_on_the_health_endpoints() {
        Manifests manifests = Chart.render(Map.of());
        for (String kind : List.of("Deployment", "Job")) {
            JsonNode pod = manifests.one(kind).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);

            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(kind)
                    .isFalse();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(kind)
                    .isTrue();
            assertThat(container
                            .path("securityContext")
                            .path("readOnlyRootFilesystem")
                            .asBoolean())
                    .as(kind)
                    .isTrue();
            assertThat(container
                            .path("securityContext")
                            .path("allowPrivilegeEscalation")
                            .asBoolean(true))
                    .as(kind)
                    .isFalse();
            assertThat(container
                            .path("securityContext")
                            .path("capabilities")
                            .path("drop")
                            .toString())
                    .as(kind)
                    .isEqualTo("[\"ALL\"]");
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath"))
                    .as(kind)
                    .containsExactly("/tmp");
        }
        JsonNode service = manifests
                .one("Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
        assertThat(service.path("livenessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/health/liveness");
        assertThat(service.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/health/readiness");
        assertThat(service.path("startupProbe").path("httpGet").path("path").asText())
                .isEqualTo("/health/liveness");
        assertThat(service.path("ports").path(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(value(manifests.env("Deployment"), "TRUST_HTTP_PORT")).isEqualTo("8080");
    }

    @Test
    void a_terminating_pod_pauses_then_drains_and_both_end_within_its_termination_grace_period() {
        JsonNode pod = podOf(Chart.render(Map.of()));
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(30);
        assertThat(pod.path("containers")
                        .path(0)
                        .path("lifecycle")
                        .path("preStop")
                        .toString())
                .isEqualTo("{\"exec\":{\"command\":[\"sleep\",\"5\"]}}");
        assertThat(value(pod.path("containers").path(0).path("env"), "TRUST_SHUTDOWN_GRACE_PERIOD"))
                .isEqualTo("20s");

        JsonNode longer = podOf(Chart.render(Map.of(
                "shutdown.preStopSeconds", 10,
                "shutdown.gracePeriodSeconds", 45,
                "shutdown.terminationGracePeriodSeconds", 60)));
        assertThat(longer.path("terminationGracePeriodSeconds").asInt()).isEqualTo(60);
        assertThat(longer.path("containers")
                        .path(0)
                        .path("lifecycle")
                        .path("preStop")
                        .toString())
                .contains("\"10\"");
        assertThat(value(longer.path("containers").path(0).path("env"), "TRUST_SHUTDOWN_GRACE_PERIOD"))
                .isEqualTo("45s");

        assertThat(podOf(Chart.render(Map.of("shutdown.preStopSeconds", 0)))
                        .path("containers")
                        .path(0)
                        .has("lifecycle"))
                .as("no pause asked for, none run")
                .isFalse();
        assertThatThrownBy(() -> Chart.render(Map.of("shutdown.gracePeriodSeconds", 25)))
                .as("the kubelet would kill the service before its own grace period ends")
                .hasMessageContaining("shutdown.terminationGracePeriodSeconds must be more than");
    }

    @Test
    void secrets_reach_the_pods_only_by_reference() {
        Manifests manifests = Chart.render(Map.of(
                "migrations.job",
                false,
                "email.smtp.host",
                "smtp.example.gov.uk",
                "email.existingSecret",
                "trust-email",
                "email.from",
                "Trust <trust@example.gov.uk>"));
        List<String> sensitive = new ArrayList<>();
        for (JsonNode variable : manifests.env("Deployment")) {
            String name = variable.path("name").asText();
            if (name.endsWith("PASSWORD") || name.endsWith("SECRET") || name.endsWith("KEY")) {
                sensitive.add(name);
                assertThat(variable.has("value")).as(name).isFalse();
                assertThat(variable.path("valueFrom").has("secretKeyRef"))
                        .as(name)
                        .isTrue();
            }
        }
        assertThat(sensitive)
                .containsExactlyInAnyOrder(
                        "TRUST_DB_RUNTIME_PASSWORD",
                        "TRUST_DB_OWNER_PASSWORD",
                        "TRUST_KEYCLOAK_ADMIN_CLIENT_SECRET",
                        "TRUST_WEBHOOKS_SECRET_KEY",
                        "TRUST_NOTIFICATIONS_LINK_KEY",
                        "TRUST_SMTP_PASSWORD");
        assertThat(manifests.kinds()).doesNotContain("Secret");
    }

    @Test
    void email_is_off_until_a_relay_is_given_and_then_needs_the_secret_that_signs_its_links() {
        JsonNode off = Chart.render(Map.of()).env("Deployment");
        JsonNode on = Chart.render(Map.of(
                        "email.smtp.host", "smtp.example.gov.uk",
                        "email.smtp.tls", "tls",
                        "email.smtp.port", 465,
                        "email.existingSecret", "trust-email",
                        "email.from", "Trust <trust@example.gov.uk>"))
                .env("Deployment");

        assertThat(off.findValuesAsText("name")).noneMatch(name -> name.startsWith("TRUST_SMTP_"));
        assertThat(value(on, "TRUST_SMTP_HOST")).isEqualTo("smtp.example.gov.uk");
        assertThat(value(on, "TRUST_SMTP_PORT")).isEqualTo("465");
        assertThat(value(on, "TRUST_SMTP_TLS")).isEqualTo("tls");
        assertThatThrownBy(() -> Chart.render(Map.of("email.smtp.host", "smtp.example.gov.uk")))
                .as("a relay without the link key's Secret: the service would refuse to start")
                .hasMessageContaining("existingSecret");
        assertThatThrownBy(() -> Chart.render(Map.of(
                        "email.smtp.host", "smtp.example.gov.uk",
                        "email.existingSecret", "trust-email",
                        "email.from", "Trust Platform <notifications@localhost>")))
                .as("a relay with no sender of the partnership's domain: the service would refuse to start")
                .hasMessageContaining("from");
        assertThatThrownBy(() -> Chart.render(Map.of("email.smtp.tls", "maybe")))
                .hasMessageContaining("tls");
    }

    @Test
    void autoscaled_between_the_bounds_given_and_never_below_the_disruption_budget() {
        Manifests scaled = Chart.render(Map.of("autoscaling.minReplicas", 3, "autoscaling.maxReplicas", 12));
        JsonNode hpa = scaled.one("HorizontalPodAutoscaler").path("spec");

        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(12);
        assertThat(hpa.path("scaleTargetRef").path("name").asText())
                .isEqualTo(
                        scaled.one("Deployment").path("metadata").path("name").asText());
        assertThat(scaled.one("Deployment").path("spec").has("replicas"))
                .as("the autoscaler owns the replica count")
                .isFalse();
        assertThat(scaled.one("PodDisruptionBudget")
                        .path("spec")
                        .path("minAvailable")
                        .asInt())
                .isEqualTo(1);

        Manifests fixed = Chart.render(Map.of("autoscaling.enabled", false, "replicaCount", 4));
        assertThat(fixed.kinds()).doesNotContain("HorizontalPodAutoscaler");
        assertThat(fixed.one("Deployment").path("spec").path("replicas").asInt())
                .isEqualTo(4);

        assertThatThrownBy(() -> Chart.render(Map.of("autoscaling.minReplicas", 5, "autoscaling.maxReplicas", 2)))
                .hasMessageContaining("autoscaling.minReplicas must not be more than autoscaling.maxReplicas");
    }

    @Test
    void the_ingress_serves_the_host_given_with_its_certificate_and_only_when_asked() {
        assertThat(Chart.render(Map.of()).kinds()).doesNotContain("Ingress");

        JsonNode ingress = Chart.render(Map.of(
                        "ingress.enabled", true,
                        "ingress.host", "trust.example.gov.uk",
                        "ingress.tlsSecret", "trust-tls"))
                .one("Ingress")
                .path("spec");

        assertThat(ingress.path("rules").path(0).path("host").asText()).isEqualTo("trust.example.gov.uk");
        assertThat(ingress.path("tls").path(0).path("secretName").asText()).isEqualTo("trust-tls");
        assertThat(ingress.path("rules")
                        .path(0)
                        .path("http")
                        .path("paths")
                        .path(0)
                        .path("backend")
                        .path("service")
                        .path("port")
                        .path("name")
                        .asText())
                .isEqualTo("http");
        assertThatThrownBy(() -> Chart.render(Map.of("ingress.enabled", true))).hasMessageContaining("/ingress/host");
    }

    @Test
    void the_jwks_address_follows_the_issuer_unless_given() {
        assertThat(value(Chart.render(Map.of()).env("Deployment"), "TRUST_OIDC_JWKS_URL"))
                .isEqualTo("https://sso.example.gov.uk/realms/trust/protocol/openid-connect/certs");
        assertThat(value(
                        Chart.render(Map.of("oidc.jwksUrl", "https://keys.example.gov.uk/certs"))
                                .env("Deployment"),
                        "TRUST_OIDC_JWKS_URL"))
                .isEqualTo("https://keys.example.gov.uk/certs");
    }

    @Test
    void every_setting_the_chart_gives_is_one_the_readme_documents() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher names =
                Pattern.compile("`(TRUST_[A-Z_]+)`").matcher(Files.readString(Chart.FOLDER.resolve("../README.md")));
        while (names.find()) {
            documented.add(names.group(1));
        }
        Set<String> given = new TreeSet<>();
        for (boolean job : List.of(true, false)) {
            Manifests manifests = Chart.render(Map.of(
                    "migrations.job",
                    job,
                    "email.smtp.host",
                    "smtp.example.gov.uk",
                    "email.existingSecret",
                    "trust-email",
                    "email.from",
                    "Trust <trust@example.gov.uk>"));
            for (String kind : job ? List.of("Deployment", "Job") : List.of("Deployment")) {
                manifests.env(kind).findValuesAsText("name").stream()
                        .filter(name -> name.startsWith("TRUST_"))
                        .forEach(given::add);
            }
        }

        assertThat(given).hasSizeGreaterThan(15);
        assertThat(documented).containsAll(given);
    }

    @Test
    void the_image_holds_the_jar_where_the_chart_runs_it_as_the_user_the_chart_runs_as() throws IOException {
        String dockerfile = Files.readString(Chart.FOLDER.resolve("../platform/Dockerfile"));
        JsonNode pod = Chart.render(Map.of())
                .one("Deployment")
                .path("spec")
                .path("template")
                .path("spec");

        String jar =
                Path.of(System.getProperty("trust.platform.jar")).getFileName().toString();
        assertThat(dockerfile).contains("COPY target/" + jar + " /app/platform.jar");
        assertThat(dockerfile)
                .contains(
                        "USER " + pod.path("securityContext").path("runAsUser").asInt() + ":"
                                + pod.path("securityContext").path("runAsGroup").asInt());
        assertThat(dockerfile)
                .contains("EXPOSE "
                        + pod.path("containers")
                                .path(0)
                                .path("ports")
                                .path(0)
                                .path("containerPort")
                                .asInt());
    }

    @Test
    void the_image_and_both_pods_cap_the_heap_metaspace_and_code_cache_below_the_containers_memory_limit()
            throws IOException {
        Manifests manifests = Chart.render(Map.of());
        String dockerfile = Files.readString(Chart.FOLDER.resolve("../platform/Dockerfile"));
        for (String kind : List.of("Deployment", "Job")) {
            JsonNode container = manifests
                    .one(kind)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .path(0);
            String options = value(manifests.env(kind), "JAVA_TOOL_OPTIONS");
            long capped = megabytes(options, "-Xmx")
                    + megabytes(options, "-XX:MaxMetaspaceSize=")
                    + megabytes(options, "-XX:ReservedCodeCacheSize=");
            String limit =
                    container.path("resources").path("limits").path("memory").asText();

            // What the caps leave of the limit is for the collector's own structures, thread
            // stacks, the compilers and buffers: about 110 MiB under the soak with G1.
            assertThat(capped + 128).as(kind + ": " + options).isLessThanOrEqualTo(mebibytes(limit));
            assertThat(options).as(kind).contains("-XX:+UseG1GC").doesNotContain("RAMPercentage");
            assertThat(dockerfile)
                    .as("the image run without the chart gets the chart's settings")
                    .contains("ENV JAVA_TOOL_OPTIONS=\"" + options + "\"");
        }
    }

    /** The size in MiB that a JVM option such as {@code -Xmx256m} gives; the chart writes them in m. */
    private static long megabytes(String options, String option) {
        Matcher size = Pattern.compile("(?:^|\\s)" + Pattern.quote(option) + "(\\d+)m(?:\\s|$)")
                .matcher(options);
        assertThat(size.find()).as(option + " in " + options).isTrue();
        return Long.parseLong(size.group(1));
    }

    /** A Kubernetes memory quantity in Mi or Gi, in MiB. */
    private static long mebibytes(String quantity) {
        Matcher size = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(size.matches()).as(quantity).isTrue();
        return Long.parseLong(size.group(1)) * (size.group(2).equals("Gi") ? 1024 : 1);
    }

    /** "secret/key" of a variable read from a Secret, or null. */
    private static JsonNode podOf(Manifests manifests) {
        return manifests.one("Deployment").path("spec").path("template").path("spec");
    }

    private static String secret(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (variable.path("name").asText().equals(name)) {
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode()
                        ? null
                        : ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return null;
    }
}
