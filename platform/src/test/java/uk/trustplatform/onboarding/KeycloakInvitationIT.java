package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.RealmRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.FakeMailServer;
import uk.trustplatform.testing.TestKeycloak;

/** In production a new tenant admin is invited by email (Keycloak sends it) and gets no password from us. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakInvitationIT implements TestPropertyProvider {

    private final FakeMailServer mail = new FakeMailServer();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestKeycloak.platformProperties());
        properties.put("trust.keycloak.new-admins", "invitation");
        RealmRepresentation realm = TestKeycloak.realm().toRepresentation();
        realm.setSmtpServer(
                Map.of("host", "127.0.0.1", "port", String.valueOf(mail.port()), "from", "no-reply@trust.example"));
        TestKeycloak.realm().update(realm);
        return properties;
    }

    @Test
    void a_new_tenant_admin_is_invited_by_email_to_set_their_own_password() throws InterruptedException {
        String slug = KeycloakOnboardingIT.slug("invited");
        String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        String operator = TestKeycloak.passwordToken(
                username, TestKeycloak.person(username, List.of(Role.PLATFORM_OPERATOR), null, null));

        JsonNode account = new ApiCaller(server)
                .withToken(operator)
                .query(
                        "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { adminAccount { username temporaryPassword invitationSent } userErrors { message } } }",
                        Map.of(
                                "d",
                                KeycloakOnboardingIT.definition(slug, "Invited Trust", "E06000035", "Medway Council")))
                .data()
                .path("onboardTenant")
                .path("adminAccount");

        assertThat(account.path("invitationSent").asBoolean())
                .as(account.toString())
                .isTrue();
        assertThat(account.path("temporaryPassword").isNull()).isTrue();
        String admin = slug + "-admin@" + slug + ".example";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (mail.received().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(mail.received()).singleElement().satisfies(message -> {
            assertThat(message.recipients()).containsExactly(admin);
            assertThat(message.text())
                    .contains("Update Password")
                    .contains("/realms/trust/login-actions/action-token?key=");
        });
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }
}
