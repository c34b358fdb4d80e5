package uk.trustplatform.selfassessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;

/** The self-assessment feature's fields on Query and Mutation. */
@Factory
final class SelfAssessmentOperations {

    @Bean
    @Named("selfAssessments.Query")
    GraphQLTypeWiring queries(ReadingSelfAssessments reading, ComparingSelfAssessments comparing, RatingScales scales) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "selfAssessments",
                        env -> reading.page(
                                Callers.of(env),
                                PageRequest.of(env, ReadingSelfAssessments.CURSORS),
                                env.getArgument("year")))
                .dataFetcher(
                        "selfAssessmentOverview",
                        env -> comparing.of(
                                Callers.of(env),
                                env.getArgument("year"),
                                env.getArgument("framework"),
                                env.getArgument("scale")))
                .dataFetcher("ratingScales", env -> {
                    Callers.of(env).requireTenant();
                    return scales.inForce();
                })
                .build();
    }

    @Bean
    @Named("selfAssessments.Mutation")
    GraphQLTypeWiring mutations(KeepingSelfAssessments keeping, TurningGapsIntoActions gaps) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("startSelfAssessment", env -> keeping.start(Callers.of(env), input(env)))
                .dataFetcher("rateSelfAssessmentStandard", env -> keeping.rate(Callers.of(env), input(env)))
                .dataFetcher("submitSelfAssessment", env -> keeping.submit(Callers.of(env), input(env)))
                .dataFetcher("reviewSelfAssessment", env -> keeping.review(Callers.of(env), input(env)))
                .dataFetcher("addActionForSelfAssessmentGap", env -> gaps.addAction(Callers.of(env), input(env)))
                .build();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
