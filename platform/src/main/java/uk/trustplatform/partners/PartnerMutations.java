package uk.trustplatform.partners;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

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
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "registerPartnerOrganisation",
                        env -> registering.register(Callers.of(env), PartnerOrganisationInput.from(input(env))))
                .dataFetcher(
                        "updatePartnerOrganisation",
                        env -> updating.update(Callers.of(env), UpdatePartnerOrganisation.from(input(env))))
                .dataFetcher(
                        "savePartnerPerson", env -> people.save(Callers.of(env), SavePartnerPerson.from(input(env))))
                .dataFetcher(
                        "removePartnerPerson",
                        env -> people.remove(
                                Callers.of(env),
                                input(env).requiredString("id"),
                                input(env).version("version")))
                .dataFetcher(
                        "invitePartnerLead",
                        env -> people.invite(Callers.of(env), input(env).requiredString("personId")))
                .dataFetcher(
                        "saveGovernanceBody", env -> bodies.save(Callers.of(env), SaveGovernanceBody.from(input(env))))
                .dataFetcher(
                        "addGovernanceMembership",
                        env -> bodies.addMembership(Callers.of(env), AddGovernanceMembership.from(input(env))))
                .dataFetcher(
                        "removeGovernanceMembership",
                        env -> bodies.removeMembership(
                                Callers.of(env), input(env).requiredString("id")))
                .build();
    }

    private static InputFields input(DataFetchingEnvironment env) {
        return InputFields.input(env);
    }
}
