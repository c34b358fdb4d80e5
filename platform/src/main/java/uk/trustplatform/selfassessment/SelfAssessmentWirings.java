package uk.trustplatform.selfassessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The self-assessment feature's loaders and type wirings, one wiring per type. */
@Factory
final class SelfAssessmentWirings {

    @Singleton
    PerRequestLoader<UUID, List<SelfAssessmentRating>> ratingsOfAssessment(ReadingSelfAssessments reading) {
        return PerRequestLoader.of(ReadingSelfAssessments.RATINGS_OF_ASSESSMENT, reading::ratingsOf);
    }

    @Singleton
    PerRequestLoader<UUID, SelfAssessment> assessmentById(ReadingSelfAssessments reading) {
        return PerRequestLoader.of(ReadingSelfAssessments.ASSESSMENT_BY_ID, reading::byId);
    }

    @Singleton
    PerRequestLoader<UUID, ReadingSelfAssessments.Located> ratingAnsweredByAction(ReadingSelfAssessments reading) {
        return PerRequestLoader.of(ReadingSelfAssessments.RATING_ANSWERED_BY_ACTION, reading::answeredBy);
    }

    @Bean
    @Named(SelfAssessment.TYPE)
    GraphQLTypeWiring selfAssessment(ReadingSelfAssessments reading) {
        return () -> TypeRuntimeWiring.newTypeWiring(SelfAssessment.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                SelfAssessment.TYPE, assessment(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(PartnerDirectory.BY_ID)
                                .load(assessment(env).partnerOrganisationId()))
                .dataFetcher("levels", env -> assessment(env).scale().levels())
                .dataFetcher("carriedForwardFrom", env -> {
                    UUID earlier = assessment(env).carriedForwardFrom();
                    return earlier == null
                            ? null
                            : reading.visible(Callers.of(env), earlier).orElse(null);
                })
                .dataFetcher(
                        "ratings",
                        env -> env.<UUID, List<SelfAssessmentRating>>getDataLoader(
                                        ReadingSelfAssessments.RATINGS_OF_ASSESSMENT)
                                .load(assessment(env).id()))
                .build();
    }

    @Bean
    @Named(SelfAssessmentRating.TYPE)
    GraphQLTypeWiring selfAssessmentRating() {
        return () -> TypeRuntimeWiring.newTypeWiring(SelfAssessmentRating.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                SelfAssessmentRating.TYPE,
                                env.<SelfAssessmentRating>getSource().id()))
                .dataFetcher(
                        "selfAssessment",
                        env -> byId(env, env.<SelfAssessmentRating>getSource().assessmentId()))
                .build();
    }

    /** The partners not yet assessed, of the statutory ones only when the field's argument asks. */
    @Bean
    @Named("SelfAssessmentOverview")
    GraphQLTypeWiring overview() {
        return () -> TypeRuntimeWiring.newTypeWiring("SelfAssessmentOverview")
                .dataFetcher(
                        "notYetAssessed",
                        env -> env.<ComparingSelfAssessments.Overview>getSource()
                                .notYetAssessed(Boolean.TRUE.equals(env.getArgument("statutoryOnly"))))
                .build();
    }

    /** The field this feature adds to Action: the rated standard it answers. */
    @Bean
    @Named("Action.answersSelfAssessment")
    GraphQLTypeWiring action() {
        return () -> TypeRuntimeWiring.newTypeWiring("Action")
                .dataFetcher(
                        "answersSelfAssessment",
                        env -> env.<UUID, ReadingSelfAssessments.Located>getDataLoader(
                                        ReadingSelfAssessments.RATING_ANSWERED_BY_ACTION)
                                .load(env.<Audited>getSource().id())
                                .thenApply(found -> found == null ? null : found.rating()))
                .build();
    }

    private static Object byId(DataFetchingEnvironment env, UUID id) {
        return env.<UUID, SelfAssessment>getDataLoader(ReadingSelfAssessments.ASSESSMENT_BY_ID)
                .load(id);
    }

    private static SelfAssessment assessment(DataFetchingEnvironment env) {
        return env.getSource();
    }
}
