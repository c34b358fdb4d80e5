package uk.trustplatform.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The soak's figures as markdown: a row per interval as it ends, then the whole run per operation. */
final class SoakReport {

    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();

    SoakReport(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        lines.add(text);
        out.println(text);
    }

    void intervalHeading() {
        StringBuilder heading = new StringBuilder("| elapsed | requests/s | errors |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (SoakOperation operation : SoakOperation.values()) {
            heading.append(' ').append(operation.label()).append(" p50 / p99 ms |");
            rule.append("---|");
        }
        line("");
        line(heading.append(" heap after GC MiB | heap committed MiB | RSS MiB | load average |")
                .toString());
        line(rule.append("---|---|---|---|").toString());
    }

    void interval(
            long elapsedSeconds,
            double seconds,
            Map<SoakOperation, SoakRecorder.Tally> tallies,
            PackagedService.Memory memory,
            String load) {
        long requests = tallies.values().stream()
                .mapToLong(SoakRecorder.Tally::requests)
                .sum();
        long errors =
                tallies.values().stream().mapToLong(SoakRecorder.Tally::errors).sum();
        StringBuilder row = new StringBuilder("| %d:%02d | %.0f | %d |"
                .formatted(elapsedSeconds / 60, elapsedSeconds % 60, requests / seconds, errors));
        for (SoakOperation operation : SoakOperation.values()) {
            SoakRecorder.Tally tally = SoakRecorder.tally(tallies, operation);
            row.append(" %.0f / %.0f |".formatted(tally.percentile(0.5), tally.percentile(0.99)));
        }
        line(row.append(" %d | %d | %d | %s |"
                        .formatted(memory.heapAfterGcMiB(), memory.heapCommittedMiB(), memory.rssMiB(), load))
                .toString());
    }

    void run(Map<SoakOperation, SoakRecorder.Tally> tallies, List<String> errorKinds, List<String> errorsShown) {
        line("");
        line("| operation | requests | errors | p50 ms | p99 ms |");
        line("|---|---|---|---|---|");
        for (SoakOperation operation : SoakOperation.values()) {
            SoakRecorder.Tally tally = SoakRecorder.tally(tallies, operation);
            line("| %s | %d | %d | %.1f | %.1f |"
                    .formatted(
                            operation.description(),
                            tally.requests(),
                            tally.errors(),
                            tally.percentile(0.5),
                            tally.percentile(0.99)));
        }
        long errors =
                tallies.values().stream().mapToLong(SoakRecorder.Tally::errors).sum();
        line("");
        line("Errors: " + errors + (errors == 0 ? "" : ", by kind: " + String.join("; ", errorKinds) + ". The first:"));
        errorsShown.forEach(error -> line("- " + error));
    }

    void writeTo(Path file) throws Exception {
        Files.write(file, lines);
    }
}
