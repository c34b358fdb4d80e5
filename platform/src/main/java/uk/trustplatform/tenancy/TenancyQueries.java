package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The tenancy feature's fields on Query. */
@Singleton
final class TenancyQueries implements GraphQLTypeWiring {

    private final Tenants tenants;

    TenancyQueries(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "tenant",
                        env -> tenants.findBySlug(env.<String>getArgument("slug"))
                                .orElse(null))
                .build();
    }
}
