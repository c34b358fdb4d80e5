package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.identity.LinkingIdentityProvider.Link;

/** The identity feature's fields on Mutation. */
@Singleton
final class IdentityMutations implements GraphQLTypeWiring {

    private final RegisteringPartnerIntegration integrations;
    private final KeepingPartnerIntegrations keptIntegrations;
    private final LinkingIdentityProvider providers;

    IdentityMutations(
            RegisteringPartnerIntegration integrations,
            KeepingPartnerIntegrations keptIntegrations,
            LinkingIdentityProvider providers) {
        this.integrations = integrations;
        this.keptIntegrations = keptIntegrations;
        this.providers = providers;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("registerPartnerIntegration", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return integrations.register(
                            Callers.of(env), (String) input.get("partnerOrganisationId"), (String) input.get("name"));
                })
                .dataFetcher("withdrawPartnerIntegration", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return keptIntegrations.withdraw(Callers.of(env), text(input, "clientId"));
                })
                .dataFetcher("linkIdentityProvider", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return providers.link(
                            Callers.of(env),
                            new Link(
                                    text(input, "tenantSlug"),
                                    text(input, "alias"),
                                    text(input, "displayName"),
                                    text(input, "issuer"),
                                    text(input, "authorizationUrl"),
                                    text(input, "tokenUrl"),
                                    text(input, "clientId"),
                                    text(input, "clientSecret"),
                                    text(input, "emailDomain")));
                })
                .build();
    }

    private static String text(Map<String, Object> input, String name) {
        return ((String) input.get(name)).strip();
    }
}
