package uk.trustplatform.youthforums;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** Youth forums' recommendations' fields on Query and Mutation, and their types' fields. */
@Factory
final class RecommendationOperations {

    private static final String REPLY_DAYS = "recommendationReplyDaysOfTenant";

    @Bean
    @Named("youthforums.Query")
    GraphQLTypeWiring queries(ReadingRecommendations reading, PublicRecommendations published, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "youthForumRecommendations",
                        env -> reading.page(
                                Callers.of(env),
                                PageRequest.of(env, ReadingRecommendations.CURSORS),
                                state(env),
                                asOf(env, clock)))
                .dataFetcher("youthForumRecommendationCounts", env -> reading.counts(Callers.of(env), asOf(env, clock)))
                .dataFetcher("youthForumsSaidWeDid", env -> published.of(Fetched.required(env, "tenantSlug")))
                .build();
    }

    @Bean
    @Named("youthforums.Mutation")
    GraphQLTypeWiring mutations(KeepingRecommendations keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "saveYouthForumRecommendation",
                        env -> keeping.save(Callers.of(env), SaveYouthForumRecommendation.from(InputFields.input(env))))
                .dataFetcher(
                        "answerYouthForumRecommendation",
                        env -> keeping.answer(
                                Callers.of(env), AnswerYouthForumRecommendation.from(InputFields.input(env))))
                .build();
    }

    /** Each tenant's reply time, read once for all the recommendations of a response. */
    @Singleton
    PerRequestLoader<UUID, Integer> replyDays(ReadingRecommendations reading) {
        return PerRequestLoader.of(
                REPLY_DAYS,
                tenants -> tenants.stream().collect(Collectors.toMap(Function.identity(), reading::replyDays)));
    }

    @Bean
    @Named(Recommendation.TYPE)
    GraphQLTypeWiring recommendation(LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(Recommendation.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(Recommendation.TYPE, source(env).id()))
                .dataFetcher(
                        "addressedTo",
                        env -> source(env).addressedToBoard()
                                ? KeepingRecommendations.Addressee.BOARD
                                : KeepingRecommendations.Addressee.PARTNER)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> organisation(env, source(env).addressedToId()))
                .dataFetcher("recordedBy", env -> organisation(env, source(env).recordedById()))
                .dataFetcher(
                        "replyDueOn",
                        env -> replyDays(env).thenApply(days -> source(env).replyDueOn(days)))
                .dataFetcher(
                        "overdue",
                        env -> replyDays(env).thenApply(days -> source(env).overdueOn(asOf(env, clock), days)))
                .dataFetcher("reply", env -> source(env).answered() ? source(env) : null)
                .build();
    }

    @Bean
    @Named(SchemaTypes.RECOMMENDATION_REPLY)
    GraphQLTypeWiring reply() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.RECOMMENDATION_REPLY)
                .dataFetcher("text", env -> source(env).reply())
                .dataFetcher("reason", env -> source(env).outcomeReason())
                .build();
    }

    /** The partner, through the request's loader (null when none, or when the caller may not see it). */
    private static @Nullable Object organisation(DataFetchingEnvironment env, @Nullable UUID id) {
        return id == null
                ? null
                : Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                        .load(id);
    }

    private static CompletableFuture<Integer> replyDays(DataFetchingEnvironment env) {
        return Fetched.<UUID, Integer>loader(env, REPLY_DAYS)
                .load(UUID.fromString(source(env).tenantId()));
    }

    /** The state asked for; sent as null, the schema's default (ALL), as when left out. */
    private static ReadingRecommendations.State state(DataFetchingEnvironment env) {
        String state = env.getArgument("state");
        return state == null ? ReadingRecommendations.State.ALL : ReadingRecommendations.State.valueOf(state);
    }

    private static LocalDate asOf(DataFetchingEnvironment env, LondonClock clock) {
        LocalDate asOf = env.getArgument("asOf");
        return asOf == null ? clock.today() : asOf;
    }

    private static Recommendation source(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
