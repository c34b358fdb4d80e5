package uk.trustplatform.actionplans;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The action-plans feature's fields on Mutation, each input read into its command at this edge. */
@Factory
final class ActionPlanMutations {

    @Bean
    @Named("actionPlans.Mutation")
    GraphQLTypeWiring mutations(WorkingOnActionPlans working, DecidingActionPlans deciding) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "startActionPlan",
                        env -> working.start(Callers.of(env), StartActionPlan.from(InputFields.input(env))))
                .dataFetcher(
                        "saveAction", env -> working.save(Callers.of(env), SaveAction.from(InputFields.input(env))))
                .dataFetcher(
                        "removeAction",
                        env -> working.remove(Callers.of(env), RemoveAction.from(InputFields.input(env))))
                .dataFetcher(
                        "addProgressUpdate",
                        env -> working.addProgress(Callers.of(env), AddProgressUpdate.from(InputFields.input(env))))
                .dataFetcher(
                        "submitActionPlan",
                        env -> deciding.submit(Callers.of(env), ActionPlanDecision.from(InputFields.input(env))))
                .dataFetcher(
                        "approveActionPlan",
                        env -> deciding.approve(Callers.of(env), ActionPlanDecision.from(InputFields.input(env))))
                .dataFetcher(
                        "returnActionPlan",
                        env -> deciding.giveBack(Callers.of(env), ActionPlanDecision.from(InputFields.input(env))))
                .dataFetcher(
                        "recordActionPlanAudit",
                        env -> deciding.recordAudit(
                                Callers.of(env), RecordActionPlanAudit.from(InputFields.input(env))))
                .build();
    }
}
