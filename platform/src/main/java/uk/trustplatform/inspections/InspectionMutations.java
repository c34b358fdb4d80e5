package uk.trustplatform.inspections;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** Inspections' fields on Mutation, each input read into its command at this edge. */
@Factory
final class InspectionMutations {

    @Bean
    @Named("inspections.Mutation")
    GraphQLTypeWiring mutations(KeepingInspections keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "saveInspection",
                        env -> keeping.save(Callers.of(env), SaveInspection.from(InputFields.input(env))))
                .dataFetcher(
                        "reportInspection",
                        env -> keeping.report(Callers.of(env), ReportInspection.from(InputFields.input(env))))
                .dataFetcher(
                        "respondToRecommendation",
                        env -> keeping.respond(Callers.of(env), RespondToRecommendation.from(InputFields.input(env))))
                .build();
    }
}
