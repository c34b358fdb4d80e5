package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * A document sent again is served from the {@link DocumentCache}, and is refused again for every
 * reason it was refused the first time. Each test sends a text of its own, so that no test finds
 * another's document in the cache.
 */
@MicronautTest(transactional = false)
class DocumentCacheTest {

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
        String document = "query Read { __typename } mutation Write { onboardTenant(definition: \"x\") { created } }";
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

    @Test
    void a_document_over_a_query_limit_is_refused_again_from_the_cache() {
        StringBuilder aliases = new StringBuilder("query TooManyAliases {");
        for (int i = 0; i < 16; i++) {
            aliases.append(" a").append(i).append(": __typename");
        }
        String query = aliases.append(" }").toString();

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 400, "LIMIT_EXCEEDED");
        assertThat(second.hits()).isEqualTo(1);
        assertRefused(second.reply(), 400, "LIMIT_EXCEEDED");
    }

    @Test
    void introspection_is_refused_again_from_the_cache() {
        String query = "query Schema { __schema { mutationType { name } } }";

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 403, "INTROSPECTION_DISABLED");
        assertThat(second.hits()).isEqualTo(1);
        assertRefused(second.reply(), 403, "INTROSPECTION_DISABLED");
    }

    @Test
    void a_document_that_fails_validation_is_not_cached_and_fails_again() {
        String query = "query Unknown { treasurer { name } }";

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 400, "GRAPHQL_VALIDATION_FAILED");
        assertThat(second.misses()).as("validated again").isEqualTo(1);
        assertRefused(second.reply(), 400, "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void a_subscription_is_not_cached_and_is_refused_again() {
        String query = "subscription Changes { __typename }";

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 400, "GRAPHQL_VALIDATION_FAILED");
        assertThat(second.misses()).isEqualTo(1);
        assertRefused(second.reply(), 400, "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void a_syntax_error_is_not_cached_and_fails_again() {
        String query = "query Broken { tenant(slug: ";

        Lookups first = lookups(() -> api.query(query));
        Lookups second = lookups(() -> api.query(query));

        assertRefused(first.reply(), 400, "GRAPHQL_PARSE_FAILED");
        assertThat(second.misses()).isEqualTo(1);
        assertRefused(second.reply(), 400, "GRAPHQL_PARSE_FAILED");
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
