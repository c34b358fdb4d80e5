package uk.trustplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/** Every way a bearer token can be wrong is a 401 with no data; a right one is accepted. */
@MicronautTest(transactional = false)
class TokenValidationIT {

    private static final String WHO_AM_I = "{ viewer { authenticated subject roles tenant { slug } } }";

    @Inject
    EmbeddedServer server;

    static List<Arguments> refusedTokens() {
        return List.<Arguments>of(
                bad("alg: none (unsigned)", () -> admin().unsigned()),
                bad(
                        "wrong issuer",
                        () -> admin().issuer("https://evil.example/realms/test").sign()),
                bad("wrong audience", () -> admin().audience("another-api").sign()),
                bad("expired", () -> admin().expiredAgo(Duration.ofMinutes(2)).sign()),
                bad(
                        "not yet valid",
                        () -> admin().validFromIn(Duration.ofMinutes(10)).sign()),
                bad("tampered signature", () -> tamper(admin().sign())),
                bad("HS256 signed with the RSA public key", () -> admin().signHs256WithPublicKey()),
                bad("signed by a key the provider never published", () -> admin().signWithUnpublishedKey()),
                bad("not a JWT at all", () -> "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void a_token_that_is_not_valid_gets_401_and_no_data(String what, Supplier<String> token) {
        Reply reply = new ApiCaller(server).withToken(token.get()).query(WHO_AM_I);

        assertThat(reply.status()).as(what + ": " + reply.text()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.body().has("data")).isFalse();
        assertThat(reply.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void a_valid_token_is_accepted_with_its_subject_roles_and_tenant() {
        TestTenant medway = TestTenants.active("medway");
        String token = TestIdentityProvider.token("alice")
                .roles(Role.TENANT_ADMIN)
                .organisations(medway.slug())
                .sign();

        Reply reply = new ApiCaller(server).withToken(token).query(WHO_AM_I);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("viewer").path("authenticated").asBoolean())
                .isTrue();
        assertThat(reply.data().path("viewer").path("subject").asText()).isEqualTo("alice");
        assertThat(reply.data().path("viewer").path("roles").path(0).asText()).isEqualTo("TENANT_ADMIN");
        assertThat(reply.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(medway.slug());
    }

    @Test
    void a_token_signed_with_a_newly_rotated_key_is_accepted_after_the_key_set_is_fetched_again() {
        ApiCaller api = new ApiCaller(server);
        api.withToken(admin().sign()).query(WHO_AM_I);
        int fetchesBefore = TestIdentityProvider.keySetFetches();

        TestIdentityProvider.rotateKeys();
        Reply reply = api.withToken(admin().sign()).query(WHO_AM_I);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(TestIdentityProvider.keySetFetches()).isGreaterThan(fetchesBefore);
    }

    @Test
    void a_token_accepted_again_and_again_is_refused_once_its_payload_is_changed() {
        ApiCaller api = new ApiCaller(server);
        String token = admin().sign();
        for (int i = 0; i < 3; i++) {
            assertThat(api.withToken(token).query(WHO_AM_I).status()).isEqualTo(200);
        }

        Reply reply = api.withToken(tamper(token)).query(WHO_AM_I);

        // The signature already verified for the token is not taken for another with its signature.
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.body().has("data")).isFalse();
    }

    @Test
    void without_a_token_the_caller_is_anonymous() {
        Reply reply = new ApiCaller(server).query(WHO_AM_I);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("viewer").path("authenticated").asBoolean())
                .isFalse();
        assertThat(reply.data().path("viewer").path("roles")).isEmpty();
    }

    private static Arguments bad(String what, Supplier<String> token) {
        return Arguments.of(what, token);
    }

    private static TestIdentityProvider.Token admin() {
        return TestIdentityProvider.token("mallory").roles(Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
    }

    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("mallory", "mallorz");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }
}
