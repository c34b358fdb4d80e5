package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
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
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .load(env.<FindingPartnerGaps.Shortfall>getSource()
                                        .partnerOrganisationId()))
                .build();
    }
}
