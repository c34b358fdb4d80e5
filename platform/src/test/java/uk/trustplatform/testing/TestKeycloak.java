package uk.trustplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * The real Keycloak for tests that need it, started on first use (about 40 s the first time the
 * distribution runs, 10–15 s after) and kept for the rest of the test run.
 */
public final class TestKeycloak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer server;
    private static KeycloakAccounts accounts;

    private TestKeycloak() {}

    public static synchronized KeycloakServer server() {
        if (server == null) {
            // Each test JVM of the run has its own Keycloak, and its own log.
            server = KeycloakServer.start(
                    0, Path.of("target/keycloak-test-" + ProcessHandle.current().pid() + ".log"));
            accounts = new KeycloakAccounts(server);
            hashPasswordsCheaply();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                accounts.close();
                server.close();
            }));
        }
        return server;
    }

    /**
     * A test run makes hundreds of accounts and signs in hundreds of times, and Keycloak's default
     * password hashing (Argon2) is slow by design: measured 100 to 250 ms more per account and per
     * sign-in. The test realm stores passwords with one PBKDF2 iteration; no test is about the hash,
     * and a production realm keeps Keycloak's default.
     */
    private static void hashPasswordsCheaply() {
        RealmRepresentation realm = accounts.realm().toRepresentation();
        realm.setPasswordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        accounts.realm().update(realm);
    }

    private static KeycloakAccounts accounts() {
        server();
        return accounts;
    }

    /** The platform's configuration for this Keycloak: its tokens, and its admin API. */
    public static Map<String, String> platformProperties() {
        KeycloakServer keycloak = server();
        return Map.of(
                "trust.oidc.issuer",
                keycloak.issuer(),
                "trust.oidc.jwks-url",
                keycloak.jwksUrl(),
                "trust.keycloak.server-url",
                keycloak.baseUrl().toString(),
                "trust.keycloak.admin-realm",
                "master",
                "trust.keycloak.admin-client-id",
                "admin-cli",
                "trust.keycloak.admin-username",
                "admin",
                "trust.keycloak.admin-password",
                keycloak.adminPassword(),
                "trust.keycloak.new-admins",
                "generated-password");
    }

    /**
     * Only the admin API part of {@link #platformProperties()}: for tests that onboard tenants in
     * Keycloak but sign their tokens with the test identity provider.
     */
    public static Map<String, String> adminApiProperties() {
        return platformProperties().entrySet().stream()
                .filter(property -> property.getKey().startsWith("trust.keycloak."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Lets the web pages' client (trust-web) return to, and sign out to, a test's own site. */
    public static synchronized void allowWebPagesAt(String baseUrl) {
        accounts().allowWebPagesAt(baseUrl);
    }

    public static RealmResource realm() {
        return accounts().realm();
    }

    /** A person with platform roles, optionally in a tenant and bound to a partner organisation; returns the password. */
    public static String person(String username, List<Role> roles, String tenant, UUID partner) {
        return accounts().person(username, roles.stream().map(Role::tokenName).toList(), tenant, partner);
    }

    /** A token for a new person made with {@link #person}, named {@code who} and a random suffix. */
    public static String personToken(String who, List<Role> roles, String tenant, UUID partner) {
        String username = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        return passwordToken(username, person(username, roles, tenant, partner));
    }

    /** A token for a new person with user attributes, which the realm maps into its claims. */
    public static String personToken(String who, List<Role> roles, Map<String, String> attributes) {
        String username = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        return passwordToken(
                username,
                accounts().person(username, roles.stream().map(Role::tokenName).toList(), null, attributes));
    }

    public static String passwordToken(String username, String password) {
        return accounts().passwordToken(username, password);
    }

    public static String clientToken(String clientId, String secret) {
        return accounts().clientToken(clientId, secret);
    }

    /** The claims of a token, unchecked (for assertions about what Keycloak put in it). */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
