package uk.trustplatform.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.trustplatform.Application;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * Runs the platform on a developer's machine with nothing installed but a JDK: an embedded
 * PostgreSQL whose data stays in {@code .devstack/postgres}, Keycloak (in memory, so its realm
 * and demo accounts are made afresh each start), the platform in the {@code dev} environment,
 * and every tenant of {@code tenants/} onboarded.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final KeycloakServer keycloak;
    private final ApplicationContext platform;
    private final List<DemoPlatform.Login> logins;

    private DevStack(
            EmbeddedPostgresServer postgres,
            KeycloakServer keycloak,
            ApplicationContext platform,
            List<DemoPlatform.Login> logins) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.platform = platform;
        this.logins = logins;
    }

    /**
     * Starts everything and onboards the tenants.
     *
     * @param home where the devstack keeps its data between runs
     * @param httpPort the platform's port
     * @param keycloakPort Keycloak's port, or 0 for any free one
     * @param tenants the folder of tenant definitions
     */
    public static DevStack start(Path home, int httpPort, int keycloakPort, Path tenants) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(home.resolve("postgres"), 0);
        KeycloakServer keycloak = KeycloakServer.start(keycloakPort, home.resolve("keycloak.log"));
        Map<String, Object> properties = new HashMap<>(postgres.settings().asPlatformProperties());
        properties.put("micronaut.server.port", httpPort);
        // Printed on pledge badges and where Keycloak sends a signed-in browser back to.
        properties.put("trust.public-url", "http://localhost:" + httpPort);
        properties.put("trust.oidc.issuer", keycloak.issuer());
        properties.put("trust.oidc.jwks-url", keycloak.jwksUrl());
        properties.put("trust.keycloak.server-url", keycloak.baseUrl().toString());
        properties.put("trust.keycloak.admin-realm", "master");
        properties.put("trust.keycloak.admin-client-id", "admin-cli");
        properties.put("trust.keycloak.admin-username", "admin");
        properties.put("trust.keycloak.admin-password", keycloak.adminPassword());
        properties.put("trust.keycloak.new-admins", "generated-password");
        // A plain context: Micronaut.run would add its own shutdown hook, which deadlocks with ours,
        // and ours must stop the platform before the servers it uses.
        ApplicationContext platform = ApplicationContext.builder()
                .mainClass(Application.class)
                .environments("dev")
                .properties(properties)
                .start();
        platform.getBean(EmbeddedServer.class).start();
        URI base = platform.getBean(EmbeddedServer.class).getURI();
        List<DemoPlatform.Login> logins = new DemoPlatform(keycloak, base).populate(tenants);
        return new DevStack(postgres, keycloak, platform, logins);
    }

    public URI baseUrl() {
        return platform.getBean(EmbeddedServer.class).getURI();
    }

    /**
     * Stops the platform, then Keycloak, then PostgreSQL, each even when the one before failed:
     * a PostgreSQL left running would keep the data folder locked for the next start.
     */
    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            try {
                keycloak.close();
            } finally {
                postgres.close();
            }
        }
    }

    public static void main(String[] args) {
        // Before any logger exists: plain console lines instead of the platform's production JSON.
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        Path home = Path.of(System.getenv().getOrDefault("TRUST_DEVSTACK_HOME", ".devstack"));
        if (List.of(args).contains("--reset")) {
            deleteRecursively(home);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("TRUST_HTTP_PORT", "8080"));
        int keycloakPort = Integer.parseInt(System.getenv().getOrDefault("TRUST_KEYCLOAK_PORT", "8180"));
        DevStack stack = start(
                home, port, keycloakPort, Path.of(System.getenv().getOrDefault("TRUST_DEVSTACK_TENANTS", "tenants")));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        System.out.println(stack.banner(home));
    }

    private String banner(Path home) {
        URI base = baseUrl();
        StringBuilder text = new StringBuilder()
                .append("\nTrust Platform devstack is ready.\n")
                .append("  Web pages     ")
                .append(base.resolve("/"))
                .append(" (sign in to Medway as medway.lead, the partner lead below)\n")
                .append("  GraphQL API   ")
                .append(base.resolve("/graphql"))
                .append('\n')
                .append("  GraphiQL      ")
                .append(base.resolve("/graphiql"))
                .append('\n')
                .append("  Health        ")
                .append(base.resolve("/health"))
                .append('\n')
                .append("  Keycloak      ")
                .append(keycloak.baseUrl())
                .append("/admin (admin / ")
                .append(keycloak.adminPassword())
                .append(")\n")
                .append("  PostgreSQL    ")
                .append(postgres.settings().jdbcUrl())
                .append(" (owner ")
                .append(postgres.settings().ownerUser())
                .append(", runtime role ")
                .append(postgres.settings().runtimeUser())
                .append(")\n")
                .append("  Data kept in  ")
                .append(home.toAbsolutePath().normalize())
                .append(" (start with --reset to begin again)\n\n")
                .append("Demo sign-ins (new passwords every start):\n");
        for (DemoPlatform.Login login : logins) {
            text.append(String.format(
                    "  %-20s %-15s %-40s %s%n", login.role(), login.tenant(), login.username(), login.secret()));
        }
        text.append(
                        "\nA person's token:  curl -s -d grant_type=password -d client_id=trust-devstack -d username=USER -d password=PASSWORD ")
                .append(keycloak.tokenUrl())
                .append('\n')
                .append(
                        "A system's token:  curl -s -d grant_type=client_credentials -d client_id=CLIENT -d client_secret=SECRET ")
                .append(keycloak.tokenUrl())
                .append('\n')
                .append("Press Ctrl+C to stop.\n");
        return text.toString();
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
