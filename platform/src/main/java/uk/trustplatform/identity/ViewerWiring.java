package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.SchemaTypes;

/** The Viewer type: the caller, with its tenant and organisation fetched under the normal read rules. */
@Singleton
final class ViewerWiring implements GraphQLTypeWiring {

    private final Nodes nodes;

    ViewerWiring(Nodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.VIEWER)
                .dataFetcher("tenant", env -> {
                    Caller caller = env.getSource();
                    return caller.inTenant()
                            ? nodes.find(SchemaTypes.TENANT, caller.tenantId(), caller)
                                    .orElse(null)
                            : null;
                })
                .dataFetcher("partnerOrganisation", env -> {
                    Caller caller = env.getSource();
                    return caller.partnerOrganisationId() == null
                            ? null
                            : nodes.find(SchemaTypes.PARTNER_ORGANISATION, caller.partnerOrganisationId(), caller)
                                    .orElse(null);
                })
                .build();
    }
}
