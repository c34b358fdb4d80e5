package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The identity feature's fields on Query. */
@Singleton
final class IdentityQueries implements GraphQLTypeWiring {

    private final KeepingPartnerIntegrations integrations;
    private final LinkingIdentityProvider providers;

    IdentityQueries(KeepingPartnerIntegrations integrations, LinkingIdentityProvider providers) {
        this.integrations = integrations;
        this.providers = providers;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher("viewer", env -> Callers.of(env))
                .dataFetcher("partnerIntegrations", env -> integrations.list(Callers.of(env)))
                .dataFetcher("tenantSignIn", env -> providers.signIn(Callers.of(env)))
                .build();
    }
}
