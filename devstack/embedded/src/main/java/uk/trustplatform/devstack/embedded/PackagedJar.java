package uk.trustplatform.devstack.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The platform's packaged jar run as a pod runs it, with only the environment given (see {@link
 * PodProcess}): the migration job's command, then the service on a free port. The Helm chart's
 * tests give it the environment the chart renders; the soak gives it the chart's memory settings.
 * Dev and test only.
 */
public final class PackagedJar implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final URI base;

    private PackagedJar(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Runs the migration job's command to completion, as the chart's pre-install hook does.
     *
     * @return what it printed
     * @throws IllegalStateException when it fails or runs past three minutes, with its output
     */
    public static String migrate(Path jar, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Process job = PodProcess.start(
                List.of("-cp", jar.toString(), "uk.trustplatform.tenancy.MigrationCommand"), environment, log);
        boolean finished = job.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            job.destroyForcibly();
        }
        String output = Files.readString(log);
        if (!finished || job.exitValue() != 0) {
            throw new IllegalStateException("The migrations failed:\n" + output);
        }
        return output;
    }

    /** Starts the service with {@code environment} and a free port; returns at once, before it is ready. */
    public static PackagedJar start(Path jar, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        Map<String, String> withPort = new HashMap<>(environment);
        withPort.put("TRUST_HTTP_PORT", String.valueOf(port));
        return new PackagedJar(
                PodProcess.start(List.of("-jar", jar.toString()), withPort, log),
                log,
                URI.create("http://127.0.0.1:" + port));
    }

    public URI base() {
        return base;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * The first status the address answers that {@code wanted} accepts, or -1 once the process has
     * exited or three minutes have passed (a cold start on a busy 2-core machine takes under one).
     */
    public int awaitStatus(String path, IntPredicate wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                int status = get(path).statusCode();
                if (wanted.test(status)) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(250);
        }
        return -1;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM, as Kubernetes does, and waits up to 30 s before killing it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
