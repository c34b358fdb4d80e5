package uk.trustplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak for a few seconds at four connections, so that a change to the API, the chart or the
 * packaged jar that breaks it fails the build rather than the next person who runs
 * {@code bench/soak}. It checks the command works and that the mix ran without an error, not how
 * fast: the figures are in docs/operations.md ("Soak").
 */
class SoakIT {

    private static final Pattern ROW = Pattern.compile(
            "^\\| 0:(\\d\\d) \\| (\\d+) \\| (\\d+) \\|(.*)\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| [0-9. ]+ \\|$",
            Pattern.MULTILINE);

    @Test
    void drives_every_operation_of_the_mix_against_the_packaged_service_without_an_error(@TempDir Path home)
            throws Exception {
        Path output = home.resolve("soak.md");
        String report = StandardOutput.of(
                Soak::main,
                "--seconds",
                "12",
                "--interval",
                "6",
                "--connections",
                "4",
                "--tenants",
                "2",
                "--partners",
                "3",
                "--actions",
                "4",
                "--home",
                home.toString(),
                "--jar",
                System.getProperty("trust.platform.jar"),
                "--chart",
                System.getProperty("trust.chart.values"),
                "--output",
                output.toString());

        assertThat(report)
                .contains("JAVA_TOOL_OPTIONS=-XX:MaxRAM=640m -Xmx256m -XX:MaxMetaspaceSize=160m")
                .contains("(max heap 256 MiB, G1GC)")
                .contains("Errors: 0");
        Matcher rows = ROW.matcher(report);
        int intervals = 0;
        while (rows.find()) {
            intervals++;
            assertThat(Long.parseLong(rows.group(2))).as("requests/s").isPositive();
            assertThat(rows.group(3)).as("errors").isEqualTo("0");
            assertThat(rows.group(4)).as("latencies").doesNotContain("NaN");
            assertThat(Long.parseLong(rows.group(5))).as("heap after GC").isPositive();
            assertThat(Long.parseLong(rows.group(7))).as("RSS").isPositive();
        }
        assertThat(intervals).as("a row per interval").isEqualTo(2);
        for (SoakOperation operation : SoakOperation.values()) {
            assertThat(report)
                    .containsPattern("\\| " + Pattern.quote(operation.description()) + " \\| [1-9]\\d* \\| 0 \\|");
        }
        assertThat(Files.readString(output))
                .startsWith("## Soak")
                .contains("| 0:12 |")
                .contains("Errors: 0");
    }
}
