package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestIdentityProvider;

/** What an orchestrator and a metrics scraper see. */
@MicronautTest(transactional = false)
class OperationsEndpointsIT {

    @Inject
    EmbeddedServer server;

    @Test
    void liveness_and_readiness_answer_up_without_credentials() {
        ApiCaller api = new ApiCaller(server);

        Reply liveness = api.get("/health/liveness", Map.of());
        Reply readiness = api.get("/health/readiness", Map.of());

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
    }

    static List<Arguments> notOperators() {
        return List.of(
                Arguments.of("anonymous", null),
                Arguments.of("a tenant admin", token(Role.TENANT_ADMIN)),
                Arguments.of("a partner integration", token(Role.PARTNER_INTEGRATION)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOperators")
    void health_details_are_hidden_from_everyone_but_platform_operators(String who, String token) {
        Reply health = caller(token).get("/health", Map.of());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("details").isEmpty()).as(health.text()).isTrue();
        assertThat(health.text()).doesNotContain("jdbc:").doesNotContain("PostgreSQL");
    }

    @Test
    void a_platform_operator_sees_the_health_details() {
        Reply health = caller(token(Role.PLATFORM_OPERATOR)).get("/health", Map.of());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("details").path("jdbc").path("status").asText())
                .as(health.text())
                .isEqualTo("UP");
    }

    static List<Arguments> managementEndpointsAndCallers() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of(
                "/beans", "/routes", "/info", "/threaddump", "/metrics", "/loggers", "/refresh", "/env", "/stop")) {
            cases.add(Arguments.of(path, "anonymous", null));
            cases.add(Arguments.of(path, "a partner integration", token(Role.PARTNER_INTEGRATION)));
            cases.add(Arguments.of(path, "a platform operator", token(Role.PLATFORM_OPERATOR)));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("managementEndpointsAndCallers")
    void management_endpoints_the_platform_does_not_need_are_off(String path, String who, String token) {
        Reply reply = caller(token).get(path, Map.of());

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("SensitiveEndpointRule").doesNotContain("Exception");
    }

    private ApiCaller caller(String token) {
        ApiCaller api = new ApiCaller(server);
        return token == null ? api : api.withToken(token);
    }

    static String token(Role role) {
        return TestIdentityProvider.token("ops-" + role.tokenName()).roles(role).sign();
    }

    @Test
    void prometheus_metrics_include_jvm_http_and_connection_pool_figures() {
        ApiCaller api = new ApiCaller(server);
        api.query("{ __typename }");

        Reply metrics = api.get("/prometheus", Map.of());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections_active");
    }
}
