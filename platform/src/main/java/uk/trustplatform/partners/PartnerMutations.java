package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The partners feature's fields on Mutation. */
@Singleton
final class PartnerMutations implements GraphQLTypeWiring {

    private final RegisteringPartnerOrganisation registering;
    private final UpdatingPartnerOrganisation updating;

    PartnerMutations(RegisteringPartnerOrganisation registering, UpdatingPartnerOrganisation updating) {
        this.registering = registering;
        this.updating = updating;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher(
                        "registerPartnerOrganisation",
                        env -> registering.register(
                                Callers.of(env), PartnerOrganisationInput.from(env.getArgument("input"))))
                .dataFetcher("updatePartnerOrganisation", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return updating.update(
                            Callers.of(env),
                            (String) input.get("id"),
                            ((Number) input.get("version")).longValue(),
                            PartnerOrganisationInput.from(input));
                })
                .build();
    }
}
