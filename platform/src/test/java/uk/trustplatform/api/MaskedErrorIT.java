package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestIdentityProvider;

/**
 * An internal failure (here: the database refusing the runtime role) reaches the caller only as
 * "internal error" with a correlation id; the detail goes to the log under the same id.
 */
@MicronautTest(transactional = false)
class MaskedErrorIT {

    @Inject
    EmbeddedServer server;

    @Test
    void a_database_failure_is_masked_and_logged_under_the_responses_correlation_id() throws SQLException {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger handlerLog = (Logger) LoggerFactory.getLogger(MaskingExceptionHandler.class);
        log.start();
        handlerLog.addAppender(log);
        Reply reply;
        try (Connection owner = TestDatabase.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute(
                    "REVOKE SELECT ON tenant FROM " + TestDatabase.settings().runtimeUser());
            try {
                reply = new ApiCaller(server).query("{ tenant(slug: \"medway\") { name } }");
            } finally {
                statement.execute(
                        "GRANT SELECT ON tenant TO " + TestDatabase.settings().runtimeUser());
                handlerLog.detachAppender(log);
            }
        }

        String correlationId = reply.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("tenant").isNull()).isTrue();
        assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.firstError().path("message").asText())
                .isEqualTo("Internal error. Quote correlation id " + correlationId + " if you report it.");
        assertThat(reply.firstError().path("extensions").path("correlationId").asText())
                .isEqualTo(correlationId);
        assertThat(reply.firstError().path("path").path(0).asText()).isEqualTo("tenant");
        assertThat(reply.text())
                .doesNotContainIgnoringCase("permission")
                .doesNotContain("SQL")
                .doesNotContain("\tat ");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(correlationId);
            assertThat(event.getMDCPropertyMap()).containsEntry("correlationId", correlationId);
            assertThat(event.getThrowableProxy().getMessage()).contains("permission denied");
        });
    }

    @Test
    void a_failure_while_deciding_who_is_calling_is_masked_the_same_way() throws SQLException {
        String token = TestIdentityProvider.token("admin-medway")
                .roles(Role.TENANT_ADMIN)
                .organisations("medway")
                .sign();
        Reply reply;
        try (Connection owner = TestDatabase.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute(
                    "REVOKE SELECT ON tenant FROM " + TestDatabase.settings().runtimeUser());
            try {
                reply = new ApiCaller(server).withToken(token).query("{ viewer { subject } }");
            } finally {
                statement.execute(
                        "GRANT SELECT ON tenant TO " + TestDatabase.settings().runtimeUser());
            }
        }

        String correlationId = reply.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.firstError().path("message").asText())
                .isEqualTo("Internal error. Quote correlation id " + correlationId + " if you report it.");
        assertThat(reply.text()).doesNotContain("SQL").doesNotContainIgnoringCase("permission");
    }
}
