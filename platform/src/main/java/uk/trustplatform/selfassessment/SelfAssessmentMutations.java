package uk.trustplatform.selfassessment;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The self-assessment feature's fields on Mutation, each input read into its command at this edge. */
@Factory
final class SelfAssessmentMutations {

    @Bean
    @Named("selfAssessments.Mutation")
    GraphQLTypeWiring mutations(KeepingSelfAssessments keeping, TurningGapsIntoActions gaps) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "startSelfAssessment",
                        env -> keeping.start(Callers.of(env), StartSelfAssessment.from(InputFields.input(env))))
                .dataFetcher(
                        "rateSelfAssessmentStandard",
                        env -> keeping.rate(Callers.of(env), RateSelfAssessmentStandard.from(InputFields.input(env))))
                .dataFetcher(
                        "submitSelfAssessment",
                        env -> keeping.submit(Callers.of(env), SelfAssessmentTransition.from(InputFields.input(env))))
                .dataFetcher(
                        "reviewSelfAssessment",
                        env -> keeping.review(Callers.of(env), ReviewSelfAssessment.from(InputFields.input(env))))
                .dataFetcher(
                        "addActionForSelfAssessmentGap",
                        env -> gaps.addAction(
                                Callers.of(env), AddActionForSelfAssessmentGap.from(InputFields.input(env))))
                .build();
    }
}
