package uk.trustplatform.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Every kind of document goes through the same lifecycle: created as a draft, changed, published,
 * refused when edited once published, revised into a second edition which is published in turn,
 * superseding the first.
 */
@MicronautTest(transactional = false)
class DocumentLifecycleIT {

    @Inject
    EmbeddedServer server;

    /** A kind: its save mutation, input type, payload field, and content before and after a change. */
    record Kind(String mutation, String inputType, String field, Function<String, Map<String, Object>> content) {
        @Override
        public String toString() {
            return field;
        }
    }

    static List<Arguments> kinds() {
        return List.of(
                Arguments.of(new Kind(
                        "saveStandardsFramework",
                        "SaveStandardsFrameworkInput",
                        "standardsFramework",
                        name -> Map.of(
                                "key",
                                "lifecycle-standards",
                                "name",
                                name,
                                "standards",
                                List.of(Map.of("number", "1", "title", "Listening"))))),
                Arguments.of(new Kind(
                        "saveStrategy",
                        "SaveStrategyInput",
                        "strategy",
                        name -> Map.of(
                                "title", name, "periodStart", 2011, "periodEnd", 2014, "aims", List.of("To listen")))),
                Arguments.of(new Kind(
                        "saveActionPlanTemplate",
                        "SaveActionPlanTemplateInput",
                        "actionPlanTemplate",
                        name -> Map.of(
                                "title",
                                name,
                                "periodStart",
                                2011,
                                "periodEnd",
                                2012,
                                "columns",
                                List.of(
                                        Map.of("key", "objective", "label", "Objective", "type", "TEXT"),
                                        Map.of("key", "lead", "label", "Lead", "type", "LEAD"),
                                        Map.of(
                                                "key",
                                                "completion",
                                                "label",
                                                "Completion timescale",
                                                "type",
                                                "DATE_OR_TIMESCALE")),
                                "sections",
                                List.of(Map.of(
                                        "number",
                                        "1",
                                        "title",
                                        "Participation",
                                        "outcomes",
                                        List.of(Map.of(
                                                "number", "1.1", "text", "Identify participation champions"))))))),
                Arguments.of(new Kind(
                        "saveCharter",
                        "SaveCharterInput",
                        "charter",
                        name -> Map.of(
                                "title",
                                name,
                                "values",
                                List.of(Map.of(
                                        "name",
                                        "Listening",
                                        "belief",
                                        "Listening helps us improve.",
                                        "commitment",
                                        "We will listen.")),
                                "reviews",
                                List.of(Map.of("date", "2011-06-01", "withGroup", "Medway Youth Parliament"))))),
                Arguments.of(new Kind(
                        "savePledge",
                        "SavePledgeInput",
                        "pledge",
                        name -> Map.of(
                                "title",
                                name,
                                "framework",
                                "lifecycle-pledge-standards",
                                "statement",
                                "I agree to ensure these standards.",
                                "commitments",
                                List.of(Map.of("standard", "1", "text", "A strategic lead is appointed.")),
                                "signatureFields",
                                List.of("Signed", "Post Held", "Organisation", "Date"),
                                "renewalMonths",
                                12))),
                Arguments.of(new Kind(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        name -> Map.of(
                                "partnerCategories", List.of(Map.of("code", "statutory", "label", name)),
                                "ageBands", List.of(Map.of("label", "Children", "fromAge", 0, "toAge", 11))))),
                Arguments.of(new Kind(
                        "saveGuidance",
                        "SaveGuidanceInput",
                        "guidance",
                        name -> Map.of(
                                "key",
                                "lone-working",
                                "title",
                                name,
                                "source",
                                "Appendix 1 of the strategy",
                                "reviewDue",
                                "January 2012",
                                "sections",
                                List.of(Map.of(
                                        "heading",
                                        "Lone working",
                                        "body",
                                        List.of(Map.of(
                                                "items",
                                                List.of("Ensure you make arrangements with your line manager.")))))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_document_is_drafted_published_and_revised_into_a_second_edition(Kind kind) {
        TestTenant tenant = TestTenants.active("lifecycle");
        ApiCaller admin = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("admin-" + tenant.slug())
                        .roles(Role.TENANT_ADMIN)
                        .organisations(tenant.slug())
                        .sign());
        String partner = admin.query(
                        "mutation { registerPartnerOrganisation(input: {name: \"Lifecycle Youth Service\"}) { partnerOrganisation { id } } }")
                .data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
        if (kind.field().equals("pledge")) {
            JsonNode framework = save(
                    admin,
                    new Kind(
                            "saveStandardsFramework",
                            "SaveStandardsFrameworkInput",
                            "standardsFramework",
                            name -> Map.of(
                                    "key",
                                    "lifecycle-pledge-standards",
                                    "name",
                                    name,
                                    "standards",
                                    List.of(Map.of("number", "1", "title", "Strategic Lead")))),
                    null,
                    null,
                    "Pledge standards");
            publish(admin, framework.path("id").asText(), 0);
        }

        JsonNode draft = save(admin, kind, null, null, "First draft");
        JsonNode changed = save(admin, kind, draft.path("id").asText(), 0, "Second draft");
        endorseIfStrategy(admin, kind, changed.path("id").asText(), partner);
        JsonNode published = publish(
                admin,
                changed.path("id").asText(),
                version(admin, changed.path("id").asText()));
        JsonNode refused = admin.query(
                        mutation(kind),
                        Map.of(
                                "input",
                                input(
                                        kind,
                                        changed.path("id").asText(),
                                        published.path("version").asInt(),
                                        "Edited after publication")))
                .data()
                .path(kind.mutation());
        JsonNode revised = admin.query(
                        "mutation ($input: ReviseDocumentInput!) { reviseDocument(input: $input) { document { id edition status } } }",
                        Map.of("input", Map.of("id", changed.path("id").asText())))
                .data()
                .path("reviseDocument")
                .path("document");
        endorseIfStrategy(admin, kind, revised.path("id").asText(), partner);
        JsonNode second = publish(
                admin,
                revised.path("id").asText(),
                version(admin, revised.path("id").asText()));
        JsonNode editions = admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on ConfigurationDocument { editions { edition status } } } }",
                        Map.of("id", second.path("id").asText()))
                .data()
                .path("node")
                .path("editions");

        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(revised.path("edition").asInt()).isEqualTo(2);
        assertThat(second.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(editions.toString())
                .isEqualTo("[{\"edition\":2,\"status\":\"PUBLISHED\"},{\"edition\":1,\"status\":\"SUPERSEDED\"}]");
        assertThat(TenantData.query(
                        tenant.id(),
                        "SELECT subject_type || ' ' || (summary->>'edition') FROM domain_event"
                                + " WHERE kind = 'configuration_document.published' AND subject_id IN ('"
                                + GlobalId.decode(published.path("id").asText())
                                        .orElseThrow()
                                        .uuid() + "', '"
                                + GlobalId.decode(second.path("id").asText())
                                        .orElseThrow()
                                        .uuid() + "') ORDER BY position"))
                .as("each edition announced as it is put in force, by its own type")
                .containsExactly(
                        GlobalId.decode(published.path("id").asText())
                                        .orElseThrow()
                                        .type() + " 1",
                        GlobalId.decode(second.path("id").asText())
                                        .orElseThrow()
                                        .type() + " 2");
    }

    private static JsonNode save(ApiCaller admin, Kind kind, String id, Integer version, String name) {
        ApiCaller.Reply reply = admin.query(mutation(kind), Map.of("input", input(kind, id, version, name)));
        JsonNode document = reply.data().path(kind.mutation()).path(kind.field());
        assertThat(document.has("id")).as(reply.text()).isTrue();
        return document;
    }

    private static String mutation(Kind kind) {
        return "mutation ($input: " + kind.inputType() + "!) { " + kind.mutation() + "(input: $input) { " + kind.field()
                + " { id status version edition } userErrors { field message code } } }";
    }

    private static Map<String, Object> input(Kind kind, String id, Integer version, String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put(kind.field(), kind.content().apply(name));
        return input;
    }

    private static void endorseIfStrategy(ApiCaller admin, Kind kind, String id, String partner) {
        if (kind.field().equals("strategy")) {
            admin.query(
                    "mutation ($input: EndorseStrategyInput!) { endorseStrategy(input: $input) { userErrors { message } } }",
                    Map.of("input", Map.of("id", id, "partnerOrganisationId", partner)));
        }
    }

    private static int version(ApiCaller admin, String id) {
        return admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on ConfigurationDocument { version } } }",
                        Map.of("id", id))
                .data()
                .path("node")
                .path("version")
                .asInt();
    }

    private static JsonNode publish(ApiCaller admin, String id, int version) {
        ApiCaller.Reply reply = admin.query(
                "mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { document { id status version } userErrors { message } } }",
                Map.of("input", Map.of("id", id, "version", version)));
        JsonNode document = reply.data().path("publishDocument").path("document");
        assertThat(document.has("id")).as(reply.text()).isTrue();
        return document;
    }
}
