package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * The media type and status of answers, as the GraphQL-over-HTTP specification has them: the
 * client's choice of {@code application/graphql-response+json} or {@code application/json}, a 4xx
 * when the request produced no data, 200 when it did, field errors included.
 */
@MicronautTest(transactional = false)
class ResponseMediaTypeIT {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String QUERY = "{\"query\": \"{ tenant(slug: \\\"nowhere\\\") { name } }\"}";

    @Inject
    EmbeddedServer server;

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/graphql-response+json | application/graphql-response+json",
                "application/graphql-response+json, application/json;q=0.9 | application/graphql-response+json",
                "application/json, application/graphql-response+json;q=0.5 | application/json",
                "application/json | application/json",
                "*/* | application/json",
                "text/html | application/json"
            })
    void the_answer_is_in_the_media_type_the_client_prefers(String accept, String expected) {
        Reply reply = accepting(accept).postJson(QUERY);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(expected));
        assertThat(reply.body().path("data").has("tenant")).isTrue();
    }

    @Test
    void without_an_accept_header_the_answer_is_application_json() {
        Reply reply = new ApiCaller(server).postJson(QUERY);

        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void a_request_error_is_a_400_in_either_media_type() {
        Reply reply = accepting(GRAPHQL_RESPONSE).postJson("{\"query\": \"{ tenant(slug: \"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(GRAPHQL_RESPONSE));
        assertThat(reply.body().has("data")).isFalse();
    }

    @Test
    void a_refused_field_beside_data_is_a_200_with_the_refusal_in_errors() {
        Reply reply = accepting(GRAPHQL_RESPONSE)
                .postJson("{\"query\": \"{ viewer { authenticated } vocabularies { __typename } }\"}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body()
                        .path("data")
                        .path("viewer")
                        .path("authenticated")
                        .asBoolean())
                .isFalse();
        assertThat(reply.body().path("data").path("vocabularies").isNull()).isTrue();
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void a_refusal_that_leaves_no_data_at_all_has_the_status_of_its_code() {
        // partnerOrganisations cannot be null, so its refusal makes the whole data null.
        Reply reply = accepting(GRAPHQL_RESPONSE)
                .postJson("{\"query\": \"{ viewer { authenticated } partnerOrganisations { edges { cursor } } }\"}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.body().path("data").isNull()).isTrue();
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({"application/json", "text/html", "'text/html,application/xhtml+xml,*/*;q=0.8'"})
    void a_get_with_variables_is_answered_by_the_api_whatever_it_accepts_not_by_a_page(String accept) {
        Reply reply = accepting(accept)
                .get(
                        "/graphql",
                        java.util.Map.of(
                                "query", "query ($slug: String!) { tenant(slug: $slug) { name } }",
                                "variables", "{\"slug\": \"nowhere\"}"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().path("data").has("tenant")).isTrue();
    }

    @Test
    void a_get_may_ask_for_the_graphql_response_media_type() {
        Reply reply = accepting(GRAPHQL_RESPONSE).get("/graphql", java.util.Map.of("query", "{ __typename }"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(GRAPHQL_RESPONSE));
    }

    private ApiCaller accepting(String accept) {
        return new ApiCaller(server).withHeader("Accept", accept);
    }
}
