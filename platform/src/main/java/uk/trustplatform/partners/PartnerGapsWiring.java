package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of PartnerGaps. */
@Singleton
final class PartnerGapsWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTNER_GAPS)
                .dataFetcher(
                        "withoutStrategicLead",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, ReadingPartnerOrganisations.BY_ID)
                                .loadMany(Fetched.<FindingPartnerGaps.Gaps>source(env)
                                        .withoutStrategicLead()))
                .build();
    }
}
