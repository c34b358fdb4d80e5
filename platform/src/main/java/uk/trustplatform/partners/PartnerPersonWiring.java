package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
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
                                Fetched.<PartnerPerson>source(env).id()))
                .dataFetcher("roles", env -> Fetched.<PartnerPerson>source(env).partnerRoles())
                .dataFetcher(
                        "invitedToSignIn",
                        env -> Fetched.<PartnerPerson>source(env).invitedAt() != null)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, ReadingPartnerOrganisations.BY_ID)
                                .load(Fetched.<PartnerPerson>source(env).partnerOrganisationId()))
                .build();
    }
}
