package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The identity feature's fields on Query. */
@Singleton
final class IdentityQueries implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("viewer", env -> Callers.of(env))
                .build();
    }
}
