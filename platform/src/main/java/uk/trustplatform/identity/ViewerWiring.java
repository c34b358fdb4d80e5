package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Fetched;
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
                    Caller caller = Fetched.source(env);
                    UUID tenantId = caller.tenantId();
                    return tenantId != null
                            ? nodes.find(SchemaTypes.TENANT, tenantId, caller).orElse(null)
                            : null;
                })
                .dataFetcher("partnerOrganisation", env -> {
                    Caller caller = Fetched.source(env);
                    UUID partner = caller.partnerOrganisationId();
                    return partner == null
                            ? null
                            : nodes.find(SchemaTypes.PARTNER_ORGANISATION, partner, caller)
                                    .orElse(null);
                })
                .build();
    }
}
