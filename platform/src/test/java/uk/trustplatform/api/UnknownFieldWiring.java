package uk.trustplatform.api;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A wiring for a field the schema lacks, present only when StrictWiringIT asks for it. */
@Singleton
@Requires(property = "test.wiring", value = "unknown-field")
final class UnknownFieldWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("treasurer", env -> "nobody")
                .build();
    }
}
