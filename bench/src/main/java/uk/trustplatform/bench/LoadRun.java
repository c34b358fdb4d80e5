package uk.trustplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One timed run of bench/compare's load generators: {@code wrk -t1} against a GraphQL server, with
 * {@code bench/wrk/graphql.lua} sending the requests, or {@code pgbench} replaying a script (the
 * floor), both with one thread driving {@code connections} connections.
 */
final class LoadRun {

    /** What one run gave: requests (or transactions) a second, the 99th percentile, and failures. */
    record Result(double perSecond, double p99Millis, long failures) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)\\b");
    private static final Pattern FAILURES = Pattern.compile("failures: (\\d+)");
    private static final Pattern FIRST_FAILURE = Pattern.compile("first failure: .*");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private LoadRun() {}

    static Result wrk(URI url, Path lua, Path requests, @Nullable String token, int connections, int seconds)
            throws IOException, InterruptedException {
        String output = run(
                List.of(
                        "wrk",
                        "-t1",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "--timeout",
                        "10s",
                        "-s",
                        lua.toString(),
                        url.toString(),
                        "--",
                        requests.toString(),
                        token == null ? "" : token),
                Map.of(),
                seconds);
        Matcher p99 = matched(P99, output);
        double millis = Double.parseDouble(p99.group(1))
                * switch (p99.group(2)) {
                    case "us" -> 0.001;
                    case "s" -> 1000;
                    default -> 1;
                };
        Matcher non2xx = NON_2XX.matcher(output);
        long failures = Long.parseLong(matched(FAILURES, output).group(1));
        Matcher first = FIRST_FAILURE.matcher(output);
        if (first.find()) {
            System.out.println("  " + url + ": " + first.group());
        }
        return new Result(
                Double.parseDouble(matched(RATE, output).group(1)),
                millis,
                Math.max(failures, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0));
    }

    /**
     * pgbench replaying {@code script} with prepared statements, as pgjdbc's server-side prepared
     * statements run the platform's. It reports no percentiles: the floor's p99 is left out.
     */
    static Result pgbench(
            String host,
            int port,
            String database,
            String user,
            String password,
            Path script,
            int connections,
            int seconds)
            throws IOException, InterruptedException {
        String output = run(
                List.of(
                        "pgbench",
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        String.valueOf(connections),
                        "-j",
                        "1",
                        "-T",
                        String.valueOf(seconds),
                        "-f",
                        script.toString(),
                        "-h",
                        host,
                        "-p",
                        String.valueOf(port),
                        "-U",
                        user,
                        database),
                Map.of("PGPASSWORD", password),
                seconds);
        Matcher failed = FAILED.matcher(output);
        return new Result(
                Double.parseDouble(matched(TPS, output).group(1)),
                Double.NaN,
                failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }

    private static Matcher matched(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in the load generator's output:\n" + output);
        }
        return matcher;
    }

    private static String run(List<String> command, Map<String, String> environment, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 3)) + "... failed:\n" + output);
        }
        return output;
    }
}
