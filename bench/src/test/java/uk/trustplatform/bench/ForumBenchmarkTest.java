package uk.trustplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command on a platform a thousandth of its size, so that a change to the schema or
 * the API that breaks the generator or the measured queries fails the build rather than the next
 * person who runs {@code bench/run}. It checks the command works, not how fast: the figures are in
 * docs/benchmarking.md.
 */
class ForumBenchmarkTest {

    @Test
    void generates_a_small_platform_and_reports_every_measurement(@TempDir Path home) throws Exception {
        String report = StandardOutput.of(ForumBenchmark::main, small(home));

        assertThat(report)
                .contains("3 tenants × 6 partners × 2 actions, about ")
                .contains("(generated)")
                .contains("Recompute every tenant:")
                .contains("for 3 tenants")
                .contains("ms for 6 partners × 2 actions; ")
                .contains("ms for 20 partners × 2 actions")
                .containsPattern("Forum comparison, one indicator: +median [0-9.]+ ms")
                .containsPattern("Forum comparison, every indicator: +median .*\\(\\d+ figures, \\d+ values\\)");

        // A second run keeps the data, the small tenant among it.
        String again = StandardOutput.of(ForumBenchmark::main, small(home));
        assertThat(again).contains("(kept from an earlier run)").contains("for 3 tenants");
    }

    /** A platform a thousandth of the benchmark's size, kept in {@code home}. */
    private static String[] small(Path home) {
        return new String[] {
            "--home", home.toString(), "--tenants", "3", "--partners", "6", "--actions", "2", "--runs", "2"
        };
    }
}
