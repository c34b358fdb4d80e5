package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Every council in {@code tenants/} is onboarded through the API and read back through GraphQL,
 * field by field: what the definition writes is what the platform publishes, and nothing else (the
 * starter kits it names stay drafts: {@link SeedJourneysIT}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedTenantsIT implements TestPropertyProvider {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String READ_BACK = """
            query ($s: String!) {
              tenant(slug: $s) { slug name kind region councils { gssCode name validFrom validTo predecessorGssCode } }
              publishedConfiguration(tenantSlug: $s) {
                standardsFrameworks { key name description standards { number title description criteria { number text } } }
                strategies { title periodStart periodEnd vision aims principles { title text } definitions { term meaning }
                  legalDrivers { name summary } benefits { audience text }
                  outcomeFramework { levels outcomes { ref level levelName parent text } }
                  participationStructures { name rationale implementation responsiblePartners timescale meetingFrequency }
                  implementationPlan { objective lead completion } barriers reviewDate reviewDue }
                actionPlanTemplates { title periodStart periodEnd framework columns { key label type }
                  sections { number title standard outcomes { number text } } }
                charter { title values { name belief commitment } reviews { date withGroup } }
                pledge { title framework statement commitments { standard text } signatureFields renewalMonths }
                vocabularies { partnerCategories { code label description } governanceBodyTypes { code label description }
                  ageBands { label fromAge toAge note } participationMethods { code label description }
                  audienceGroups { code label description } hartsLadderLevels { rung name description }
                  inspectionQuestions { code label description } }
                guidance { key title audience source reviewDate reviewDue introduction
                  sections { heading body { subheading paragraph items } } }
              }
            }""";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    static Stream<Path> definitions() throws IOException {
        return Files.list(Path.of("../tenants"))
                .filter(Files::isDirectory)
                .sorted()
                .map(folder -> folder.resolve("tenant.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void a_seed_council_is_onboarded_and_reads_back_as_its_definition_says(Path file) throws IOException {
        String yaml = Files.readString(file);
        JsonNode definition = YAML.readTree(yaml);
        ApiCaller operator = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("seed-operator")
                        .roles(Role.PLATFORM_OPERATOR)
                        .sign());

        Reply onboarded = operator.query(
                "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { changes userErrors { field message } } }",
                Map.of("d", yaml));
        Reply again = operator.query(
                "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { changes userErrors { message } } }",
                Map.of("d", yaml));
        Reply read =
                operator.query(READ_BACK, Map.of("s", definition.path("slug").asText()));

        assertThat(onboarded.data().path("onboardTenant").path("userErrors"))
                .as(onboarded.text())
                .isEmpty();
        assertThat(again.data().path("onboardTenant").path("changes"))
                .as("the same definition again changes nothing")
                .isEmpty();
        assertThat(read.body().has("errors")).as(read.text()).isFalse();
        JsonNode tenant = read.data().path("tenant");
        for (String field : List.of("slug", "name", "kind", "region")) {
            matches(definition.path(field), tenant.path(field), field);
        }
        matchesByKey(definition.path("councils"), tenant.path("councils"), "gssCode", "councils");
        compareConfiguration(
                expected(definition.path("configuration")), read.data().path("publishedConfiguration"));
        JsonNode partnership = definition.path("configuration").path("partnership");
        if (!partnership.isMissingNode()) {
            Reply settings = operator.inTenant(definition.path("slug").asText())
                    .query("{ partnershipSettings { minimumParticipationChampions renewalNoticeDays"
                            + " recommendationReplyDays kiteMarkValidMonths } }");
            matches(partnership, settings.data().path("partnershipSettings"), "partnership");
        }
    }

    /** The definition's own documents, in the shape the API answers. */
    private static ObjectNode expected(JsonNode configuration) {
        ObjectNode expected = YAML.createObjectNode();
        ArrayNode frameworks = expected.putArray("standardsFrameworks");
        ArrayNode strategies = expected.putArray("strategies");
        ArrayNode templates = expected.putArray("actionPlanTemplates");
        ArrayNode guidance = expected.putArray("guidance");
        configuration.path("standardsFrameworks").forEach(frameworks::add);
        configuration.path("guidance").forEach(guidance::add);
        configuration.path("strategies").forEach(strategies::add);
        if (configuration.has("actionPlanTemplate")) {
            templates.add(configuration.path("actionPlanTemplate"));
        }
        for (String single : List.of("charter", "pledge", "vocabularies")) {
            if (configuration.has(single)) {
                expected.set(single, configuration.path(single));
            }
        }
        return expected;
    }

    private static void compareConfiguration(ObjectNode expected, JsonNode actual) {
        matchesByKey(
                expected.path("standardsFrameworks"), actual.path("standardsFrameworks"), "key", "standardsFrameworks");
        matchesByKey(expected.path("strategies"), actual.path("strategies"), "periodStart", "strategies");
        matches(expected.path("actionPlanTemplates"), actual.path("actionPlanTemplates"), "actionPlanTemplates");
        matchesByKey(expected.path("guidance"), actual.path("guidance"), "key", "guidance");
        for (String single : List.of("charter", "pledge", "vocabularies")) {
            if (expected.has(single)) {
                matches(expected.path(single), actual.path(single), single);
            } else {
                assertThat(actual.path(single).isNull())
                        .as(single + " not defined, not published")
                        .isTrue();
            }
        }
    }

    private static void matchesByKey(JsonNode expected, JsonNode actual, String key, String path) {
        assertThat(actual.size()).as(path + " count").isEqualTo(expected.size());
        for (JsonNode wanted : expected) {
            JsonNode found = null;
            for (JsonNode candidate : actual) {
                if (candidate.path(key).asText().equals(wanted.path(key).asText())) {
                    found = candidate;
                }
            }
            assertThat(found)
                    .as(path + " with " + key + " " + wanted.path(key).asText())
                    .isNotNull();
            matches(wanted, found, path + "[" + wanted.path(key).asText() + "]");
        }
    }

    /** Every field the definition gives has the same value in the answer; the answer may have more. */
    private static void matches(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            expected.fieldNames()
                    .forEachRemaining(field -> matches(expected.path(field), actual.path(field), path + "." + field));
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                matches(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }
}
