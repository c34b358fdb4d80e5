package uk.trustplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Tokens from a real Keycloak keep being accepted past many expiries of the cached key set,
 * through a rotation of Keycloak's signing key, and while Keycloak cannot be reached; and Keycloak
 * being back is noticed within seconds, with a signing key it made while it was away.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakKeySetIT implements TestPropertyProvider {

    private static final String WHO_AM_I = "{ viewer { authenticated subject } }";
    private static final Duration EXPIRY = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KeySetRelay keySet =
            new KeySetRelay(URI.create(TestKeycloak.server().jwksUrl()));

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry metrics;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "trust.oidc.issuer",
                TestKeycloak.server().issuer(),
                "trust.oidc.jwks-url",
                keySet.url(),
                "trust.oidc.jwks-cache-expiry",
                EXPIRY.toSeconds() + "s",
                "trust.oidc.jwks-refetch-interval",
                "1s",
                "trust.oidc.jwks-retry-interval",
                RETRY.toSeconds() + "s");
    }

    @AfterAll
    void closeTheRelay() {
        keySet.cut();
    }

    @Test
    @Order(1)
    void tokens_are_accepted_past_several_expiries_of_the_key_set() throws InterruptedException {
        String token = operatorToken();
        double fetchesBefore = fetches("fetched");

        // The key set is fetched again only once it has expired, so three fetches are three expiries
        // passed, however slowly a busy machine answers the requests in between.
        Instant started = Instant.now();
        Instant deadline = started.plus(EXPIRY.multipliedBy(15));
        int requests = 0;
        while (fetches("fetched") - fetchesBefore < 3 && Instant.now().isBefore(deadline)) {
            assertAccepted(token);
            requests++;
            Thread.sleep(250);
        }

        assertThat(fetches("fetched") - fetchesBefore)
                .as(
                        "the key set was fetched again after each expiry, %d requests in %d ms",
                        requests, Duration.between(started, Instant.now()).toMillis())
                .isGreaterThanOrEqualTo(3);
        assertThat(fetches("failed")).isZero();
    }

    @Test
    @Order(2)
    void a_rotated_key_is_used_at_once_and_a_retired_one_is_refused_after_the_next_expiry()
            throws InterruptedException {
        String signedWithOldKey = operatorToken();
        String oldKeyId = keyIdOf(signedWithOldKey);

        String oldProvider = rotateTheSigningKey();

        String signedWithNewKey = operatorToken();
        assertThat(keyIdOf(signedWithNewKey)).isNotEqualTo(oldKeyId);
        assertAccepted(signedWithNewKey);
        assertAccepted(signedWithOldKey);

        TestKeycloak.realm().components().component(oldProvider).remove();
        Thread.sleep(EXPIRY.plusMillis(500).toMillis());

        assertRefused(signedWithOldKey);
        assertAccepted(signedWithNewKey);
    }

    @Test
    @Order(3)
    void while_keycloak_cannot_be_reached_known_keys_keep_working_and_it_is_noticed_back_within_seconds()
            throws InterruptedException {
        String issuedBeforeTheCut = operatorToken();
        assertAccepted(issuedBeforeTheCut);
        keySet.cut();
        double failuresBefore = fetches("failed");

        Duration down = EXPIRY.multipliedBy(3);
        Instant until = Instant.now().plus(down);
        int requests = 0;
        while (Instant.now().isBefore(until)) {
            assertAccepted(issuedBeforeTheCut);
            assertRefused(TestIdentityProvider.token("mallory")
                    .roles(Role.PLATFORM_OPERATOR)
                    .issuer(TestKeycloak.server().issuer())
                    .signWithUnpublishedKey());
            requests += 2;
            Thread.sleep(100);
        }
        double attempts = fetches("failed") - failuresBefore;
        Reply health = new ApiCaller(server).withToken(issuedBeforeTheCut).get("/health", Map.of());
        Reply readiness = new ApiCaller(server).get("/health/readiness", Map.of());
        assertThat(health.status())
                .as("health while Keycloak cannot be reached: %s", health.text())
                .isEqualTo(200);
        assertThat(readiness.status())
                .as("readiness while Keycloak cannot be reached")
                .isEqualTo(200);
        JsonNode keySetHealth = health.body()
                .path("details")
                .path("identityProvider")
                .path("details")
                .path(keySet.url());
        assertThat(keySetHealth.path("lastAttemptFailed").asBoolean())
                .as(health.text())
                .isTrue();
        assertThat(keySetHealth.path("meaning").asText())
                .as(health.text())
                .startsWith("The identity provider cannot be reached: tokens already issued are checked");
        assertThat(attempts)
                .as("%d requests in %s asked the unreachable Keycloak at most once per retry interval", requests, down)
                .isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(down.dividedBy(RETRY) + 1);

        // Keycloak comes back with a signing key the platform has never seen, as one restarted
        // with a new realm would.
        rotateTheSigningKey();
        String issuedWithTheNewKey = operatorToken();
        assertThat(keyIdOf(issuedWithTheNewKey)).isNotEqualTo(keyIdOf(issuedBeforeTheCut));
        keySet.restore();
        Instant back = Instant.now();
        Reply reply = awaitAccepted(issuedWithTheNewKey, Duration.ofSeconds(15));
        System.out.printf(
                "Keycloak back: its new key's tokens accepted %d ms after it could be reached again; %d requests while"
                        + " it could not, %.0f attempts to reach it.%n",
                Duration.between(back, Instant.now()).toMillis(), requests, attempts);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private String operatorToken() {
        return TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null);
    }

    /** Adds an RSA key that outranks the realm's active one, which Keycloak signs with from then on; returns the old key's provider. */
    private static String rotateTheSigningKey() {
        String oldProvider = activeRsaKey().getProviderId();
        ComponentRepresentation rotated = new ComponentRepresentation();
        rotated.setName("rotated-" + UUID.randomUUID());
        rotated.setProviderId("rsa-generated");
        rotated.setProviderType("org.keycloak.keys.KeyProvider");
        rotated.setParentId(TestKeycloak.realm().toRepresentation().getId());
        rotated.setConfig(new MultivaluedHashMap<>(
                Map.of("priority", List.of(String.valueOf(activeRsaKey().getProviderPriority() + 1)))));
        TestKeycloak.realm().components().add(rotated).close();
        return oldProvider;
    }

    private static KeyMetadataRepresentation activeRsaKey() {
        return TestKeycloak.realm().keys().getKeyMetadata().getKeys().stream()
                .filter(key -> "RS256".equals(key.getAlgorithm()) && "ACTIVE".equals(key.getStatus()))
                .max(Comparator.comparingLong(KeyMetadataRepresentation::getProviderPriority))
                .orElseThrow();
    }

    private static String keyIdOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply awaitAccepted(String token, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Reply reply = ask(token);
        while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            reply = ask(token);
        }
        return reply;
    }

    private void assertAccepted(String token) {
        Reply reply = ask(token);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("viewer").path("authenticated").asBoolean())
                .isTrue();
    }

    private void assertRefused(String token) {
        Reply reply = ask(token);
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    private Reply ask(String token) {
        return new ApiCaller(server).withToken(token).query(WHO_AM_I);
    }

    private double fetches(String outcome) {
        return metrics.counter(IdentityProviderKeys.FETCHES, "outcome", outcome).count();
    }

    /**
     * Keycloak's key set as this test's platform reaches it: relayed on the loopback, so the test
     * can cut the platform off and restore it while Keycloak itself keeps running for the rest of
     * the test run. Cut, the relay's port refuses connections, as a stopped Keycloak's does.
     */
    private static final class KeySetRelay {

        private final URI keycloak;
        private final HttpClient client = HttpClient.newHttpClient();
        private final int port;
        private HttpServer relay;

        KeySetRelay(URI keycloak) {
            this.keycloak = keycloak;
            this.relay = listen(0);
            this.port = relay.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port + keycloak.getPath();
        }

        synchronized void cut() {
            relay.stop(0);
        }

        synchronized void restore() {
            relay = listen(port);
        }

        private HttpServer listen(int on) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
                server.createContext(keycloak.getPath(), exchange -> {
                    try (exchange) {
                        HttpResponse<byte[]> keys = client.send(
                                HttpRequest.newBuilder(keycloak).build(), HttpResponse.BodyHandlers.ofByteArray());
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                        exchange.sendResponseHeaders(keys.statusCode(), keys.body().length);
                        try (OutputStream body = exchange.getResponseBody()) {
                            body.write(keys.body());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
