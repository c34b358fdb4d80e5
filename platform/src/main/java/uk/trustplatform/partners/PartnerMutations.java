package uk.trustplatform.partners;

import graphql.schema.DataFetchingEnvironment;
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
    private final KeepingPartnerPeople people;
    private final KeepingGovernanceBodies bodies;

    PartnerMutations(
            RegisteringPartnerOrganisation registering,
            UpdatingPartnerOrganisation updating,
            KeepingPartnerPeople people,
            KeepingGovernanceBodies bodies) {
        this.registering = registering;
        this.updating = updating;
        this.people = people;
        this.bodies = bodies;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher(
                        "registerPartnerOrganisation",
                        env -> registering.register(Callers.of(env), PartnerOrganisationInput.from(input(env))))
                .dataFetcher(
                        "updatePartnerOrganisation",
                        env -> updating.update(
                                Callers.of(env),
                                (String) input(env).get("id"),
                                ((Number) input(env).get("version")).longValue(),
                                PartnerOrganisationInput.from(input(env))))
                .dataFetcher("savePartnerPerson", env -> people.save(Callers.of(env), input(env)))
                .dataFetcher(
                        "removePartnerPerson",
                        env -> people.remove(
                                Callers.of(env),
                                (String) input(env).get("id"),
                                ((Number) input(env).get("version")).longValue()))
                .dataFetcher(
                        "invitePartnerLead",
                        env -> people.invite(
                                Callers.of(env), (String) input(env).get("personId")))
                .dataFetcher("saveGovernanceBody", env -> bodies.save(Callers.of(env), input(env)))
                .dataFetcher("addGovernanceMembership", env -> bodies.addMembership(Callers.of(env), input(env)))
                .dataFetcher(
                        "removeGovernanceMembership",
                        env -> bodies.removeMembership(
                                Callers.of(env), (String) input(env).get("id")))
                .build();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
