package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.Fetched;
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
                                Fetched.<GovernanceMembership>source(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, ReadingPartnerOrganisations.BY_ID)
                                .load(Fetched.<GovernanceMembership>source(env).partnerOrganisationId()))
                .dataFetcher("person", env -> {
                    UUID person = Fetched.<GovernanceMembership>source(env).partnerPersonId();
                    return person == null
                            ? CompletableFuture.completedFuture(null)
                            : Fetched.<UUID, PartnerPerson>loader(env, ReadingPartnerPeople.BY_ID)
                                    .load(person);
                })
                .build();
    }
}
