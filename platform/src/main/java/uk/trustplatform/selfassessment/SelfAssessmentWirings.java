package uk.trustplatform.selfassessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.actionplans.AddingActions;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.SchemaTypes;
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

    @Singleton
    PerRequestLoader<UUID, List<UUID>> actionsOfRating(ReadingSelfAssessments reading) {
        return PerRequestLoader.of(ReadingSelfAssessments.ACTIONS_OF_RATING, reading::actionsOf);
    }

    @Bean
    @Named(SelfAssessment.TYPE)
    GraphQLTypeWiring selfAssessment(ReadingSelfAssessments reading, RatingScales scales) {
        return () -> TypeRuntimeWiring.newTypeWiring(SelfAssessment.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                SelfAssessment.TYPE, assessment(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                                .load(assessment(env).partnerOrganisationId()))
                .dataFetcher("scaleName", env -> scales.of(assessment(env)).name())
                .dataFetcher("levels", env -> scales.of(assessment(env)).levels())
                .dataFetcher("carriedForwardFrom", env -> {
                    UUID earlier = assessment(env).carriedForwardFrom();
                    return earlier == null
                            ? null
                            : reading.visible(Callers.of(env), earlier).orElse(null);
                })
                .dataFetcher(
                        "ratings",
                        env -> Fetched.<UUID, List<SelfAssessmentRating>>loader(
                                        env, ReadingSelfAssessments.RATINGS_OF_ASSESSMENT)
                                .load(assessment(env).id()))
                .build();
    }

    @Bean
    @Named(SelfAssessmentRating.TYPE)
    GraphQLTypeWiring selfAssessmentRating(RatingScales scales) {
        return () -> TypeRuntimeWiring.newTypeWiring(SelfAssessmentRating.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                SelfAssessmentRating.TYPE,
                                Fetched.<SelfAssessmentRating>source(env).id()))
                .dataFetcher(
                        "selfAssessment",
                        env -> byId(
                                env, Fetched.<SelfAssessmentRating>source(env).assessmentId()))
                .dataFetcher("levelLabel", env -> {
                    SelfAssessmentRating rating = Fetched.source(env);
                    return byId(env, rating.assessmentId())
                            .thenApply(assessment -> assessment == null
                                    ? null
                                    : scales.of(assessment).label(rating.level()));
                })
                .dataFetcher(
                        "actions",
                        env -> Fetched.<UUID, List<UUID>>loader(env, ReadingSelfAssessments.ACTIONS_OF_RATING)
                                .load(Fetched.<SelfAssessmentRating>source(env).id())
                                .thenCompose(ids -> Fetched.<UUID, Object>loader(env, AddingActions.ACTIONS_BY_ID)
                                        .loadMany(ids))
                                .thenApply(actions -> actions.stream()
                                        .filter(Objects::nonNull)
                                        .toList()))
                .build();
    }

    /** The partners not yet assessed, of the statutory ones only when the field's argument asks. */
    @Bean
    @Named(SchemaTypes.SELF_ASSESSMENT_OVERVIEW)
    GraphQLTypeWiring overview() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.SELF_ASSESSMENT_OVERVIEW)
                .dataFetcher(
                        "notYetAssessed",
                        env -> Fetched.<ComparingSelfAssessments.Overview>source(env)
                                .notYetAssessed(Boolean.TRUE.equals(env.getArgument("statutoryOnly"))))
                .build();
    }

    /** The field this feature adds to Action: the rated standard it answers. */
    @Bean
    @Named("Action.answersSelfAssessment")
    GraphQLTypeWiring action() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.ACTION)
                .dataFetcher(
                        "answersSelfAssessment",
                        env -> Fetched.<UUID, ReadingSelfAssessments.Located>loader(
                                        env, ReadingSelfAssessments.RATING_ANSWERED_BY_ACTION)
                                .load(Fetched.<Audited>source(env).id())
                                .thenApply(found -> found == null ? null : found.rating()))
                .build();
    }

    private static CompletableFuture<SelfAssessment> byId(DataFetchingEnvironment env, UUID id) {
        return Fetched.<UUID, SelfAssessment>loader(env, ReadingSelfAssessments.ASSESSMENT_BY_ID)
                .load(id);
    }

    private static SelfAssessment assessment(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
