package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * An exception no route handles, on any route, reaches the caller only as a masked internal error
 * with the correlation id (JSON, or a short page for a browser); the detail is logged under it.
 */
@MicronautTest(transactional = false)
@Property(name = "test.failing-route", value = "true")
class UnhandledExceptionIT {

    @Inject
    EmbeddedServer server;

    @Test
    void an_api_client_gets_a_masked_json_error_with_the_correlation_id_and_the_log_has_the_detail() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Reply reply = logged(
                log,
                () -> new ApiCaller(server)
                        .withHeader("Accept", "application/json")
                        .get("/test-only/failing", Map.of()));

        String correlationId = reply.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.firstError().path("message").asText())
                .isEqualTo("Internal error. Quote correlation id " + correlationId + " if you report it.");
        assertNothingInternal(reply);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(correlationId);
            assertThat(event.getMDCPropertyMap()).containsEntry("correlationId", correlationId);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo(FailingRoute.DETAIL);
        });
    }

    @Test
    void a_browser_gets_a_short_page_with_the_correlation_id() {
        Reply reply = logged(
                new ListAppender<>(),
                () -> new ApiCaller(server)
                        .withHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .get("/test-only/failing", Map.of()));

        String correlationId = reply.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(reply.text())
                .contains("Sorry, there is a problem with the service")
                .contains("quote correlation id " + correlationId);
        assertNothingInternal(reply);
    }

    private static void assertNothingInternal(Reply reply) {
        assertThat(reply.text())
                .doesNotContain("SQL")
                .doesNotContain("ERROR:")
                .doesNotContain("IllegalState")
                .doesNotContain("java.")
                .doesNotContain("\tat ");
    }

    private static Reply logged(ListAppender<ILoggingEvent> log, Supplier<Reply> call) {
        Logger handlerLog = (Logger) LoggerFactory.getLogger(UnhandledExceptionHandler.class);
        log.start();
        handlerLog.addAppender(log);
        try {
            return call.get();
        } finally {
            handlerLog.detachAppender(log);
        }
    }
}
