package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of GovernanceMembership. */
@Singleton
final class GovernanceMembershipWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.GOVERNANCE_MEMBERSHIP)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                GovernanceMembership.TYPE,
                                env.<GovernanceMembership>getSource().id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .load(env.<GovernanceMembership>getSource().partnerOrganisationId()))
                .dataFetcher("person", env -> {
                    UUID person = env.<GovernanceMembership>getSource().partnerPersonId();
                    return person == null
                            ? CompletableFuture.completedFuture(null)
                            : env.<UUID, PartnerPerson>getDataLoader(ReadingPartnerPeople.BY_ID)
                                    .load(person);
                })
                .build();
    }
}
