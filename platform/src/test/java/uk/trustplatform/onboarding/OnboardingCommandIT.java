package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.OnboardingCommand;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestKeycloak;

/** The onboarding command applies a folder of definitions and reports each tenant. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingCommandIT implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    /** Keycloak's admin API; the read-back uses tokens of the test identity provider. */
    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    @Test
    void a_folder_of_definitions_is_onboarded_reported_and_readable_through_the_api(@TempDir Path tenants)
            throws IOException {
        String slug = KeycloakOnboardingIT.slug("cambs");
        Files.createDirectories(tenants.resolve(slug));
        Files.writeString(
                tenants.resolve(slug).resolve("tenant.yaml"),
                KeycloakOnboardingIT.definition(
                        slug, "Cambridgeshire Children's Trust", "E10000003", "Cambridgeshire County Council"));
        Files.createDirectories(tenants.resolve("broken"));
        Files.writeString(tenants.resolve("broken").resolve("tenant.yaml"), "slug: broken\n");

        String first = run(tenants);
        String second = run(tenants);

        assertThat(first)
                .contains(slug + ": registered tenant " + slug)
                .contains("broken: name: required property 'name' not found");
        assertThat(second).contains(slug + ": already up to date");
        String operator = TestIdentityProvider.token("operator")
                .roles(Role.PLATFORM_OPERATOR)
                .sign();
        JsonNode tenant = new ApiCaller(server)
                .withToken(operator)
                .query(
                        "query ($s: String!) { tenant(slug: $s) { name kind region status councils { gssCode name } } }",
                        Map.of("s", slug))
                .data()
                .path("tenant");
        assertThat(tenant.path("name").asText()).isEqualTo("Cambridgeshire Children's Trust (" + slug + ")");
        assertThat(tenant.path("status").asText()).isEqualTo("ONBOARDING");
        assertThat(tenant.path("councils").findValuesAsText("gssCode")).isEqualTo(List.of("E10000003"));
    }

    private String run(Path tenants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(OnboardingCommand.onboardAll(context, tenants))
                    .as("one definition is broken")
                    .isFalse();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
