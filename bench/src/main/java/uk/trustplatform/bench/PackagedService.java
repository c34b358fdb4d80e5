package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.PackagedJar;

/**
 * The packaged service jar run as the Helm chart's pods run it ({@link PackagedJar}), with the
 * chart's own memory settings, and what the soak reads of its memory. Off
 * a container the JVM sizes its heap from the whole machine, so {@code -XX:MaxRAM} stands in for
 * the container's memory limit (the chart's {@code resources.limits.memory}).
 */
final class PackagedService implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("heap .*?committed (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final PackagedJar service;

    private PackagedService(PackagedJar service) {
        this.service = service;
    }

    /** The heap in use just after a full collection, what the heap has reserved from the system, and the RSS. */
    record Memory(long heapAfterGcMiB, long heapCommittedMiB, long rssMiB) {}

    /**
     * What the chart gives a pod: its JVM options, the chart's {@code javaOptions} with {@code
     * -XX:MaxRAM} set to the chart's memory limit so that percentages of "the machine" mean the same
     * as in the container; and its database pool size.
     */
    record PodSettings(List<String> javaOptions, int poolSize) {

        static PodSettings of(Path chartValues) {
            JsonNode values;
            try {
                values = new YAMLMapper().readTree(chartValues.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + chartValues, e);
            }
            String limit =
                    values.path("resources").path("limits").path("memory").asText();
            List<String> options = new ArrayList<>();
            options.add("-XX:MaxRAM=" + megabytes(limit) + "m");
            options.addAll(List.of(values.path("javaOptions").asText().strip().split("\\s+")));
            return new PodSettings(
                    List.copyOf(options),
                    values.path("database").path("poolSize").asInt());
        }
    }

    /** Kubernetes quantities as the chart writes memory: {@code 1536Mi}, {@code 2Gi}. */
    private static long megabytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        if (!matcher.matches()) {
            throw new IllegalStateException("The chart's memory limit '" + quantity + "' is not in Mi or Gi");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("Gi") ? amount * 1024 : amount;
    }

    /** Runs the migration job's command to completion, as the chart's pre-install hook does. */
    static void migrate(Path jar, List<String> memory, DatabaseSettings database, Path log) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "TRUST_DB_URL", database.jdbcUrl(),
                "TRUST_DB_OWNER_USER", database.ownerUser(),
                "TRUST_DB_OWNER_PASSWORD", database.ownerPassword(),
                "TRUST_DB_RUNTIME_USER", database.runtimeUser()));
        environment.put("JAVA_TOOL_OPTIONS", String.join(" ", memory));
        PackagedJar.migrate(jar, environment, log);
    }

    /** Starts the service and waits until its readiness probe answers 200. */
    static PackagedService start(Path jar, List<String> memory, Map<String, String> environment, Path log)
            throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put("TRUST_DB_MIGRATIONS_ENABLED", "false");
        all.put("JAVA_TOOL_OPTIONS", String.join(" ", memory));
        PackagedJar service = PackagedJar.start(jar, all, log);
        if (service.awaitStatus("/health/readiness", status -> status == 200) != 200) {
            service.close();
            throw new IllegalStateException("The service did not become ready; its output is in " + log);
        }
        return new PackagedService(service);
    }

    URI baseUrl() {
        return service.base();
    }

    long pid() {
        return service.process().pid();
    }

    /**
     * Forces a full collection ({@code jcmd GC.run}), then reads the heap ({@code jcmd
     * GC.heap_info}) and the resident set ({@code /proc/<pid>/status}).
     */
    Memory memory() throws Exception {
        jcmd("GC.run");
        Matcher heap = HEAP.matcher(jcmd("GC.heap_info"));
        if (!heap.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no heap figures");
        }
        return new Memory(Long.parseLong(heap.group(2)) / 1024, Long.parseLong(heap.group(1)) / 1024, rssKiB() / 1024);
    }

    /** The resident set now ({@code VmRSS} of {@code /proc/<pid>/status}), in KiB, without a collection first. */
    long rssKiB() throws IOException {
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid() + "/status")));
        if (!rss.find()) {
            throw new IllegalStateException("/proc/" + pid() + "/status has no VmRSS");
        }
        return Long.parseLong(rss.group(1));
    }

    /** The heap limit and collector the service's JVM chose from those options, as it reports them. */
    String heapAndCollector() throws Exception {
        String flags = jcmd("VM.flags");
        Matcher maxHeap = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        Matcher collector = Pattern.compile("-XX:\\+Use(\\w+GC)\\b").matcher(flags);
        return "max heap %s MiB, %s"
                .formatted(
                        maxHeap.find() ? Long.parseLong(maxHeap.group(1)) >> 20 : "?",
                        collector.find() ? collector.group(1) : "the default collector");
    }

    /** Runs a diagnostic command in the service's JVM ({@code jcmd <pid> <command>}); its output. */
    String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        service.close();
    }
}
