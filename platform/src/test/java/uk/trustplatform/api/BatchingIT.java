package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** Batched requests, when an operator switches them on. */
@MicronautTest(transactional = false)
@Property(name = "trust.graphql.batching.enabled", value = "true")
@Property(name = "trust.graphql.batching.max-operations", value = "2")
class BatchingIT {

    @Inject
    EmbeddedServer server;

    @Test
    void a_batch_returns_one_result_per_operation_in_order() {
        Reply reply = new ApiCaller(server)
                .postJson("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ tenant(slug: \\\"x\\\") { name } }\"}]");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body()).hasSize(2);
        assertThat(reply.body().path(0).path("data").path("__typename").asText())
                .isEqualTo("Query");
        assertThat(reply.body().path(1).path("data").has("tenant")).isTrue();
    }

    @Test
    void each_operation_of_a_batch_fails_on_its_own() {
        Reply reply = new ApiCaller(server).postJson("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ nope }\"}]");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path(0).path("data").path("__typename").asText())
                .isEqualTo("Query");
        assertThat(reply.body()
                        .path(1)
                        .path("errors")
                        .path(0)
                        .path("extensions")
                        .path("code")
                        .asText())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void a_batch_larger_than_configured_is_a_400() {
        Reply reply = new ApiCaller(server)
                .postJson("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"},"
                        + " {\"query\": \"{ __typename }\"}]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.firstError().path("message").asText())
                .contains("between 1 and 2 operations; this one holds 3");
    }
}
