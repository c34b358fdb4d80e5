package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every query and mutation of schema.graphqls is in the operation catalogue, and no other GraphQL operation is. */
class SchemaCoverageTest {

    @Test
    void every_operation_of_the_schema_has_an_isolation_and_permission_entry() throws IOException {
        List<String> catalogued = OperationCatalogue.all().stream()
                .map(Operation::name)
                .filter(name -> name.startsWith("Query.") || name.startsWith("Mutation."))
                .toList();

        assertThat(catalogued)
                .as(
                        "operations of schema.graphqls; describe a new one in its feature's catalogue (isolation/*Catalogue.java)")
                .containsExactlyInAnyOrderElementsOf(schemaOperations());
    }

    /** The root fields of Query and Mutation (with their extensions), as "Query.tenant", read from the packaged schema. */
    static List<String> schemaOperations() throws IOException {
        try (InputStream schema = SchemaCoverageTest.class.getResourceAsStream("/schema.graphqls")) {
            TypeDefinitionRegistry registry =
                    new SchemaParser().parse(new InputStreamReader(schema, StandardCharsets.UTF_8));
            return Stream.of("Query", "Mutation")
                    .flatMap(root -> Stream.concat(
                            registry.getType(root, ObjectTypeDefinition.class).stream(),
                            registry.objectTypeExtensions().getOrDefault(root, List.of()).stream()))
                    .flatMap(type ->
                            type.getFieldDefinitions().stream().map(field -> type.getName() + "." + field.getName()))
                    .toList();
        }
    }
}
