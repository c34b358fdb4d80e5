package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.trustplatform.api.GraphQLTypeWiring;

/** Tenancy's Query wiring with Query.tenant left out, present only when StrictWiringIT asks for it. */
@Singleton
@Replaces(TenancyQueries.class)
@Requires(property = "test.wiring", value = "missing-root-field")
final class MissingTenantQueryWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Query").build();
    }
}
