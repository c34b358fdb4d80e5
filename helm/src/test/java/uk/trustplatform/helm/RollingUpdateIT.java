package uk.trustplatform.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.PackagedJar;

/**
 * SIGTERM to the packaged service under load, as Kubernetes sends it to a pod in a rolling
 * update: what the service had accepted completes, readiness stops answering ready, and the
 * process exits within the chart's termination grace period.
 */
class RollingUpdateIT {

    private static final String QUERY = "{\"query\":\"{ tenant(slug: \\\"medway\\\") { name } }\"";
    private static final String ANSWER = "{\"data\":{\"tenant\":null}}";
    private static final int QUICK_CALLERS = 4;
    private static final int SLOW_CALLERS = 2;
    // A slow caller's body arrives over about 3 s: a request the service has accepted and is still reading.
    private static final int SLOW_PIECES = 30;
    private static final long SLOW_PIECE_MS = 100;
    // Six anonymous callers from one address send far more than an address may (a pod behind an
    // ingress sees many): the fair-use limit is not what this test is about (FairUseIT is).
    private static final Map<String, String> UNLIMITED =
            Map.of("TRUST_RATE_LIMITS_ADDRESS_PER_MINUTE", "10000000", "TRUST_RATE_LIMITS_ADDRESS_BURST", "1000000");

    /** One request as the caller saw it: when its connection was accepted and when its answer ended. */
    private record Call(boolean slow, long acceptedAt, long endedAt, int status, String outcome) {

        boolean answered() {
            return status == 200 && outcome.contains(ANSWER);
        }
    }

    @Test
    void on_sigterm_under_load_accepted_requests_complete_readiness_fails_and_the_process_exits_within_the_grace_period(
            @TempDir Path logs) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startThrowaway();
                PackagedJar service = PackagedService.migrateAndStart(postgres.settings(), UNLIMITED, logs)) {
            assertThat(service.awaitStatus("/health/readiness", status -> status == 200))
                    .as(service.log())
                    .isEqualTo(200);
            List<Call> calls = Collections.synchronizedList(new ArrayList<>());
            ExecutorService callers = Executors.newFixedThreadPool(QUICK_CALLERS + SLOW_CALLERS);
            for (int i = 0; i < QUICK_CALLERS + SLOW_CALLERS; i++) {
                boolean slow = i < SLOW_CALLERS;
                callers.submit(() -> callUntilRefused(service.base(), slow, calls));
            }
            // Long enough for each slow caller to be part-way through a request.
            Thread.sleep(2_000);

            long signalled = System.nanoTime();
            service.process().destroy();
            List<Integer> readiness = readinessUntilRefused(service.base());
            boolean exited = service.process().waitFor(30, TimeUnit.SECONDS);
            long exitedMs = (System.nanoTime() - signalled) / 1_000_000;
            callers.shutdown();
            assertThat(callers.awaitTermination(30, TimeUnit.SECONDS))
                    .as("every caller was refused in the end")
                    .isTrue();

            List<Call> inFlight = calls.stream()
                    .filter(call -> call.acceptedAt() < signalled && call.endedAt() > signalled)
                    .toList();
            List<Call> unanswered = calls.stream()
                    .filter(call -> call.acceptedAt() < signalled && !call.answered())
                    .toList();
            // A connection opened as the signal came may be closed before its request is read: that
            // is a refusal (the chart's preStop pause keeps such connections from coming at all).
            List<Call> wrong = calls.stream()
                    .filter(call -> call.status() != -1 && !call.answered())
                    .toList();
            long refused = calls.stream().filter(call -> call.status() == -1).count();
            String log = service.log();
            assertThat(exited)
                    .as("the process exits within the 30 s grace period: %s", log)
                    .isTrue();
            assertThat(service.process().exitValue())
                    .as("ended by its SIGTERM after a clean shutdown (143), not killed: %s", log)
                    .isIn(0, 143);
            assertThat(inFlight.stream().filter(Call::slow))
                    .as("slow requests were in flight when SIGTERM came")
                    .isNotEmpty();
            assertThat(unanswered)
                    .as("every request accepted before SIGTERM was answered 200 (signal at %d)", signalled)
                    .isEmpty();
            assertThat(wrong)
                    .as("every request answered at all was answered 200, none with an error")
                    .isEmpty();
            assertThat(readiness.stream().dropWhile(status -> status == 200))
                    .as("once readiness failed it stayed failed until the port closed: %s", readiness)
                    .doesNotContain(200);
            assertThat(log).doesNotContain("Exception").doesNotContain("ERROR");
            System.out.printf(
                    "SIGTERM under load: %d requests answered 200, %d of them in flight at the signal (%d slow);"
                            + " %d connections opened as the signal came closed unanswered; readiness after the"
                            + " signal %s then refused; exited %d ms after the signal with status %d.%n",
                    calls.size() - refused,
                    inFlight.size(),
                    inFlight.stream().filter(Call::slow).count(),
                    refused,
                    readiness,
                    exitedMs,
                    service.process().exitValue());
        }
    }

    /** Sends requests one after another until the service refuses the connection. */
    private static void callUntilRefused(URI base, boolean slow, List<Call> calls) {
        while (true) {
            try {
                calls.add(call(base, slow));
            } catch (ConnectException refused) {
                return;
            }
        }
    }

    /**
     * One GraphQL request on a connection of its own (so that "accepted" means exactly this
     * request), its body trickled when {@code slow}.
     */
    private static Call call(URI base, boolean slow) throws ConnectException {
        String body = QUERY + " ".repeat(slow ? SLOW_PIECES : 0) + "}";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            long accepted = System.nanoTime();
            socket.setSoTimeout(20_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: " + base.getAuthority()
                                + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                + body.length() + "\r\n\r\n" + QUERY)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; slow && i < SLOW_PIECES; i++) {
                    Thread.sleep(SLOW_PIECE_MS);
                    out.write(' ');
                    out.flush();
                }
                out.write('}');
                out.flush();
                String response = readAll(socket.getInputStream());
                return new Call(slow, accepted, System.nanoTime(), status(response), response);
            } catch (IOException | InterruptedException broken) {
                return new Call(slow, accepted, System.nanoTime(), -1, broken.toString());
            }
        } catch (ConnectException refused) {
            throw refused;
        } catch (IOException other) {
            return new Call(slow, System.nanoTime(), System.nanoTime(), -1, other.toString());
        }
    }

    /** Readiness as a probe sees it after the signal: each status answered, until the port is closed. */
    private static List<Integer> readinessUntilRefused(URI base) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 1_000);
                socket.setSoTimeout(5_000);
                socket.getOutputStream()
                        .write(("GET /health/readiness HTTP/1.1\r\nHost: " + base.getAuthority()
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                statuses.add(status(readAll(socket.getInputStream())));
            } catch (IOException refusedOrClosed) {
                return statuses;
            }
            Thread.sleep(50);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    private static int status(String response) {
        String[] statusLine = response.split(" ", 3);
        return statusLine.length > 1 && statusLine[0].startsWith("HTTP/") ? Integer.parseInt(statusLine[1]) : -1;
    }
}
