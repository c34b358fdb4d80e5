package uk.trustplatform.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.trustplatform.Application;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;

/**
 * Runs the platform on a developer's machine with nothing installed but a JDK: an embedded
 * PostgreSQL whose data stays in {@code .devstack/postgres}, the platform in the {@code dev}
 * environment, and the demo tenant.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final ApplicationContext platform;

    private DevStack(EmbeddedPostgresServer postgres, ApplicationContext platform) {
        this.postgres = postgres;
        this.platform = platform;
    }

    /**
     * Starts everything.
     *
     * @param home where the devstack keeps its data between runs
     * @param httpPort the platform's port, or -1 for any free one
     */
    public static DevStack start(Path home, int httpPort) throws SQLException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(home.resolve("postgres"), 0);
        Map<String, Object> properties = new HashMap<>(postgres.settings().asPlatformProperties());
        properties.put("micronaut.server.port", httpPort);
        ApplicationContext platform = Micronaut.build(new String[0])
                .mainClass(Application.class)
                .environments("dev")
                .properties(properties)
                .start();
        DemoTenant.ensurePresent(postgres.settings());
        return new DevStack(postgres, platform);
    }

    public URI baseUrl() {
        return platform.getBean(EmbeddedServer.class).getURI();
    }

    @Override
    public void close() {
        platform.close();
        postgres.close();
    }

    public static void main(String[] args) throws SQLException {
        // Before any logger exists: plain console lines instead of the platform's production JSON.
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        Path home = Path.of(System.getenv().getOrDefault("TRUST_DEVSTACK_HOME", ".devstack"));
        if (List.of(args).contains("--reset")) {
            deleteRecursively(home);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("TRUST_HTTP_PORT", "8080"));
        DevStack stack = start(home, port);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        URI base = stack.baseUrl();
        System.out.printf(
                """

                Trust Platform devstack is ready.
                  GraphQL API   %s
                  GraphiQL      %s
                  Health        %s
                  PostgreSQL    %s (owner %s, runtime role %s)
                  Data kept in  %s (start with --reset to begin again)
                  Demo tenant   %s
                Press Ctrl+C to stop.
                %n""",
                base.resolve("/graphql"),
                base.resolve("/graphiql"),
                base.resolve("/health"),
                stack.postgres.settings().jdbcUrl(),
                stack.postgres.settings().ownerUser(),
                stack.postgres.settings().runtimeUser(),
                home.toAbsolutePath().normalize(),
                DemoTenant.SLUG);
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reset " + folder, e);
        }
    }
}
