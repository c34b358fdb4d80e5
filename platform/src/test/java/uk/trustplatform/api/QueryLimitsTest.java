package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each limit of {@link QueryLimitsInstrumentation}, at and over its value, on a small schema. */
class QueryLimitsTest {

    private static final GraphQLLimits LIMITS = new GraphQLLimits(3, 30, 2, 2, 10, 1000, 500);
    private static final GraphQL ENGINE = GraphQL.newGraphQL(new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser().parse("""
                                    type Query { items(first: Int, last: Int): [Item!]! item: Item }
                                    type Item { name: String children(first: Int): [Item!]! }
                                    """),
                            RuntimeWiring.newRuntimeWiring()
                                    .type("Query", type -> type.dataFetcher("items", env -> List.of()))
                                    .build()))
            .instrumentation(new QueryLimitsInstrumentation(LIMITS))
            .build();

    static List<Arguments> withinLimits() {
        return List.of(
                Arguments.of("depth at its limit", "{ item { children { name } } }", Map.of()),
                Arguments.of(
                        "complexity at its limit",
                        "{ item { name } items(first: 9) { name children { name } } }",
                        Map.of()),
                Arguments.of("aliases at their limit", "{ item { a: name b: name } }", Map.of()),
                Arguments.of("root fields at their limit", "{ item { name } items { name } }", Map.of()),
                Arguments.of("page size at its limit", "{ items(first: 10) { name } }", Map.of()),
                Arguments.of(
                        "introspection's own nesting is not counted as depth",
                        "{ __schema { types { fields { type { ofType { ofType { name } } } } } } }",
                        Map.of()),
                Arguments.of(
                        "__typename counts as a field like any other, within the limits",
                        "{ item { a: __typename } __typename }",
                        Map.of()));
    }

    static List<Arguments> overLimits() {
        return List.of(
                Arguments.of(
                        "{ item { children { children { name } } } }", Map.of(), "depth is 4, over the limit of 3"),
                Arguments.of(
                        "{ ...Deep } fragment Deep on Query { item { children { children { name } } } }",
                        Map.of(),
                        "depth is 4, over the limit of 3"),
                Arguments.of(
                        "{ items(first: 10) { children(first: 3) { name } } }",
                        Map.of(),
                        "complexity is 41, over the limit of 30"),
                Arguments.of("{ item { a: name b: name c: name } }", Map.of(), "aliases is 3, over the limit of 2"),
                Arguments.of(
                        "{ item { name } items { name } other: item { name } }",
                        Map.of(),
                        "root fields is 3, over the limit of 2"),
                Arguments.of(
                        "{ items(first: 11) { name } }",
                        Map.of(),
                        "field 'items' asks for first: 11, over the page-size limit of 10"),
                Arguments.of(
                        "query ($n: Int) { items(last: $n) { name } }",
                        Map.of("n", 11),
                        "field 'items' asks for last: 11, over the page-size limit of 10"),
                Arguments.of(
                        "{ item { a: __typename b: __typename c: __typename } }",
                        Map.of(),
                        "aliases is 3, over the limit of 2"),
                Arguments.of(
                        "{ __typename item { name } items { name } }",
                        Map.of(),
                        "root fields is 3, over the limit of 2"),
                Arguments.of(
                        "{ items(first: 10) { __typename name children { __typename } } }",
                        Map.of(),
                        "complexity is 41, over the limit of 30"),
                Arguments.of(
                        "{ item { children { children { __typename } } } }",
                        Map.of(),
                        "depth is 4, over the limit of 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withinLimits")
    void a_query_within_every_limit_runs(String what, String query, Map<String, Object> variables) {
        ExecutionResult result = run(query, variables);

        assertThat(result.getErrors()).as(what).isEmpty();
        assertThat(result.isDataPresent()).isTrue();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("overLimits")
    void a_query_over_a_limit_is_refused_before_any_data_is_fetched(
            String query, Map<String, Object> variables, String expectedMessage) {
        ExecutionResult result = run(query, variables);

        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().getFirst();
        assertThat(error.getMessage()).isEqualTo("Query refused: " + expectedMessage + ".");
        assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED");
    }

    private static ExecutionResult run(String query, Map<String, Object> variables) {
        return ENGINE.execute(
                ExecutionInput.newExecutionInput(query).variables(variables).build());
    }
}
