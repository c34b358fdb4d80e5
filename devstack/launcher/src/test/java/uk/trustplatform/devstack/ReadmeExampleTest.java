package uk.trustplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example request, run exactly as written against a devstack, prints what the README says. */
class ReadmeExampleTest {

    private static final String MARKER = "<!-- readme-example: demo-tenant-query";

    @Test
    void the_readme_curl_example_returns_the_demo_tenant_as_documented(@TempDir Path home) throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        String command = fencedBlockAfter(readme, readme.indexOf(MARKER), "```bash");
        String expected = fencedBlockAfter(readme, readme.indexOf(command), "```json");

        try (DevStack stack = DevStack.start(home, -1, 0, Path.of("../../tenants"))) {
            String base = stack.baseUrl().toString().replaceAll("/$", "");
            String printed = runBash(command.replace("http://localhost:8080", base));

            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(printed)).isEqualTo(json.readTree(expected));
        }
    }

    private static String fencedBlockAfter(String text, int from, String fence) {
        assertThat(from).as("README section not found").isGreaterThanOrEqualTo(0);
        int start = text.indexOf(fence, from) + fence.length();
        int end = text.indexOf("```", start);
        return text.substring(start, end).strip();
    }

    private static String runBash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
