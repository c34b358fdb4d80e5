package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;

/** The partners feature's fields on Query. */
@Singleton
final class PartnerQueries implements GraphQLTypeWiring {

    private final ReadingPartnerOrganisations reading;

    PartnerQueries(ReadingPartnerOrganisations reading) {
        this.reading = reading;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("partnerOrganisations", env -> reading.page(Callers.of(env), PageRequest.of(env, 2)))
                .build();
    }
}
