package uk.trustplatform.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * PostGraphile 5 (bench/postgraphile/server.mjs) on the Node 22 that bench/compare installed into
 * {@code .bench/postgraphile}, connected to the platform's database as the runtime role, bound to
 * one tenant.
 */
final class PostGraphileServer implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(2);

    private final Process process;
    private final URI graphql;

    private PostGraphileServer(Process process, URI graphql) {
        this.process = process;
        this.graphql = graphql;
    }

    /**
     * @param installed the folder npm installed PostGraphile and Node into
     * @param server the server script
     * @param databaseUrl a {@code postgres://} URL with the runtime role's name and password
     */
    static PostGraphileServer start(
            Path installed, Path server, String databaseUrl, String tenantId, int port, Path log)
            throws IOException, InterruptedException {
        Path node = installed.toAbsolutePath().resolve("node_modules/.bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException(
                    node + " is missing: bench/compare installs it (npm ci in " + installed + ")");
        }
        Path script = installed.toAbsolutePath().resolve("server.mjs");
        Files.copy(server, script, StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .directory(installed.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("TENANT_ID", tenantId);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("NODE_ENV", "production");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile stopped; its output is in " + log);
            }
            try {
                new Socket("127.0.0.1", port).close();
                return new PostGraphileServer(process, URI.create("http://127.0.0.1:" + port + "/graphql"));
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("PostGraphile did not listen within " + START.toSeconds() + " s; see " + log);
    }

    URI graphql() {
        return graphql;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            // Interrupted while it stops: make sure it is gone, and leave the interrupt for the caller.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
