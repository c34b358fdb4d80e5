package uk.trustplatform.selfassessment;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.Objects;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The self-assessment feature's fields on Query. */
@Factory
final class SelfAssessmentQueries {

    @Bean
    @Named("selfAssessments.Query")
    GraphQLTypeWiring queries(ReadingSelfAssessments reading, ComparingSelfAssessments comparing, RatingScales scales) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
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
                                Fetched.<Integer>required(env, "year"),
                                Fetched.required(env, "framework"),
                                // A scale sent as null is the schema's default, as when left out.
                                Objects.requireNonNullElse(env.getArgument("scale"), RatingScale.HEAR_BY_RIGHT.code())))
                .dataFetcher("ratingScales", env -> {
                    Callers.of(env).requireTenant();
                    return scales.inForce();
                })
                .build();
    }
}
