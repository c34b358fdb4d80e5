package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** What /graphql does with requests that are not well-formed GraphQL over JSON. */
@MicronautTest(transactional = false)
class GraphQLHttpIT {

    private static final String VALID = "query { tenant(slug: \"nowhere\") { name } }";

    @Inject
    EmbeddedServer server;

    private ApiCaller api;

    @BeforeEach
    void connect() {
        api = new ApiCaller(server);
    }

    @Test
    void malformed_json_is_a_400_that_says_where_the_json_broke() {
        Reply reply = api.postJson("{\"query\": \"{ tenant(slug: \\\"x\\\") { name } }\"");

        assertRefused(reply, 400, "BAD_REQUEST", "The request body is not valid JSON");
        assertThat(reply.firstError().path("message").asText()).contains("line 1");
    }

    @Test
    void an_empty_body_is_a_400() {
        assertRefused(api.postJson(""), 400, "BAD_REQUEST", "The request body is empty");
    }

    @Test
    void a_query_that_is_not_a_string_is_a_400_naming_the_member() {
        assertRefused(api.postJson("{\"query\": 42}"), 400, "BAD_REQUEST", "\"query\" must be a non-empty string");
    }

    @Test
    void variables_that_are_not_an_object_are_a_400() {
        Reply reply = api.postJson("{\"query\": \"{ __typename }\", \"variables\": [1]}");

        assertRefused(reply, 400, "BAD_REQUEST", "\"variables\" must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"text\"", "1", "true", "[]"})
    void extensions_that_are_not_an_object_are_a_400(String extensions) {
        Reply reply = api.postJson("{\"query\": \"{ __typename }\", \"extensions\": " + extensions + "}");

        assertRefused(reply, 400, "BAD_REQUEST", "\"extensions\" must be a JSON object");
    }

    @Test
    void a_syntax_error_is_a_400_with_the_location() {
        Reply reply = api.query("query { tenant(slug: \"x\") { name }");

        assertRefused(reply, 400, "GRAPHQL_PARSE_FAILED", "Invalid syntax");
        assertThat(reply.firstError().path("locations").path(0).path("line").asInt())
                .isEqualTo(1);
    }

    @Test
    void an_unknown_field_is_a_400_naming_the_field() {
        Reply reply = api.query("query { tenant(slug: \"x\") { name treasurer } }");

        assertRefused(reply, 400, "GRAPHQL_VALIDATION_FAILED", "treasurer");
    }

    @Test
    void an_unknown_operation_name_is_a_400_naming_it() {
        Reply reply = api.postJson("{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}");

        assertRefused(reply, 400, "GRAPHQL_VALIDATION_FAILED", "B");
    }

    @Test
    void a_variable_of_the_wrong_type_is_a_400_naming_the_variable() {
        Reply reply = api.query(
                "query ($slug: String!) { tenant(slug: $slug) { name } }", Map.of("slug", Map.of("not", "a string")));

        assertRefused(reply, 400, "GRAPHQL_VALIDATION_FAILED", "slug");
    }

    @Test
    void a_missing_required_variable_is_a_400_naming_the_variable() {
        Reply reply = api.query("query ($slug: String!) { tenant(slug: $slug) { name } }");

        assertRefused(reply, 400, "GRAPHQL_VALIDATION_FAILED", "slug");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/graphql"
            })
    void post_with_any_content_type_but_json_is_a_415(String contentType) {
        Reply reply = api.post(contentType, "{\"query\": \"{ __typename }\"}");

        assertRefused(reply, 415, "UNSUPPORTED_MEDIA_TYPE", "accepts only Content-Type: application/json");
    }

    @ParameterizedTest
    @NullSource
    void post_without_content_type_is_a_415(String contentType) {
        assertRefused(api.post(contentType, "{\"query\": \"{ __typename }\"}"), 415, "UNSUPPORTED_MEDIA_TYPE", "none");
    }

    @Test
    void json_with_a_charset_parameter_is_accepted() {
        Reply reply = api.post("application/json; charset=UTF-8", "{\"query\": \"{ __typename }\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("__typename").asText()).isEqualTo("Query");
    }

    @Test
    void get_runs_a_query() {
        Reply reply = api.get(
                "/graphql",
                Map.of(
                        "query",
                        "query T($s: String!) { tenant(slug: $s) { name } }",
                        "variables",
                        "{\"s\": \"nowhere\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().has("tenant")).isTrue();
    }

    @Test
    void get_refuses_a_mutation_with_405() {
        Reply reply = api.get("/graphql", Map.of("query", "mutation { anything }"));

        assertRefused(reply, 405, "METHOD_NOT_ALLOWED", "cannot be sent with GET; send it with POST");
    }

    @Test
    void get_refuses_the_mutation_chosen_by_operation_name_among_queries() {
        Reply reply = api.get(
                "/graphql", Map.of("query", "query Q { __typename } mutation M { anything }", "operationName", "M"));

        assertRefused(reply, 405, "METHOD_NOT_ALLOWED", "mutation");
    }

    @Test
    void get_without_a_query_is_a_400() {
        assertRefused(api.get("/graphql", Map.of()), 400, "BAD_REQUEST", "needs a \"query\" parameter");
    }

    @Test
    void get_with_variables_that_are_not_json_is_a_400() {
        Reply reply = api.get("/graphql", Map.of("query", VALID, "variables", "{nope"));

        assertRefused(reply, 400, "BAD_REQUEST", "\"variables\" parameter is not valid JSON");
    }

    @Test
    void a_batch_is_refused_while_batching_is_off() {
        Reply reply = api.postJson("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]");

        assertRefused(reply, 400, "BAD_REQUEST", "Batched requests");
    }

    @Test
    void introspection_is_off_by_default() {
        Reply reply = api.query("{ __schema { queryType { name } } }");

        assertRefused(reply, 403, "INTROSPECTION_DISABLED", "Introspection has been disabled");
    }

    @Test
    void a_query_text_over_the_length_limit_is_refused_before_parsing() {
        String padding = " ".repeat(20_001);
        Reply reply = api.query("{ __typename }" + padding);

        assertRefused(reply, 400, "LIMIT_EXCEEDED", "over the limit of 20000");
    }

    @Test
    void a_query_over_the_token_limit_is_refused_by_the_parser() {
        String manyTokens = "{ " + "a ".repeat(5_001) + "}";
        Reply reply = api.query(manyTokens);

        assertRefused(reply, 400, "GRAPHQL_PARSE_FAILED", "More than 5,000 'grammar' tokens");
    }

    @Test
    void every_response_carries_a_correlation_id_and_keeps_a_gateways_one() {
        Reply generated = api.query(VALID);
        assertThat(generated.headers().firstValue("X-Correlation-Id")).isPresent();

        Reply kept = api.send("/graphql", "application/json", "{\"query\": \"{ __typename }\"}", "gateway-1234abcd");
        assertThat(kept.headers().firstValue("X-Correlation-Id")).contains("gateway-1234abcd");

        Reply replaced = api.send("/graphql", "application/json", "{\"query\": \"{ __typename }\"}", "bad id<script>");
        assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow())
                .doesNotContain("<");
    }

    private static void assertRefused(Reply reply, int status, String code, String messagePart) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.body()).as("a JSON body, not an HTML page").isNotNull();
        assertThat(reply.errorCode()).as(reply.text()).isEqualTo(code);
        assertThat(reply.firstError().path("message").asText()).as(reply.text()).contains(messagePart);
        assertThat(reply.body().has("data")).as("a refused request has no data").isFalse();
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
