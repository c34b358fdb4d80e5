package uk.trustplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * The real Keycloak for tests that need it, started on first use (about 40 s the first time the
 * distribution runs, 10–15 s after) and kept for the rest of the test run.
 */
public final class TestKeycloak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeycloakServer server;
    private static Keycloak admin;

    private TestKeycloak() {}

    public static synchronized KeycloakServer server() {
        if (server == null) {
            server = KeycloakServer.start(0, Path.of("target/keycloak-test.log"));
            admin = Keycloak.getInstance(
                    server.baseUrl().toString(), "master", "admin", server.adminPassword(), "admin-cli");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                admin.close();
                server.close();
            }));
        }
        return server;
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

    public static RealmResource realm() {
        server();
        return admin.realm(KeycloakServer.REALM);
    }

    /**
     * A person in the realm with realm roles, optionally a member of an organization and bound to a
     * partner organisation. Returns the password.
     */
    public static String person(String username, List<Role> roles, String organisationAlias, UUID partner) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@test.example");
        user.setFirstName("Test");
        user.setLastName(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        if (partner != null) {
            user.setAttributes(Map.of("partner_organisation", List.of(partner.toString())));
        }
        String id = CreatedResponseUtil.getCreatedId(realm().users().create(user));
        String password = UUID.randomUUID().toString();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm().users().get(id).resetPassword(credential);
        realm().users()
                .get(id)
                .roles()
                .realmLevel()
                .add(roles.stream()
                        .map(role -> realm().roles().get(role.tokenName()).toRepresentation())
                        .toList());
        if (organisationAlias != null) {
            String organisation = realm().organizations()
                    .searchByAttribute("trust.tenant:" + organisationAlias)
                    .getFirst()
                    .getId();
            realm().organizations().get(organisation).members().addMember(id).close();
        }
        return password;
    }

    /** A token for a person, by password through the realm's development client. */
    public static String passwordToken(String username, String password) {
        return token(Map.of(
                "grant_type", "password",
                "client_id", "trust-devstack",
                "username", username,
                "password", password,
                "scope", "openid"));
    }

    /** A token for a system, by client credentials. */
    public static String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The claims of a token, unchecked (for assertions about what Keycloak put in it). */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server().tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (!json.has("access_token")) {
                throw new IllegalStateException("Keycloak gave no token: " + response.body());
            }
            return json.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
