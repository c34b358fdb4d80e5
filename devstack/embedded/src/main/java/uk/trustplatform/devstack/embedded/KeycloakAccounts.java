package uk.trustplatform.devstack.embedded;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * People and tokens in a {@link KeycloakServer}'s realm, for the devstack's demo accounts and for
 * tests: made through Keycloak's own admin API and token endpoint, as in production.
 */
public final class KeycloakAccounts implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final KeycloakServer server;
    private final Keycloak admin;

    public KeycloakAccounts(KeycloakServer server) {
        this.server = server;
        this.admin = Keycloak.getInstance(
                server.baseUrl().toString(), "master", "admin", server.adminPassword(), "admin-cli");
    }

    public RealmResource realm() {
        return admin.realm(KeycloakServer.REALM);
    }

    /**
     * Lets the web pages' client (trust-web) return to, and sign out to, the platform at this
     * address: the realm as code allows only http://localhost:8080.
     */
    public void allowWebPagesAt(String baseUrl) {
        ClientResource web = realm().clients()
                .get(realm().clients().findByClientId("trust-web").getFirst().getId());
        ClientRepresentation client = web.toRepresentation();
        List<String> uris = new ArrayList<>(client.getRedirectUris());
        uris.add(baseUrl.replaceAll("/+$", "") + "/*");
        client.setRedirectUris(uris);
        web.update(client);
    }

    /**
     * A person with realm roles and a fresh password, which is returned.
     *
     * @param tenant the alias of the organization (tenant) they belong to, or null
     * @param partnerOrganisation the partner agency a partner lead is bound to, or null
     */
    public String person(
            String username, List<String> roles, @Nullable String tenant, @Nullable UUID partnerOrganisation) {
        return person(
                username,
                roles,
                tenant,
                partnerOrganisation == null
                        ? Map.of()
                        : Map.of("partner_organisation", partnerOrganisation.toString()));
    }

    /**
     * A person with realm roles, user attributes (which the realm maps into tokens, such as
     * {@code regional_forum}) and a fresh password, which is returned.
     */
    public String person(String username, List<String> roles, @Nullable String tenant, Map<String, String> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@people.example");
        user.setFirstName("Demo");
        user.setLastName(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(attributes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))));
        String id = CreatedResponseUtil.getCreatedId(realm().users().create(user));
        String password = UUID.randomUUID().toString().substring(0, 18);
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
                        .map(role -> realm().roles().get(role).toRepresentation())
                        .toList());
        if (tenant != null) {
            String organisation = realm().organizations()
                    .searchByAttribute("trust.tenant:" + tenant)
                    .getFirst()
                    .getId();
            realm().organizations().get(organisation).members().addMember(id).close();
        }
        return password;
    }

    /** A person's token, by password through the realm's development client. */
    public String passwordToken(String username, String password) {
        return token(Map.of(
                "grant_type",
                "password",
                "client_id",
                "trust-devstack",
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"));
    }

    /** A system's token, by client credentials. */
    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.tokenUrl()))
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

    @Override
    public void close() {
        admin.close();
    }
}
