package uk.trustplatform.actionplans;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.time.LocalDate;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The action-plans feature's fields on Query. */
@Factory
final class ActionPlanQueries {

    @Bean
    @Named("actionPlans.Query")
    GraphQLTypeWiring queries(ReadingActionPlans reading, CountingProgress counting, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
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
                                Fetched.<Integer>required(env, "periodStart"),
                                Fetched.<Integer>required(env, "periodEnd"),
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
}
