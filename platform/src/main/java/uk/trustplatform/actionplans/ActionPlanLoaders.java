package uk.trustplatform.actionplans;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.PerRequestLoader;

/** The action-plans feature's batch loaders: a list of plans costs one query per field, not one per plan. */
@Factory
final class ActionPlanLoaders {

    @Singleton
    PerRequestLoader<UUID, ActionPlan> plansById(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.PLANS_BY_ID, reading::plansById);
    }

    @Singleton
    PerRequestLoader<UUID, List<ActionPlan>> plansOfOrganisation(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.PLANS_OF_ORGANISATION, reading::plansOfOrganisations);
    }

    @Singleton
    PerRequestLoader<UUID, List<CountingProgress.PartnerProgress>> plansWithProgressOfOrganisation(
            ReadingActionPlans reading) {
        return PerRequestLoader.of(
                ReadingActionPlans.PLANS_WITH_PROGRESS_OF_ORGANISATION, reading::plansWithProgressOfOrganisations);
    }

    @Singleton
    PerRequestLoader<UUID, PlanAction> actionsById(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.ACTIONS_BY_ID, reading::actionsById);
    }

    @Singleton
    PerRequestLoader<UUID, List<PlanAction>> actionsOfPlan(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.ACTIONS_OF_PLAN, reading::actionsOfPlans);
    }

    @Singleton
    PerRequestLoader<UUID, ActionProgress> progressOfPlan(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.PROGRESS_OF_PLAN, reading::progressOfPlans);
    }

    @Singleton
    PerRequestLoader<UUID, List<ProgressUpdate>> updatesOfAction(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.UPDATES_OF_ACTION, reading::updatesOfActions);
    }

    @Singleton
    PerRequestLoader<UUID, List<ActionPlanAudit>> auditsOfPlan(ReadingActionPlans reading) {
        return PerRequestLoader.of(ReadingActionPlans.AUDITS_OF_PLAN, reading::auditsOfPlans);
    }
}
