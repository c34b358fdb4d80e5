package uk.trustplatform.api;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that the schema and the wiring describe the same API. graphql-java alone accepts a
 * fetcher for a field the schema does not have, and a root field with no fetcher (it would always
 * return null); we refuse both at start-up.
 */
final class WiringAgreement {

    private WiringAgreement() {}

    /** Every disagreement found, each a sentence naming the type and field; empty when they agree. */
    static List<String> disagreements(TypeDefinitionRegistry schema, RuntimeWiring wiring) {
        List<String> problems = new ArrayList<>();
        wiring.getDataFetchers().keySet().forEach(typeName -> {
            Set<String> fetched = Objects.requireNonNull(
                            wiring.getDataFetchers().get(typeName), "a type among the wiring's own")
                    .keySet();
            Optional<Set<String>> fields = fieldsOf(schema, typeName);
            if (fields.isEmpty()) {
                problems.add("Wiring names type " + typeName + ", which schema.graphqls does not define.");
                return;
            }
            fetched.stream()
                    .filter(field -> !fields.get().contains(field))
                    .sorted()
                    .forEach(field -> problems.add(
                            "Wiring fetches " + typeName + "." + field + ", which schema.graphqls does not define."));
        });
        wiring.getTypeResolvers().keySet().stream()
                .filter(typeName -> schema.getType(typeName).isEmpty())
                .forEach(typeName ->
                        problems.add("Wiring resolves type " + typeName + ", which schema.graphqls does not define."));
        for (String root : rootTypeNames(schema)) {
            Set<String> wired = wiring.getDataFetchers()
                    .getOrDefault(root, java.util.Map.of())
                    .keySet();
            fieldsOf(schema, root).orElse(Set.of()).stream()
                    .filter(field -> !wired.contains(field))
                    .sorted()
                    .forEach(field -> problems.add(
                            "schema.graphqls defines " + root + "." + field + ", but no wiring fetches it."));
        }
        return problems;
    }

    private static Optional<Set<String>> fieldsOf(TypeDefinitionRegistry schema, String typeName) {
        if (!(schema.getType(typeName).orElse(null) instanceof ImplementingTypeDefinition<?> implementing)) {
            return Optional.empty();
        }
        Stream<FieldDefinition> extensions = schema.objectTypeExtensions().getOrDefault(typeName, List.of()).stream()
                .flatMap(extension -> extension.getFieldDefinitions().stream());
        return Optional.of(Stream.concat(implementing.getFieldDefinitions().stream(), extensions)
                .map(FieldDefinition::getName)
                .collect(Collectors.toSet()));
    }

    private static List<String> rootTypeNames(TypeDefinitionRegistry schema) {
        return schema.schemaDefinition()
                .map(definition -> definition.getOperationTypeDefinitions().stream()
                        .map(operation -> operation.getTypeName().getName())
                        .toList())
                .orElseGet(() -> Stream.of(SchemaTypes.QUERY, SchemaTypes.MUTATION, "Subscription")
                        .filter(name ->
                                schema.getType(name, ObjectTypeDefinition.class).isPresent())
                        .toList());
    }
}
