package uk.trustplatform.api;

import graphql.GraphQL;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Builds the one GraphQL engine from {@code schema.graphqls} (packaged at the root of the jar)
 * and every {@link GraphQLTypeWiring} bean. Start-up fails when the schema is missing, or when
 * schema and wiring disagree.
 */
@Factory
final class GraphQLFactory {

    static final String SCHEMA_RESOURCE = "classpath:schema.graphqls";

    static {
        // A field given two fetchers inside one type wiring is a programming error, not an override.
        TypeRuntimeWiring.setStrictModeJvmWide(true);
    }

    /** Created eagerly, so a schema/wiring mismatch stops the application at start-up. */
    @Context
    @Requires(notEnv = Environments.MIGRATION_JOB)
    @Bean
    GraphQL graphQL(
            ResourceResolver resources,
            List<GraphQLTypeWiring> wirings,
            List<SharedFieldWiring> sharedFields,
            GraphQLLimits limits,
            RequestScope scope) {
        TypeDefinitionRegistry schema = new SchemaParser().parse(readSchema(resources));
        RuntimeWiring wiring = runtimeWiring(
                Stream.concat(
                                wirings.stream().map(GraphQLTypeWiring::typeWiring),
                                sharedFields.stream().flatMap(shared -> shared.typeWirings().stream()))
                        .toList(),
                scope);
        List<String> problems = WiringAgreement.disagreements(schema, wiring);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "schema.graphqls and the GraphQL wiring disagree:\n  " + String.join("\n  ", problems));
        }
        GraphQLSchema executable = new SchemaGenerator().makeExecutableSchema(schema, wiring);
        return GraphQL.newGraphQL(executable)
                .instrumentation(new RequestInstrumentation(limits))
                .defaultDataFetcherExceptionHandler(new MaskingExceptionHandler())
                .build();
    }

    private static String readSchema(ResourceResolver resources) {
        InputStream schema = resources
                .getResourceAsStream(SCHEMA_RESOURCE)
                .orElseThrow(() -> new IllegalStateException(
                        "schema.graphqls is not on the classpath; the build copies it from the repository root"));
        try (schema) {
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("schema.graphqls could not be read", e);
        }
    }

    /**
     * Merges the beans' wirings field by field, so a feature may add fields to another's type
     * (`extend type` in the schema); two fetchers for one field stop start-up. Each mutation field
     * runs atomically, so a failing one undoes only its own writes.
     */
    static RuntimeWiring runtimeWiring(List<TypeRuntimeWiring> wirings, RequestScope scope) {
        Map<String, Map<String, DataFetcher<?>>> fetchers = new LinkedHashMap<>();
        Map<String, TypeRuntimeWiring.Builder> types = new LinkedHashMap<>();
        for (TypeRuntimeWiring wiring : wirings) {
            String type = wiring.getTypeName();
            TypeRuntimeWiring.Builder merged = types.computeIfAbsent(type, TypeRuntimeWiring::newTypeWiring);
            if (wiring.getTypeResolver() != null) {
                merged.typeResolver(wiring.getTypeResolver());
            }
            if (wiring.getDefaultDataFetcher() != null) {
                merged.defaultDataFetcher(wiring.getDefaultDataFetcher());
            }
            Map<String, DataFetcher<?>> fields = fetchers.computeIfAbsent(type, name -> new LinkedHashMap<>());
            wiring.getFieldDataFetchers().forEach((field, fetcher) -> {
                DataFetcher<?> wired = type.equals(SchemaTypes.MUTATION) ? atomic(fetcher, scope) : fetcher;
                if (fields.putIfAbsent(field, wired) != null) {
                    throw new IllegalStateException(
                            "Two wirings fetch " + type + "." + field + "; one field, one fetcher.");
                }
            });
        }
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring()
                .strictMode()
                .scalar(DateScalar.DATE)
                .scalar(ExtendedScalars.DateTime);
        types.forEach((type, merged) -> {
            Objects.requireNonNull(fetchers.get(type), "each wiring's type is put in both maps")
                    .forEach(merged::dataFetcher);
            builder.type(merged);
        });
        return builder.build();
    }

    private static DataFetcher<?> atomic(DataFetcher<?> fetcher, RequestScope scope) {
        return env -> scope.atomically(() -> {
            try {
                return fetcher.get(env);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
