package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** The limits come from configuration and are enforced on the real endpoint with a 400. */
@MicronautTest(transactional = false)
@Property(name = "trust.graphql.limits.max-depth", value = "2")
@Property(name = "trust.graphql.limits.max-root-fields", value = "1")
class ConfiguredLimitsIT {

    @Inject
    EmbeddedServer server;

    @Test
    void a_query_deeper_than_the_configured_depth_is_a_400_naming_the_limit() {
        Reply reply = new ApiCaller(server).query("{ tenant(slug: \"x\") { councils { gssCode } } }");

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(reply.firstError().path("message").asText())
                .isEqualTo("Query refused: depth is 3, over the limit of 2.");
        assertThat(reply.body().has("data")).isFalse();
    }

    @Test
    void every_limit_a_query_breaks_is_reported_at_once() {
        Reply reply = new ApiCaller(server)
                .query("{ a: tenant(slug: \"x\") { councils { gssCode } } b: tenant(slug: \"y\") { name } }");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors")).hasSize(2);
        assertThat(reply.text()).contains("depth is 3").contains("root fields is 2");
    }

    @Test
    void a_query_within_the_configured_limits_runs() {
        Reply reply = new ApiCaller(server).query("{ tenant(slug: \"x\") { name } }");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }
}
