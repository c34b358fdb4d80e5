package uk.trustplatform.feedback;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.SharedFieldWiring;
import uk.trustplatform.tenancy.CurrentTenant;

/**
 * Feedback codes' fields on Query and Mutation, and the {@code feedbackCode} and {@code heardBack}
 * fields of every kind of subject, read for all the subjects of a response in one query each.
 */
@Factory
final class FeedbackOperations {

    static final String CODES = "feedbackCodesOfSubjects";
    static final String ANSWERS = "heardBackOfSubjects";

    /** A subject as the loaders take it: its kind and id, in the request's tenant. */
    record SubjectKey(String kind, UUID id) {}

    @Bean
    @Named("feedback.Query")
    GraphQLTypeWiring queries(HearingBack hearing) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "heardBack",
                        env -> hearing.told(
                                Fetched.required(env, "tenantSlug"), Fetched.required(env, "code"), address(env)))
                .build();
    }

    @Bean
    @Named("feedback.Mutation")
    GraphQLTypeWiring mutations(IssuingFeedbackCodes issuing, HearingBack hearing) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "issueFeedbackCode",
                        env -> issuing.issue(Callers.of(env), FeedbackCodeStep.from(InputFields.input(env))))
                .dataFetcher(
                        "withdrawFeedbackCode",
                        env -> issuing.withdraw(Callers.of(env), FeedbackCodeStep.from(InputFields.input(env))))
                .dataFetcher(
                        "answerHeardBack",
                        env -> hearing.answer(AnswerHeardBack.from(InputFields.input(env)), address(env)))
                .build();
    }

    @Bean
    @Named(SchemaTypes.FEEDBACK_CODE)
    GraphQLTypeWiring code(LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.FEEDBACK_CODE)
                .dataFetcher("status", env -> Fetched.<FeedbackCode>source(env).statusOn(clock.today()))
                .build();
    }

    @Bean
    @Named(SchemaTypes.HEARD_BACK)
    GraphQLTypeWiring heardBack() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.HEARD_BACK)
                .dataFetcher(
                        "about",
                        env -> FeedbackSubject.about(
                                Fetched.<FeedbackSubject.Told>source(env).kind()))
                .build();
    }

    @Bean
    @Named(SchemaTypes.HEARD_BACK_OF_KIND)
    GraphQLTypeWiring heardBackOfKind() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.HEARD_BACK_OF_KIND)
                .dataFetcher(
                        "about",
                        env -> FeedbackSubject.about(
                                Fetched.<HeardBackTallies.OfKind>source(env).kind()))
                .build();
    }

    @Singleton
    SharedFieldWiring subjectFields(FeedbackSubjects subjects) {
        return () -> subjects.all().stream()
                .map(kind -> TypeRuntimeWiring.newTypeWiring(kind.type())
                        .dataFetcher("feedbackCode", env -> load(env, CODES, kind))
                        .dataFetcher("heardBack", env -> load(env, ANSWERS, kind))
                        .build())
                .toList();
    }

    @Singleton
    PerRequestLoader<SubjectKey, FeedbackCode> codesOfSubjects(FeedbackCodes codes) {
        return PerRequestLoader.of(
                CODES, keys -> byKind(keys, (tenantId, kind, ids) -> codes.ofAll(tenantId, kind, ids)));
    }

    @Singleton
    PerRequestLoader<SubjectKey, HeardBackAnswers> answersOfSubjects(FeedbackAnswers answers) {
        return PerRequestLoader.of(
                ANSWERS,
                keys -> byKind(keys, (tenantId, kind, ids) -> {
                    Map<UUID, List<FeedbackAnswers.Answer>> grouped = PerRequestLoader.grouped(
                            ids, answers.of(tenantId, kind, ids), FeedbackAnswers.Answer::subjectId);
                    return grouped.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, entry -> HeardBackAnswers.of(entry.getValue())));
                }));
    }

    private interface OfKind<V> {
        Map<UUID, V> load(UUID tenantId, String kind, Set<UUID> ids);
    }

    /** One query per kind of subject among the keys, in the tenant the request is bound to (none: nothing). */
    private static <V> Map<SubjectKey, V> byKind(Set<SubjectKey> keys, OfKind<V> load) {
        UUID tenantId = CurrentTenant.id().orElse(null);
        if (tenantId == null) {
            return Map.of();
        }
        Map<String, Set<UUID>> kinds = keys.stream()
                .collect(Collectors.groupingBy(
                        SubjectKey::kind, Collectors.mapping(SubjectKey::id, Collectors.toSet())));
        return kinds.entrySet().stream()
                .flatMap(kind -> load.load(tenantId, kind.getKey(), kind.getValue()).entrySet().stream()
                        .map(found -> Map.entry(new SubjectKey(kind.getKey(), found.getKey()), found.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static <V> CompletableFuture<V> load(DataFetchingEnvironment env, String loader, FeedbackSubject kind) {
        return Fetched.<SubjectKey, V>loader(env, loader)
                .load(new SubjectKey(kind.type(), kind.idOf(Fetched.source(env))));
    }

    private static @Nullable String address(DataFetchingEnvironment env) {
        return env.getGraphQlContext().<RequestContext>get(RequestContext.class).clientAddress();
    }
}
