package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's descriptions are the partner developers' documentation, so every type, every field
 * (the ones features add with {@code extend type Query} too) and every input field has one.
 * Enum values are left to judgement: a region's name needs no words.
 */
class SchemaDescriptionsTest {

    private static final Path SCHEMA = Path.of("../schema.graphqls");
    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

    @Test
    void every_type_field_and_input_field_of_the_schema_is_described() throws IOException {
        assertThat(undescribed(Files.readString(SCHEMA)))
                .as("types and fields of %s with no description; partner developers read them", SCHEMA)
                .isEmpty();
    }

    @Test
    void an_undescribed_type_field_extension_field_or_input_field_is_found() {
        String sdl = """
                "The root."
                type Query {
                  "A plan."
                  plan: Plan
                }
                extend type Query { plans: [Plan] }
                type Plan { "Its title." title: String, status: String }
                input PlanInput { title: String }
                """;

        assertThat(undescribed(sdl))
                .containsExactlyInAnyOrder("Query.plans", "Plan", "Plan.status", "PlanInput", "PlanInput.title");
    }

    /** "Type" or "Type.field" for each named type, field and input field that has no description. */
    private static List<String> undescribed(String sdl) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || BUILT_IN_SCALARS.contains(type.getName())) {
                continue;
            }
            if (blank(type.getDescription())) {
                missing.add(type.getName());
            }
            Stream<Field> fields = switch (type) {
                case GraphQLFieldsContainer container ->
                    container.getFieldDefinitions().stream()
                            .map(field -> new Field(field.getName(), field.getDescription()));
                case GraphQLInputObjectType input ->
                    input.getFieldDefinitions().stream()
                            .map(field -> new Field(field.getName(), field.getDescription()));
                default -> Stream.empty();
            };
            fields.filter(field -> blank(field.description()))
                    .forEach(field -> missing.add(type.getName() + "." + field.name()));
        }
        return missing;
    }

    private record Field(String name, String description) {}

    private static boolean blank(String description) {
        return description == null || description.isBlank();
    }
}
