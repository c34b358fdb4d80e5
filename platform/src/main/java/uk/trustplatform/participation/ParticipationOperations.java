package uk.trustplatform.participation;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
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
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "participationActivities",
                        env -> register.page(
                                Callers.of(env), PageRequest.of(env, ReadingParticipationRegister.CURSORS)))
                .dataFetcher(
                        "participationSummary",
                        env -> summaries.summary(
                                Callers.of(env), env.<LocalDate>getArgument("from"), env.getArgument("to")))
                .dataFetcher(
                        "participationCalendar",
                        env -> register.calendar(
                                Callers.of(env), env.<LocalDate>getArgument("from"), env.getArgument("to")))
                .dataFetcher("youSaidWeDid", env -> feedback.of(env.getArgument("tenantSlug")))
                .build();
    }

    @Bean
    @Named("participation.Mutation")
    GraphQLTypeWiring mutations(KeepingParticipationRegister register) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("saveParticipationActivity", env -> register.save(Callers.of(env), input(env)))
                .dataFetcher("recordParticipationFeedback", env -> register.recordFeedback(Callers.of(env), input(env)))
                .build();
    }

    @Bean
    @Named(ParticipationActivity.TYPE)
    GraphQLTypeWiring activity() {
        return () -> TypeRuntimeWiring.newTypeWiring(ParticipationActivity.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                ParticipationActivity.TYPE, activity(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(PartnerDirectory.BY_ID)
                                .load(activity(env).partnerOrganisationId()))
                .dataFetcher("stage", env -> activity(env).stageOn(ReadingParticipationRegister.today()))
                .dataFetcher("feedback", env -> activity(env).feedbackGivenOn() == null ? null : activity(env))
                .build();
    }

    @Bean
    @Named("ParticipationFeedback")
    GraphQLTypeWiring feedback() {
        return () -> TypeRuntimeWiring.newTypeWiring("ParticipationFeedback")
                .dataFetcher("givenOn", env -> activity(env).feedbackGivenOn())
                .dataFetcher("method", env -> activity(env).feedbackMethod())
                .build();
    }

    @Bean
    @Named("CalendarEntry")
    GraphQLTypeWiring calendarEntry() {
        return () -> TypeRuntimeWiring.newTypeWiring("CalendarEntry")
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
                .build();
    }

    private static ParticipationActivity activity(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static boolean readable(DataFetchingEnvironment env) {
        return env.<CalendarEntry>getSource().readable();
    }

    private static ParticipationActivity entry(DataFetchingEnvironment env) {
        return env.<CalendarEntry>getSource().activity();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
