package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of ChampionShortfall. */
@Singleton
final class ChampionShortfallWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.CHAMPION_SHORTFALL)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, ReadingPartnerOrganisations.BY_ID)
                                .load(Fetched.<FindingPartnerGaps.Shortfall>source(env)
                                        .partnerOrganisationId()))
                .build();
    }
}
