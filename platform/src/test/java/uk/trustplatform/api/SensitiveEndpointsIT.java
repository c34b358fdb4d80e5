package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** A management endpoint a deployment turns back on is for platform operators only. */
@MicronautTest(transactional = false)
@Property(name = "endpoints.loggers.enabled", value = "true")
class SensitiveEndpointsIT {

    @Inject
    EmbeddedServer server;

    @Test
    void anonymous_callers_get_401() {
        assertThat(new ApiCaller(server).get("/loggers", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void signed_in_callers_who_are_not_platform_operators_get_403() {
        for (Role role : Role.values()) {
            if (role == Role.PLATFORM_OPERATOR) {
                continue;
            }
            Reply reply = new ApiCaller(server)
                    .withToken(OperationsEndpointsIT.token(role))
                    .get("/loggers", Map.of());

            assertThat(reply.status()).as(role + ": " + reply.text()).isEqualTo(403);
            assertThat(reply.text()).doesNotContain("SensitiveEndpointRule");
        }
    }

    @Test
    void a_platform_operator_reaches_it() {
        Reply reply = new ApiCaller(server)
                .withToken(OperationsEndpointsIT.token(Role.PLATFORM_OPERATOR))
                .get("/loggers", Map.of());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().path("levels").isArray()).isTrue();
    }
}
