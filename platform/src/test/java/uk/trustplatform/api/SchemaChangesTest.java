package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API breaks no partner system by accident: schema.graphqls against the schema partner systems
 * were last given (docs/api/released-schema.graphqls), by graphql-java's schema diff. A breaking
 * change (a field or type removed, an argument made required, a type narrowed) fails the build
 * until the commit that makes it lists it in docs/api/intended-breaking-changes.txt, with why.
 */
class SchemaChangesTest {

    private static final Path CURRENT = Path.of("../schema.graphqls");
    private static final Path RELEASED = Path.of("../docs/api/released-schema.graphqls");
    private static final Path INTENDED = Path.of("../docs/api/intended-breaking-changes.txt");

    @Test
    void the_schema_breaks_nothing_released_that_is_not_listed_as_intended() throws IOException {
        List<String> breakages = breakages(Files.readString(RELEASED), Files.readString(CURRENT));
        List<String> intended = Files.readAllLines(INTENDED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(" -- ", 2)[0].strip())
                .toList();

        assertThat(breakages)
                .as("breaking changes since the released schema; list each one meant in " + INTENDED)
                .isSubsetOf(intended);
        assertThat(intended)
                .as("lines of %s that are no longer breaking changes", INTENDED)
                .isSubsetOf(breakages);
    }

    @Test
    void a_removed_field_an_extension_a_required_argument_and_a_narrowed_type_are_breaking_and_an_added_field_is_not() {
        String released = """
                type Query { plan(id: ID!): Plan, plans(first: Int): [Plan] }
                type Plan { id: ID!, title: String, status: String }
                extend type Query { forums: [String] }
                """;

        assertThat(breakages(released, released.replace(", status: String", "")))
                .containsExactly("Plan.status: The new API is missing the field 'Plan.status'");
        assertThat(breakages(released, released.replace("extend type Query { forums: [String] }", "")))
                .as("a field a feature adds with extend type")
                .containsExactly("Query.forums: The new API is missing the field 'Query.forums'");
        assertThat(breakages(released, released.replace("first: Int", "first: Int!")))
                .singleElement()
                .asString()
                .startsWith("Query.plans:");
        assertThat(breakages(released, released.replace("title: String", "title: Int")))
                .singleElement()
                .asString()
                .startsWith("Plan.title:");
        assertThat(breakages(released, released.replace("status: String", "status: String, lead: String")))
                .isEmpty();
    }

    /** The breaking changes from one schema to the next, each as "Type.field: reason". */
    private static List<String> breakages(String released, String current) {
        CapturingReporter reporter = new CapturingReporter();
        // As introspected schemas: a diff of the SDL documents would not see the fields that
        // features add with `extend type Query`.
        new SchemaDiff()
                .diffSchema(SchemaDiffSet.diffSetFromIntrospection(schema(released), schema(current)), reporter);
        return reporter.getBreakages().stream().map(SchemaChangesTest::line).toList();
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    private static String line(DiffEvent event) {
        String where =
                event.getFieldName() == null ? event.getTypeName() : event.getTypeName() + "." + event.getFieldName();
        return where + ": " + event.getReasonMsg();
    }
}
