package uk.trustplatform.identity;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.SchemaTypes;
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
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher("registerPartnerIntegration", env -> {
                    InputFields input = InputFields.input(env);
                    return integrations.register(
                            Callers.of(env),
                            input.requiredString("partnerOrganisationId"),
                            input.requiredString("name"));
                })
                .dataFetcher(
                        "withdrawPartnerIntegration",
                        env -> keptIntegrations.withdraw(
                                Callers.of(env),
                                Inputs.trimmed(InputFields.input(env).string("clientId"))))
                .dataFetcher(
                        "linkIdentityProvider",
                        env -> providers.link(Callers.of(env), Link.from(InputFields.input(env))))
                .build();
    }
}
