package uk.trustplatform.participation;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.configuration.QuietPeriod;
import uk.trustplatform.participation.ReadingParticipationRegister.Calendar;
import uk.trustplatform.participation.ReadingParticipationRegister.CalendarEntry;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The participation register's fields on Query and Mutation, and its types' fields. */
@Factory
final class ParticipationOperations {

    @Bean
    @Named("participation.Query")
    GraphQLTypeWiring queries(
            ReadingParticipationRegister register, SummarisingParticipation summaries, YouSaidWeDid feedback) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "participationActivities",
                        env -> register.page(
                                Callers.of(env), PageRequest.of(env, ReadingParticipationRegister.CURSORS)))
                .dataFetcher(
                        "participationSummary",
                        env -> summaries.summary(
                                Callers.of(env), Fetched.required(env, "from"), Fetched.required(env, "to")))
                .dataFetcher(
                        "participationCalendar",
                        env -> register.calendar(
                                Callers.of(env), Fetched.required(env, "from"), Fetched.required(env, "to")))
                .dataFetcher("youSaidWeDid", env -> feedback.of(Fetched.required(env, "tenantSlug")))
                .build();
    }

    @Singleton
    PerRequestLoader<UUID, List<QuietPeriod>> quietPeriods(ReadingParticipationRegister register) {
        return PerRequestLoader.of(ReadingParticipationRegister.QUIET_PERIODS, register::quietPeriodsOf);
    }

    @Bean
    @Named("participation.Mutation")
    GraphQLTypeWiring mutations(KeepingParticipationRegister register) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "saveParticipationActivity",
                        env -> register.save(Callers.of(env), SaveParticipationActivity.from(InputFields.input(env))))
                .dataFetcher(
                        "recordParticipationFeedback",
                        env -> register.recordFeedback(
                                Callers.of(env), RecordParticipationFeedback.from(InputFields.input(env))))
                .build();
    }

    @Bean
    @Named(ParticipationActivity.TYPE)
    GraphQLTypeWiring activity(LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(ParticipationActivity.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                ParticipationActivity.TYPE, activity(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                                .load(activity(env).partnerOrganisationId()))
                .dataFetcher("stage", env -> activity(env).stageOn(clock.today()))
                .dataFetcher("feedbackDueAfterDecision", env -> activity(env).feedbackDueAfterDecision())
                .dataFetcher("quietPeriods", env -> quietPeriodsOf(env, activity(env)))
                .dataFetcher("feedback", env -> activity(env).feedbackGivenOn() == null ? null : activity(env))
                .build();
    }

    @Bean
    @Named(SchemaTypes.PARTICIPATION_FEEDBACK)
    GraphQLTypeWiring feedback() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTICIPATION_FEEDBACK)
                .dataFetcher("givenOn", env -> activity(env).feedbackGivenOn())
                .dataFetcher("method", env -> activity(env).feedbackMethod())
                .build();
    }

    @Bean
    @Named(SchemaTypes.CALENDAR_ENTRY)
    GraphQLTypeWiring calendarEntry() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.CALENDAR_ENTRY)
                // Another partner's activity shows when and for whom, not what or whose.
                .dataFetcher(
                        "activityId",
                        env -> readable(env)
                                ? GlobalId.encode(
                                        ParticipationActivity.TYPE, entry(env).id())
                                : null)
                .dataFetcher("title", env -> readable(env) ? entry(env).title() : null)
                .dataFetcher("startsOn", env -> entry(env).startsOn())
                .dataFetcher("endsOn", env -> entry(env).endsOn())
                .dataFetcher("ageBands", env -> entry(env).ageBands())
                .dataFetcher("audienceGroups", env -> entry(env).audienceGroups())
                .dataFetcher("methods", env -> entry(env).methods())
                .dataFetcher("quietPeriods", env -> quietPeriodsOf(env, entry(env)))
                .build();
    }

    @Bean
    @Named(SchemaTypes.PARTICIPATION_CALENDAR)
    GraphQLTypeWiring calendar() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTICIPATION_CALENDAR)
                .dataFetcher("quietPeriods", env -> {
                    Calendar calendar = Fetched.source(env);
                    return quietPeriods(env, Callers.of(env).requireTenant(), calendar.from(), calendar.to());
                })
                .build();
    }

    private static CompletableFuture<List<QuietPeriod>> quietPeriodsOf(
            DataFetchingEnvironment env, ParticipationActivity activity) {
        return quietPeriods(env, UUID.fromString(activity.tenantId()), activity.startsOn(), activity.endsOn());
    }

    /** The tenant's quiet periods with a day from {@code from} to {@code to}. */
    private static CompletableFuture<List<QuietPeriod>> quietPeriods(
            DataFetchingEnvironment env, UUID tenantId, LocalDate from, LocalDate to) {
        return Fetched.<UUID, List<QuietPeriod>>loader(env, ReadingParticipationRegister.QUIET_PERIODS)
                .load(tenantId)
                .thenApply(periods -> periods.stream()
                        .filter(period -> period.overlaps(from, to))
                        .toList());
    }

    private static ParticipationActivity activity(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }

    private static boolean readable(DataFetchingEnvironment env) {
        return Fetched.<CalendarEntry>source(env).readable();
    }

    private static ParticipationActivity entry(DataFetchingEnvironment env) {
        return Fetched.<CalendarEntry>source(env).activity();
    }
}
