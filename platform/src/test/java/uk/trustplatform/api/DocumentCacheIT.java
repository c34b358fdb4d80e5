package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * A document sent again is served from the {@link DocumentCache}, and is refused again for every
 * reason it was refused the first time. Each test sends a text of its own, so that no test finds
 * another's document in the cache.
 */
@MicronautTest(transactional = false)
class DocumentCacheIT {

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry metrics;

    private ApiCaller api;

    @BeforeEach
    void connect() {
        api = new ApiCaller(server);
    }

    @Test
    void the_same_document_sent_twice_is_parsed_and_validated_once() {
        String query = "query Twice { tenant(slug: \"nowhere\") { name } }";

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertThat(first.misses()).isEqualTo(1);
        assertThat(second.hits()).isEqualTo(1);
        assertThat(second.misses()).isZero();
        assertThat(second.reply().status()).isEqualTo(200);
        assertThat(second.reply().text()).isEqualTo(first.reply().text());
    }

    @Test
    void a_mutation_is_refused_by_get_even_when_its_document_is_cached() {
        String document =
                "query Read { __typename } mutation Write { onboardTenant(input: { definition: \"x\" }) { created } }";
        Reply read = api.get("/graphql", Map.of("query", document, "operationName", "Read"));
        assertThat(read.status()).as(read.text()).isEqualTo(200);

        Lookups write = lookups(() -> api.get("/graphql", Map.of("query", document, "operationName", "Write")));
        Lookups again = lookups(() -> api.get("/graphql", Map.of("query", document, "operationName", "Write")));

        assertThat(write.hits())
                .as("the query's request left the document cached")
                .isEqualTo(1);
        assertRefused(write.reply(), 405, "METHOD_NOT_ALLOWED");
        assertRefused(again.reply(), 405, "METHOD_NOT_ALLOWED");
    }

    static List<Arguments> cachedButRefusedAtExecution() {
        return List.of(
                Arguments.of("query TooManyAliases {" + aliases(16) + " }", 400, "LIMIT_EXCEEDED"),
                Arguments.of("query Schema { __schema { mutationType { name } } }", 403, "INTROSPECTION_DISABLED"));
    }

    @ParameterizedTest
    @MethodSource("cachedButRefusedAtExecution")
    void a_document_refused_at_execution_is_refused_again_from_the_cache(String query, int status, String code) {
        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), status, code);
        assertThat(second.hits()).isEqualTo(1);
        assertRefused(second.reply(), status, code);
    }

    @ParameterizedTest
    @CsvSource({
        "'query Unknown { treasurer { name } }', GRAPHQL_VALIDATION_FAILED",
        "'subscription Changes { __typename }', GRAPHQL_VALIDATION_FAILED",
        "'query Broken { tenant(slug: ', GRAPHQL_PARSE_FAILED"
    })
    void a_document_that_fails_parse_or_validation_is_not_cached_and_fails_again(String query, String code) {
        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 400, code);
        assertThat(second.misses()).as("parsed and validated again").isEqualTo(1);
        assertRefused(second.reply(), 400, code);
    }

    private static String aliases(int count) {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < count; i++) {
            aliases.append(" a").append(i).append(": __typename");
        }
        return aliases.toString();
    }

    /** One request, and how many documents it found in the cache and how many it parsed. */
    private record Lookups(Reply reply, long hits, long misses) {}

    private Lookups lookups(Supplier<Reply> request) {
        double hits = count("hit");
        double misses = count("miss");
        Reply reply = request.get();
        return new Lookups(reply, Math.round(count("hit") - hits), Math.round(count("miss") - misses));
    }

    private double count(String result) {
        return metrics.counter(DocumentCache.LOOKUPS, "result", result).count();
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.text()).isEqualTo(code);
        assertThat(reply.body().has("data")).as(reply.text()).isFalse();
    }
}
