package uk.trustplatform.inspections;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** Inspections by young inspectors: their fields on Query. */
@Factory
final class InspectionQueries {

    @Bean
    @Named("inspections.Query")
    GraphQLTypeWiring queries(ReadingInspections reading, PublicKiteMarks kiteMarks) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "inspections",
                        env -> reading.page(Callers.of(env), PageRequest.of(env, ReadingInspections.CURSORS)))
                .dataFetcher("publicKiteMarks", env -> kiteMarks.of(Fetched.required(env, "tenantSlug")))
                .build();
    }
}
