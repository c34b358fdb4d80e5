package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** How a Tenant's fields are fetched; the rest map to the record's components by name. */
@Singleton
final class TenantWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.TENANT)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                Tenant.TYPE, Fetched.<Tenant>source(env).id()))
                .dataFetcher(
                        "councils",
                        env -> Fetched.<UUID, List<Council>>loader(env, CouncilsOfTenants.NAME)
                                .load(Fetched.<Tenant>source(env).id())
                                .thenApply(councils -> councils == null ? List.of() : councils))
                .build();
    }
}
