package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The production logging configuration writes one JSON object per line, with the correlation id. */
class JsonLogTest {

    @Test
    void production_logs_are_json_lines_carrying_the_correlation_id() throws Exception {
        URL productionConfig = Path.of("src/main/resources/logback.xml").toUri().toURL();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(productionConfig);
            MDC.put("correlationId", "corr-12345678");
            context.getLogger("uk.trustplatform.Example").info("Tenant {} onboarded", "medway");
        } finally {
            MDC.remove("correlationId");
            System.setOut(original);
            context.stop();
        }

        String line = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("onboarded"))
                .findFirst()
                .orElseThrow();
        JsonNode event = new ObjectMapper().readTree(line);
        assertThat(event.path("level").asText()).isEqualTo("INFO");
        assertThat(event.path("loggerName").asText()).isEqualTo("uk.trustplatform.Example");
        assertThat(event.path("formattedMessage").asText()).isEqualTo("Tenant medway onboarded");
        assertThat(event.path("mdc").path("correlationId").asText()).isEqualTo("corr-12345678");
    }
}
