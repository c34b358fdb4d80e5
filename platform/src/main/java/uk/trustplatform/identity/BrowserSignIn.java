package uk.trustplatform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Signing in to the web pages: the OpenID Connect authorization code flow with PKCE against the
 * platform's Keycloak realm, then a server-side session. The browser holds only a random session
 * id; the tokens stay on the server, and every page validates the access token exactly as the API
 * validates a bearer token, so a page's visitor is the same caller an API client would be.
 */
@Singleton
public final class BrowserSignIn {

    /** The cookie that holds a browser's session id. */
    public static final String SESSION_COOKIE = "trust_session";

    private static final String LOOKED_UP = "trust.browserSession";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/_.~%?=&+-]*");
    private static final String SEPARATOR = ".";

    private final KeycloakTokens keycloak;
    private final BrowserSessionStore store;
    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final ObjectMapper json;
    private final String publicUrl;
    private final Duration idleTimeout;
    private final Clock clock = Clock.systemUTC();

    BrowserSignIn(
            KeycloakTokens keycloak,
            BrowserSessionStore store,
            List<TokenValidator<HttpRequest<?>>> validators,
            ObjectMapper json,
            @Value("${trust.public-url}") String publicUrl,
            @Value("${trust.web.session-idle-timeout:30m}") Duration idleTimeout) {
        this.keycloak = keycloak;
        this.store = store;
        this.validators = validators;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.idleTimeout = idleTimeout;
    }

    /** Where to send the browser to sign in, and the cookie that remembers the attempt until it is back. */
    public record Attempt(URI signInAt, String cookie) {}

    /** How a sign-in ended. */
    public sealed interface Outcome permits SignedIn, NotSignedIn {}

    /**
     * @param sessionCookie the new session's id, for the session cookie
     * @param tenantSlug the partnership the sign-in started from
     * @param returnPath the page to go back to
     * @param tenants the partnerships the person is a member of
     */
    public record SignedIn(String sessionCookie, String tenantSlug, String returnPath, List<String> tenants)
            implements Outcome {}

    public record NotSignedIn(String reason) implements Outcome {}

    /** How long a session lasts without a request. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * @param tenantSlug the partnership whose "Sign in" was followed
     * @param returnPath the page to land on afterwards, a path of this site (anything else, or none, is ignored)
     */
    public Attempt begin(String tenantSlug, @Nullable String returnPath) {
        String state = random(24);
        String nonce = random(24);
        String verifier = random(48);
        String path = returnPath != null && LOCAL_PATH.matcher(returnPath).matches() && !returnPath.startsWith("//")
                ? returnPath
                : "/" + tenantSlug;
        String cookie = String.join(SEPARATOR, state, nonce, verifier, tenantSlug, path);
        return new Attempt(keycloak.authorization(callback(), state, nonce, challenge(verifier)), cookie);
    }

    /** The browser is back from Keycloak with a code: checks it belongs to this browser's attempt and signs in. */
    public Outcome complete(
            @Nullable String code, @Nullable String state, @Nullable String attemptCookie, HttpRequest<?> request) {
        String[] attempt = attemptCookie == null ? new String[0] : attemptCookie.split("\\.", 5);
        if (attempt.length != 5 || state == null || !MessageDigest.isEqual(bytes(attempt[0]), bytes(state))) {
            return new NotSignedIn("The sign-in did not start in this browser, or took too long.");
        }
        if (code == null || code.isBlank()) {
            return new NotSignedIn("Keycloak did not sign you in.");
        }
        Optional<KeycloakTokens.Issued> issued = keycloak.exchangeCode(code, callback(), attempt[2]);
        if (issued.isEmpty()) {
            return new NotSignedIn("Keycloak did not accept the sign-in.");
        }
        JsonNode idClaims = claims(issued.get().idToken());
        if (!attempt[1].equals(idClaims.path("nonce").asText())
                || !keycloak.issuer().equals(idClaims.path("iss").asText())
                || !audienceIncludes(idClaims, keycloak.clientId())) {
            return new NotSignedIn("The identity token was not issued for this sign-in.");
        }
        Optional<Authentication> authentication = validated(issued.get().accessToken(), request);
        if (authentication.isEmpty()) {
            return new NotSignedIn("The access token was not accepted.");
        }
        String sessionId = random(32);
        Instant now = clock.instant();
        store.purgeIdle(idleTimeout);
        store.insert(new StoredSession(
                hash(sessionId),
                authentication.get().getName(),
                displayName(idClaims, authentication.get()),
                random(32),
                issued.get().accessToken(),
                issued.get().accessExpiresAt(),
                issued.get().refreshToken(),
                issued.get().refreshExpiresAt(),
                issued.get().idToken(),
                now));
        return new SignedIn(
                sessionId,
                attempt[3],
                attempt[4],
                TokenClaims.of(authentication.get()).organisations());
    }

    /** What one request's session cookie was found to be, so the request looks it up once. */
    private record LookedUp(String cookie, Optional<BrowserSession> session) {}

    /**
     * The signed-in person behind a session cookie: none when there is no such session, it has
     * been idle too long, or Keycloak has ended it. Renews the access token shortly before it
     * expires. Looked up once a request, though both the rate limit and the page ask.
     */
    public Optional<BrowserSession> session(String cookie, HttpRequest<?> request) {
        Optional<LookedUp> earlier = request.getAttribute(LOOKED_UP, LookedUp.class)
                .filter(lookedUp -> lookedUp.cookie().equals(cookie));
        if (earlier.isPresent()) {
            return earlier.get().session();
        }
        Optional<BrowserSession> session = lookUp(cookie, request);
        if (cookie != null) {
            request.setAttribute(LOOKED_UP, new LookedUp(cookie, session));
        }
        return session;
    }

    private Optional<BrowserSession> lookUp(String cookie, HttpRequest<?> request) {
        if (cookie == null || !SESSION_ID.matcher(cookie).matches()) {
            return Optional.empty();
        }
        byte[] id = hash(cookie);
        Instant now = clock.instant();
        Optional<StoredSession> stored = store.touch(id, idleTimeout, now);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = stored.get();
        String refreshToken = session.refreshToken();
        if (!now.isBefore(session.accessExpiresAt().minus(REFRESH_AHEAD)) && refreshToken != null) {
            // When Keycloak cannot renew it (unreachable, or its session ended), the current token
            // serves until it expires; then it no longer validates and the session ends below.
            Optional<KeycloakTokens.Issued> renewed = keycloak.refresh(refreshToken);
            if (renewed.isPresent()) {
                session = session.withTokens(renewed.get());
                store.updateTokens(session);
            }
        }
        Optional<Authentication> authentication = validated(session.accessToken(), request);
        if (authentication.isEmpty()) {
            store.delete(id);
            return Optional.empty();
        }
        return Optional.of(new BrowserSession(
                session.displayName(),
                session.csrfToken(),
                authentication.get(),
                TokenClaims.of(authentication.get()).organisations(),
                idleTimeout));
    }

    /** Ends the session here, and returns where Keycloak ends its own (then sends the browser to {@code afterPath}). */
    public URI signOut(@Nullable String cookie, String afterPath) {
        Optional<StoredSession> ended =
                cookie != null && SESSION_ID.matcher(cookie).matches() ? store.delete(hash(cookie)) : Optional.empty();
        return keycloak.endSession(ended.map(StoredSession::idToken).orElse(null), publicUrl + afterPath);
    }

    private String callback() {
        return publicUrl + "/sign-in/callback";
    }

    private Optional<Authentication> validated(String accessToken, HttpRequest<?> request) {
        return Optional.ofNullable(Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(accessToken, request))
                .next()
                .block(IdentityProviderKeys.FETCH_TIMEOUT.plusSeconds(1)));
    }

    private JsonNode claims(@Nullable String token) {
        if (token == null || token.split("\\.").length < 2) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException | IllegalArgumentException notJson) {
            return json.createObjectNode();
        }
    }

    private static boolean audienceIncludes(JsonNode claims, String clientId) {
        JsonNode audience = claims.path("aud");
        if (audience.isArray()) {
            return audience.valueStream().anyMatch(value -> clientId.equals(value.asText()));
        }
        return clientId.equals(audience.asText());
    }

    private static String displayName(JsonNode idClaims, Authentication authentication) {
        for (String claim : List.of("name", "preferred_username", "email")) {
            String value = idClaims.path(claim).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return authentication.getName();
    }

    private static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes(verifier)));
    }

    private static byte[] hash(String sessionId) {
        return sha256(bytes(sessionId));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
