package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;

/** A PartnerPerson's fields; their organisation is loaded in batches. */
@Singleton
final class PartnerPersonWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(PartnerPerson.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                PartnerPerson.TYPE,
                                env.<PartnerPerson>getSource().id()))
                .dataFetcher("roles", env -> env.<PartnerPerson>getSource().partnerRoles())
                .dataFetcher(
                        "invitedToSignIn", env -> env.<PartnerPerson>getSource().invitedAt() != null)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .load(env.<PartnerPerson>getSource().partnerOrganisationId()))
                .build();
    }
}
