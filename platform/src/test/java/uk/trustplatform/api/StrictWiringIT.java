package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.io.ResourceResolver;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The application refuses to start when schema.graphqls and the wiring disagree. */
class StrictWiringIT {

    /** These tests build wiring only; nothing runs against a database. */
    private static final RequestScope NO_TRANSACTION = new RequestScope() {
        @Override
        public <T> T execute(RequestContext request, String operation, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T atomically(Supplier<T> mutation) {
            return mutation.get();
        }
    };

    private static final TypeDefinitionRegistry SCHEMA = new SchemaParser()
            .parse("type Query { a: String b: Item } type Item { name: String } extend type Item { size: Int }");

    @Test
    void wiring_that_matches_the_schema_has_no_disagreements() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("a", env -> "").dataFetcher("b", env -> null))
                .type("Item", type -> type.dataFetcher("size", env -> 1))
                .build();

        assertThat(WiringAgreement.disagreements(SCHEMA, wiring)).isEmpty();
    }

    @Test
    void every_disagreement_is_named() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("a", env -> "").dataFetcher("c", env -> ""))
                .type("Item", type -> type.dataFetcher("colour", env -> ""))
                .type("Ghost", type -> type.dataFetcher("boo", env -> ""))
                .build();

        assertThat(WiringAgreement.disagreements(SCHEMA, wiring))
                .containsExactlyInAnyOrder(
                        "Wiring fetches Query.c, which schema.graphqls does not define.",
                        "Wiring fetches Item.colour, which schema.graphqls does not define.",
                        "Wiring names type Ghost, which schema.graphqls does not define.",
                        "schema.graphqls defines Query.b, but no wiring fetches it.");
    }

    @Test
    void two_features_fetching_the_same_root_field_is_refused() {
        TypeRuntimeWiring first = TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("a", env -> "1")
                .build();
        TypeRuntimeWiring second = TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("a", env -> "2")
                .build();

        assertThatThrownBy(() -> GraphQLFactory.runtimeWiring(List.of(first, second), NO_TRANSACTION))
                .hasMessage("Two wirings fetch Query.a; one field, one fetcher.");
    }

    @Test
    void a_missing_schema_file_stops_start_up_with_a_clear_message() {
        GraphQLLimits limits = new GraphQLLimits(1, 1, 1, 1, 1, 1, 1);

        assertThatThrownBy(() -> new GraphQLFactory()
                        .graphQL(new ResourceResolver(List.of()), List.of(), List.of(), limits, NO_TRANSACTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.graphqls is not on the classpath");
    }

    @ParameterizedTest
    @CsvSource({
        "unknown-field, 'Wiring fetches Query.treasurer, which schema.graphqls does not define.'",
        "missing-root-field, 'schema.graphqls defines Query.tenant, but no wiring fetches it.'"
    })
    void the_application_does_not_start_when_schema_and_wiring_disagree(String mismatch, String expected) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("test.wiring", mismatch), "test"))
                .rootCause()
                .hasMessageContaining("schema.graphqls and the GraphQL wiring disagree")
                .hasMessageContaining(expected);
    }
}
