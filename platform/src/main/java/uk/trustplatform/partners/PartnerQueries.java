package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The partners feature's fields on Query. */
@Singleton
final class PartnerQueries implements GraphQLTypeWiring {

    private final ReadingPartnerOrganisations organisations;
    private final ReadingGovernanceBodies bodies;
    private final FindingPartnerGaps gaps;

    PartnerQueries(ReadingPartnerOrganisations organisations, ReadingGovernanceBodies bodies, FindingPartnerGaps gaps) {
        this.organisations = organisations;
        this.bodies = bodies;
        this.gaps = gaps;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "partnerOrganisations",
                        env -> organisations.page(
                                Callers.of(env), PageRequest.of(env, ReadingPartnerOrganisations.CURSORS)))
                .dataFetcher(
                        "governanceBodies",
                        env -> bodies.page(Callers.of(env), PageRequest.of(env, ReadingGovernanceBodies.CURSORS)))
                .dataFetcher("partnerGaps", env -> gaps.find(Callers.of(env)))
                .build();
    }
}
