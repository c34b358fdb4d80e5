package uk.trustplatform.isolation;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The lists of schema.graphqls that page with a cursor: every Query field with an {@code after} argument. */
final class ConnectionFields {

    private ConnectionFields() {}

    static List<String> all() {
        try (InputStream schema = ConnectionFields.class.getResourceAsStream("/schema.graphqls")) {
            TypeDefinitionRegistry registry =
                    new SchemaParser().parse(new InputStreamReader(schema, StandardCharsets.UTF_8));
            return Stream.concat(
                            registry.getType("Query", ObjectTypeDefinition.class).stream(),
                            registry.objectTypeExtensions().getOrDefault("Query", List.of()).stream())
                    .flatMap(type -> type.getFieldDefinitions().stream())
                    .filter(field -> field.getInputValueDefinitions().stream()
                            .anyMatch(argument -> argument.getName().equals("after")))
                    .map(FieldDefinition::getName)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of a list one row long, after the cursor in the variable {@code after}, with its cursors. */
    static String oneRow(String field) {
        return "query ($after: String) { " + field + "(first: 1, after: $after) { edges { cursor }"
                + " pageInfo { hasNextPage endCursor } } }";
    }
}
