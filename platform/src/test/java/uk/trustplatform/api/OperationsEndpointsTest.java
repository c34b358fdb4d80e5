package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** What an orchestrator and a metrics scraper see. */
@MicronautTest(transactional = false)
class OperationsEndpointsTest {

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

    @Test
    void health_details_are_hidden_from_anonymous_callers() {
        Reply health = new ApiCaller(server).get("/health", Map.of());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("details").isEmpty()).as(health.text()).isTrue();
        assertThat(health.text()).doesNotContain("jdbc:");
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
