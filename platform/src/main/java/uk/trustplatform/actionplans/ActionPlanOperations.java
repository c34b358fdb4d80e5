package uk.trustplatform.actionplans;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PageRequest;

/** The action-plans feature's fields on Query and Mutation. */
@Factory
final class ActionPlanOperations {

    @Bean
    @Named("actionPlans.Query")
    GraphQLTypeWiring queries(ReadingActionPlans reading, CountingProgress counting, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "actionPlans",
                        env -> reading.page(
                                Callers.of(env),
                                PageRequest.of(env, ReadingActionPlans.PLANS),
                                env.getArgument("periodStart")))
                .dataFetcher(
                        "actionPlanProgress",
                        env -> counting.ofPeriod(
                                Callers.of(env),
                                env.getArgument("periodStart"),
                                env.getArgument("periodEnd"),
                                clock.today()))
                .dataFetcher("overdueActions", env -> {
                    LocalDate asOf = env.getArgument("asOf");
                    return reading.overdue(
                            Callers.of(env),
                            PageRequest.of(env, ReadingActionPlans.OVERDUE),
                            asOf == null ? clock.today() : asOf);
                })
                .build();
    }

    @Bean
    @Named("actionPlans.Mutation")
    GraphQLTypeWiring mutations(WorkingOnActionPlans working, DecidingActionPlans deciding) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher(
                        "startActionPlan",
                        env -> working.start(
                                Callers.of(env),
                                (String) input(env).get("partnerOrganisationId"),
                                (String) input(env).get("templateId"),
                                (String) input(env).get("carryForwardFromId")))
                .dataFetcher("saveAction", env -> working.save(Callers.of(env), input(env)))
                .dataFetcher(
                        "removeAction",
                        env -> working.remove(
                                Callers.of(env),
                                (String) input(env).get("id"),
                                ((Number) input(env).get("version")).longValue()))
                .dataFetcher("addProgressUpdate", env -> working.addProgress(Callers.of(env), input(env)))
                .dataFetcher("submitActionPlan", env -> deciding.submit(Callers.of(env), input(env)))
                .dataFetcher("approveActionPlan", env -> deciding.approve(Callers.of(env), input(env)))
                .dataFetcher("returnActionPlan", env -> deciding.giveBack(Callers.of(env), input(env)))
                .dataFetcher("recordActionPlanAudit", env -> deciding.recordAudit(Callers.of(env), input(env)))
                .build();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
