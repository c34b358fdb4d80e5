package uk.trustplatform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web pages' OpenID Connect client of the platform's Keycloak realm ({@code trust-web}, a
 * public client with PKCE): where a browser signs in and out, and the token endpoint that turns an
 * authorization code, or a refresh token, into tokens.
 */
@Singleton
final class KeycloakTokens {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakTokens.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the token endpoint gave: the refresh and ID tokens may be absent on a refresh. */
    record Issued(
            String accessToken,
            Instant accessExpiresAt,
            @Nullable String refreshToken,
            @Nullable Instant refreshExpiresAt,
            @Nullable String idToken) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final String issuer;
    private final String clientId;
    private final Clock clock = Clock.systemUTC();

    KeycloakTokens(
            ObjectMapper json,
            @Value("${trust.oidc.issuer}") String issuer,
            @Value("${trust.web.client-id:trust-web}") String clientId) {
        this.json = json;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    String issuer() {
        return issuer;
    }

    URI authorization(String redirectUri, String state, String nonce, String codeChallenge) {
        return withQuery(
                issuer + "/protocol/openid-connect/auth",
                Map.of(
                        "client_id", clientId,
                        "response_type", "code",
                        // Every partnership the person belongs to, not one Keycloak makes them pick:
                        // the platform's own page lets a member of several choose (plain
                        // "organization" puts none in the token for a member of two).
                        "scope", "openid organization:*",
                        "redirect_uri", redirectUri,
                        "state", state,
                        "nonce", nonce,
                        "code_challenge", codeChallenge,
                        "code_challenge_method", "S256"));
    }

    URI endSession(@Nullable String idToken, String postLogoutRedirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("post_logout_redirect_uri", postLogoutRedirectUri);
        if (idToken != null) {
            parameters.put("id_token_hint", idToken);
        }
        return withQuery(issuer + "/protocol/openid-connect/logout", parameters);
    }

    Optional<Issued> exchangeCode(String code, String redirectUri, String codeVerifier) {
        return tokens(Map.of(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "code", code,
                "redirect_uri", redirectUri,
                "code_verifier", codeVerifier));
    }

    Optional<Issued> refresh(String refreshToken) {
        return tokens(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    private Optional<Issued> tokens(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.info("Keycloak refused the {} grant: {}", form.get("grant_type"), response.statusCode());
                return Optional.empty();
            }
            return Optional.of(issued(json.readTree(response.body())));
        } catch (IOException e) {
            LOG.warn("Keycloak's token endpoint could not be reached for the {} grant", form.get("grant_type"), e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Issued issued(JsonNode body) {
        Instant now = clock.instant();
        String refresh = body.path("refresh_token").asText(null);
        return new Issued(
                body.path("access_token").asText(),
                now.plusSeconds(body.path("expires_in").asLong(60)),
                refresh,
                refresh == null
                        ? null
                        : now.plusSeconds(body.path("refresh_expires_in").asLong(0)),
                body.path("id_token").asText(null));
    }

    private static URI withQuery(String address, Map<String, String> parameters) {
        return URI.create(address + "?" + encode(parameters));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
