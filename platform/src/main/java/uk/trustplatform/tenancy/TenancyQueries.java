package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The tenancy feature's fields on Query. */
@Singleton
final class TenancyQueries implements GraphQLTypeWiring {

    private final TenantDirectory directory;

    TenancyQueries(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "tenant",
                        env -> directory
                                .visibleBySlug(Fetched.<String>required(env, "slug"), Callers.of(env))
                                .orElse(null))
                .dataFetcher("partnerships", env -> directory.active())
                .dataFetcher("tenants", env -> directory.all(Callers.of(env)))
                .build();
    }
}
