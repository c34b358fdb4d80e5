package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text with control characters or unpaired surrogates, and dates that are not real days, are
 * refused in any argument (literal or variable, at any depth of input objects and lists) before
 * any data fetcher runs, naming the argument's path.
 */
class ArgumentRulesTest {

    private static final GraphQLLimits ROOMY = new GraphQLLimits(10, 1000, 10, 10, 100, 10000, 5000);
    private static final String TEXT_RULE =
            "; text may hold tabs and line breaks, but no other control characters" + " and no unpaired surrogates.";
    private static final String DATE_RULE = " must be a real date, such as 2026-12-01, in the years 1900 to 2999.";

    private final List<Object> fetched = new ArrayList<>();
    private GraphQL engine;

    @BeforeEach
    void anEngineThatRecordsWhatItsFetchersReceive() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(DateScalar.DATE)
                .type(
                        "Query",
                        type -> type.dataFetcher("find", env -> {
                            fetched.add(env.getArguments());
                            return "found";
                        }))
                .type(
                        "Mutation",
                        type -> type.dataFetcher("save", env -> {
                            fetched.add(env.getArguments());
                            return "saved";
                        }))
                .build();
        engine = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                                        scalar Date
                                        type Query { find(text: String, id: ID, on: Date, filter: Filter, names: [String!]): String }
                                        type Mutation { save(input: Input!): String }
                                        input Filter { name: String, tags: [String!], nested: Filter, on: Date }
                                        input Input { name: String!, lines: [Line!] }
                                        input Line { text: String, on: Date }
                                        """), wiring))
                .instrumentation(new QueryLimitsInstrumentation(ROOMY))
                .build();
    }

    static List<Arguments> unsafeText() {
        return List.of(
                Arguments.of(
                        "{ find(text: \"a\\u0000b\") }",
                        Map.of(),
                        "Argument 'text' of field 'find' contains a control character (U+0000)"),
                Arguments.of(
                        "query ($t: String) { find(text: $t) }",
                        Map.of("t", "bell\u0007"),
                        "Argument 'text' of field 'find' contains a control character (U+0007)"),
                Arguments.of(
                        "query ($i: ID) { find(id: $i) }",
                        Map.of("i", "\u0000"),
                        "Argument 'id' of field 'find' contains a control character (U+0000)"),
                Arguments.of(
                        "query ($f: Filter) { find(filter: $f) }",
                        Map.of("f", Map.of("nested", Map.of("name", "escape\u001b[31m"))),
                        "Argument 'filter.nested.name' of field 'find' contains a control character (U+001B)"),
                Arguments.of(
                        "query ($f: Filter) { find(filter: $f) }",
                        Map.of("f", Map.of("tags", List.of("fine", "half \ud83d of a pair"))),
                        "Argument 'filter.tags[1]' of field 'find' contains an unpaired surrogate (U+D83D)"),
                Arguments.of(
                        "query ($n: [String!]) { find(names: $n) }",
                        Map.of("n", List.of("ok", "\udc00 first")),
                        "Argument 'names[1]' of field 'find' contains an unpaired surrogate (U+DC00)"),
                Arguments.of(
                        "mutation ($input: Input!) { save(input: $input) }",
                        Map.of("input", Map.of("name", "ok", "lines", List.of(Map.of("text", "x\u007f\u0001")))),
                        "Argument 'input.lines[0].text' of field 'save' contains a control character (U+0001)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unsafeText")
    void unsafe_text_in_any_argument_is_refused_naming_its_path_before_anything_is_fetched(
            String query, Map<String, Object> variables, String expected) {
        ExecutionResult result = run(query, variables);

        assertRefused(result, expected + TEXT_RULE);
    }

    static List<Arguments> notRealDates() {
        return List.of(
                Arguments.of("{ find(on: \"2026-02-30\") }", Map.of(), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "2026-04-31"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "99999-01-01"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "+99999-01-01"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "2026-13-01"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "2026-2-3"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "1899-12-31"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "3000-01-01"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "tomorrow"), "on", "find"),
                Arguments.of("query ($d: Date) { find(on: $d) }", Map.of("d", "2025-02-29"), "on", "find"),
                Arguments.of(
                        "query ($f: Filter) { find(filter: $f) }",
                        Map.of("f", Map.of("nested", Map.of("on", "2026-02-30"))),
                        "filter.nested.on",
                        "find"),
                Arguments.of(
                        "mutation ($input: Input!) { save(input: $input) }",
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "ok",
                                        "lines",
                                        List.of(Map.of("on", "2026-01-01"), Map.of("on", "2026-06-31")))),
                        "input.lines[1].on",
                        "save"));
    }

    @ParameterizedTest(name = "{2} = {1}")
    @MethodSource("notRealDates")
    void a_date_that_is_not_a_real_day_of_the_accepted_years_is_refused_naming_its_path(
            String query, Map<String, Object> variables, String path, String field) {
        ExecutionResult result = run(query, variables);

        assertRefused(result, "Argument '" + path + "' of field '" + field + "'" + DATE_RULE);
    }

    @Test
    void the_error_names_the_argument_as_a_user_errors_field_does_so_a_form_can_show_it_on_its_question() {
        ExecutionResult result = run(
                "mutation ($input: Input!) { save(input: $input) }",
                Map.of(
                        "input",
                        Map.of(
                                "name",
                                "ok",
                                "lines",
                                List.of(Map.of("on", "2026-01-01"), Map.of("on", "2026-06-31")))));
        ExecutionResult literal = run("{ find(on: \"2026-02-30\") }", Map.of());

        assertThat(result.getErrors())
                .singleElement()
                .satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("field", List.of("input", "lines", "1", "on")));
        assertThat(literal.getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("field", List.of("on")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "2024-02-29", "1900-01-01", "2999-12-31"})
    void a_real_date_reaches_the_fetcher_as_that_day(String day) {
        ExecutionResult result = run("query ($d: Date) { find(on: $d) }", Map.of("d", day));

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetched).singleElement().isEqualTo(Map.of("on", LocalDate.parse(day)));
    }

    @Test
    void tabs_line_breaks_and_whole_surrogate_pairs_are_text() {
        String text = "Line one\r\nLine two\tindented \ud83d\ude00 and \u007f";

        ExecutionResult result = run(
                "query ($t: String, $f: Filter) { find(text: $t, filter: $f) }",
                Map.of("t", text, "f", Map.of("tags", List.of(text))));

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetched).singleElement().isEqualTo(Map.of("text", text, "filter", Map.of("tags", List.of(text))));
    }

    @Test
    void every_broken_argument_is_reported_up_to_ten() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add("name " + i + "\u0000");
        }

        ExecutionResult result = run(
                "query ($n: [String!], $d: Date) { find(names: $n, on: $d) }",
                Map.of("n", names.subList(0, 2), "d", "2026-02-30"));
        ExecutionResult many = run("query ($n: [String!]) { find(names: $n) }", Map.of("n", names));

        assertThat(result.getErrors())
                .extracting(GraphQLError::getMessage)
                .containsExactly(
                        "Argument 'on' of field 'find'" + DATE_RULE,
                        "Argument 'names[0]' of field 'find' contains a control character (U+0000)" + TEXT_RULE,
                        "Argument 'names[1]' of field 'find' contains a control character (U+0000)" + TEXT_RULE);
        assertThat(many.getErrors()).hasSize(10);
        assertThat(fetched).isEmpty();
    }

    private void assertRefused(ExecutionResult result, String message) {
        assertThat(result.isDataPresent()).as("refused before execution").isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo(message);
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
        assertThat(fetched).as("no data fetcher ran").isEmpty();
    }

    private ExecutionResult run(String query, Map<String, Object> variables) {
        return engine.execute(
                ExecutionInput.newExecutionInput(query).variables(variables).build());
    }
}
