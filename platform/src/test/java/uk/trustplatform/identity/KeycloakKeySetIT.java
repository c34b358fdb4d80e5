package uk.trustplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
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
import uk.trustplatform.devstack.embedded.KeycloakAccounts;
import uk.trustplatform.devstack.embedded.KeycloakServer;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestIdentityProvider;

/**
 * Tokens from a real Keycloak keep being accepted past many expiries of the cached key set,
 * through a rotation of Keycloak's signing key, and while Keycloak is stopped; and Keycloak being
 * back is noticed within seconds. This class has a Keycloak of its own, since it stops it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakKeySetIT implements TestPropertyProvider {

    private static final String WHO_AM_I = "{ viewer { authenticated subject } }";
    private static final Duration EXPIRY = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Path LOG = Path.of("target/keycloak-key-set-test.log");

    private KeycloakServer keycloak;
    private KeycloakAccounts accounts;

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry metrics;

    @Override
    public Map<String, String> getProperties() {
        keycloak = KeycloakServer.start(0, LOG);
        accounts = new KeycloakAccounts(keycloak);
        return Map.of(
                "trust.oidc.issuer",
                keycloak.issuer(),
                "trust.oidc.jwks-url",
                keycloak.jwksUrl(),
                "trust.oidc.jwks-cache-expiry",
                EXPIRY.toSeconds() + "s",
                "trust.oidc.jwks-refetch-interval",
                "1s",
                "trust.oidc.jwks-retry-interval",
                RETRY.toSeconds() + "s");
    }

    @AfterAll
    void stopKeycloak() {
        accounts.close();
        keycloak.close();
    }

    @Test
    @Order(1)
    void tokens_are_accepted_past_several_expiries_of_the_key_set() throws InterruptedException {
        String token = operatorToken();
        double fetchesBefore = fetches("fetched");

        Instant until = Instant.now().plus(EXPIRY.multipliedBy(4));
        int requests = 0;
        while (Instant.now().isBefore(until)) {
            assertAccepted(token);
            requests++;
            Thread.sleep(250);
        }

        assertThat(fetches("fetched") - fetchesBefore)
                .as("the key set was fetched again after each expiry, %d requests", requests)
                .isGreaterThanOrEqualTo(3);
        assertThat(fetches("failed")).isZero();
    }

    @Test
    @Order(2)
    void a_rotated_key_is_used_at_once_and_a_retired_one_is_refused_after_the_next_expiry()
            throws InterruptedException {
        String signedWithOldKey = operatorToken();
        String oldKeyId = keyIdOf(signedWithOldKey);
        String oldProvider = activeRsaKey().getProviderId();

        ComponentRepresentation rotated = new ComponentRepresentation();
        rotated.setName("rotated-" + UUID.randomUUID());
        rotated.setProviderId("rsa-generated");
        rotated.setProviderType("org.keycloak.keys.KeyProvider");
        rotated.setParentId(accounts.realm().toRepresentation().getId());
        rotated.setConfig(new MultivaluedHashMap<>(Map.of("priority", List.of("500"))));
        accounts.realm().components().add(rotated).close();

        String signedWithNewKey = operatorToken();
        assertThat(keyIdOf(signedWithNewKey)).isNotEqualTo(oldKeyId);
        assertAccepted(signedWithNewKey);
        assertAccepted(signedWithOldKey);

        accounts.realm().components().component(oldProvider).remove();
        Thread.sleep(EXPIRY.plusMillis(500).toMillis());

        assertRefused(signedWithOldKey);
        assertAccepted(signedWithNewKey);
    }

    @Test
    @Order(3)
    void while_keycloak_is_stopped_known_keys_keep_working_and_it_is_noticed_back_within_seconds()
            throws InterruptedException {
        String issuedBeforeTheStop = operatorToken();
        assertAccepted(issuedBeforeTheStop);
        int port = keycloak.baseUrl().getPort();
        accounts.close();
        keycloak.close();
        double failuresBefore = fetches("failed");

        Duration down = EXPIRY.multipliedBy(3);
        Instant until = Instant.now().plus(down);
        int requests = 0;
        while (Instant.now().isBefore(until)) {
            assertAccepted(issuedBeforeTheStop);
            assertRefused(TestIdentityProvider.token("mallory")
                    .roles(Role.PLATFORM_OPERATOR)
                    .issuer(keycloak.issuer())
                    .signWithUnpublishedKey());
            requests += 2;
            Thread.sleep(100);
        }
        double attempts = fetches("failed") - failuresBefore;
        Reply health = new ApiCaller(server).withToken(issuedBeforeTheStop).get("/health", Map.of());
        Reply readiness = new ApiCaller(server).get("/health/readiness", Map.of());
        assertThat(health.status())
                .as("health while Keycloak is stopped: %s", health.text())
                .isEqualTo(200);
        assertThat(readiness.status()).as("readiness while Keycloak is stopped").isEqualTo(200);
        JsonNode keySet = health.body()
                .path("details")
                .path("identityProvider")
                .path("details")
                .path(keycloak.jwksUrl());
        assertThat(keySet.path("lastAttemptFailed").asBoolean())
                .as(health.text())
                .isTrue();
        assertThat(keySet.path("meaning").asText())
                .as(health.text())
                .startsWith("The identity provider cannot be reached: tokens already issued are checked");
        assertThat(attempts)
                .as("%d requests in %s asked the stopped Keycloak at most once per retry interval", requests, down)
                .isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(down.dividedBy(RETRY) + 1);

        keycloak = KeycloakServer.start(port, LOG);
        accounts = new KeycloakAccounts(keycloak);
        Instant back = Instant.now();
        // Keycloak in memory starts with a new realm and a new signing key.
        String issuedAfterTheRestart = operatorToken();
        Reply reply = awaitAccepted(issuedAfterTheRestart, Duration.ofSeconds(15));
        System.out.printf(
                "Keycloak back: its new tokens accepted %d ms after it was ready; %d requests while it was down, %.0f"
                        + " attempts to reach it.%n",
                Duration.between(back, Instant.now()).toMillis(), requests, attempts);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private String operatorToken() {
        String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        String password = accounts.person(username, List.of(Role.PLATFORM_OPERATOR.tokenName()), null, Map.of());
        return accounts.passwordToken(username, password);
    }

    private KeyMetadataRepresentation activeRsaKey() {
        return accounts.realm().keys().getKeyMetadata().getKeys().stream()
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
}
