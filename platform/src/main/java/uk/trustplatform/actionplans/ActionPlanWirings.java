package uk.trustplatform.actionplans;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.execution.ExecutionStepInfo;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.configuration.ActionPlanTemplateContent;
import uk.trustplatform.configuration.DocumentLoaders;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The fields of plans, actions and their parts, one wiring per type; related rows come through batch loaders. */
@Factory
final class ActionPlanWirings {

    /** A template section with its outcomes and the plan's actions under each, as the schema shows it. */
    record SectionView(
            String number, String title, @Nullable String standard, List<OutcomeView> outcomes) {}

    record OutcomeView(String number, String text, List<PlanAction> actions) {}

    record ColumnValue(String key, String value) {}

    /** The fields of a plan whose fetchers load all of its actions. */
    private static final Set<String> LOADING_ACTIONS = Set.of("sections", "unplacedActions");

    @Bean
    @Named(ActionPlan.TYPE)
    GraphQLTypeWiring actionPlan(WorkingOnActionPlans working, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(ActionPlan.TYPE)
                .dataFetcher(
                        "id", env -> GlobalId.encode(ActionPlan.TYPE, plan(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> organisation(env, plan(env).partnerOrganisationId()))
                .dataFetcher(
                        "template",
                        env -> Fetched.<UUID, Object>loader(env, DocumentLoaders.BY_ID)
                                .load(plan(env).templateId()))
                .dataFetcher("carriedForwardFrom", env -> {
                    UUID earlier = plan(env).carriedForwardFrom();
                    return earlier == null ? CompletableFuture.completedFuture(null) : planById(env, earlier);
                })
                .dataFetcher("sections", env -> {
                    ActionPlanTemplateContent template = working.templateOf(plan(env));
                    return actionsOf(env).thenApply(actions -> sections(template, actions));
                })
                .dataFetcher(
                        "unplacedActions",
                        env -> actionsOf(env)
                                .thenApply(actions -> actions.stream()
                                        .filter(action -> action.sectionNumber() == null)
                                        .toList()))
                .dataFetcher("audits", env -> audits(env))
                .dataFetcher(
                        "kiteMark",
                        env -> audits(env)
                                .thenApply(audits -> audits.stream().anyMatch(ActionPlanAudit::kiteMarkAwarded)))
                .dataFetcher("progress", env -> {
                    if (actionsShownBeside(env)) {
                        return actionsOf(env).thenApply(actions -> ActionProgress.of(actions, clock.today()));
                    }
                    return Fetched.<UUID, ActionProgress>loader(env, ReadingActionPlans.PROGRESS_OF_PLAN)
                            .load(plan(env).id());
                })
                .build();
    }

    @Bean
    @Named(PlanAction.TYPE)
    GraphQLTypeWiring action(ObjectMapper json, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(PlanAction.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(PlanAction.TYPE, action(env).id()))
                .dataFetcher("actionPlan", env -> planById(env, action(env).actionPlanId()))
                .dataFetcher("overdue", env -> action(env).overdue(clock.today()))
                .dataFetcher(
                        "columnValues",
                        env -> action(env).columns(json).entrySet().stream()
                                .map(entry -> new ColumnValue(entry.getKey(), entry.getValue()))
                                .toList())
                .dataFetcher(
                        "progressUpdates",
                        env -> Fetched.<UUID, List<ProgressUpdate>>loader(env, ReadingActionPlans.UPDATES_OF_ACTION)
                                .load(action(env).id()))
                .dataFetcher("carriedForwardFrom", env -> {
                    UUID earlier = action(env).carriedForwardFrom();
                    return earlier == null
                            ? CompletableFuture.completedFuture(null)
                            : Fetched.<UUID, PlanAction>loader(env, ReadingActionPlans.ACTIONS_BY_ID)
                                    .load(earlier);
                })
                .build();
    }

    @Bean
    @Named(ProgressUpdate.TYPE)
    GraphQLTypeWiring progressUpdate() {
        return () -> TypeRuntimeWiring.newTypeWiring(ProgressUpdate.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                ProgressUpdate.TYPE,
                                Fetched.<ProgressUpdate>source(env).id()))
                .build();
    }

    @Bean
    @Named(ActionPlanAudit.TYPE)
    GraphQLTypeWiring actionPlanAudit() {
        return () -> TypeRuntimeWiring.newTypeWiring(ActionPlanAudit.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                ActionPlanAudit.TYPE,
                                Fetched.<ActionPlanAudit>source(env).id()))
                .build();
    }

    @Bean
    @Named(SchemaTypes.PARTNER_PROGRESS)
    GraphQLTypeWiring partnerProgress() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTNER_PROGRESS)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> organisation(
                                env,
                                Fetched.<CountingProgress.PartnerProgress>source(env)
                                        .partnerOrganisationId()))
                .build();
    }

    /** The plans field action plans add to PartnerOrganisation. */
    @Bean
    @Named("PartnerOrganisation.actionPlans")
    GraphQLTypeWiring partnerOrganisation() {
        return () -> TypeRuntimeWiring.newTypeWiring(PartnerOrganisation.TYPE)
                .dataFetcher("actionPlans", env -> {
                    UUID organisation = Fetched.<PartnerOrganisation>source(env).id();
                    if (env.getSelectionSet().contains("progress")) {
                        return plansWithProgress(env, organisation);
                    }
                    return Fetched.<UUID, List<ActionPlan>>loader(env, ReadingActionPlans.PLANS_OF_ORGANISATION)
                            .load(organisation);
                })
                .build();
    }

    /**
     * The organisation's plans, read with their progress in one query, which is put in the
     * request's progress loader so that each plan's progress field finds it there.
     */
    private static CompletableFuture<List<ActionPlan>> plansWithProgress(
            DataFetchingEnvironment env, UUID organisation) {
        DataLoader<UUID, ActionProgress> progress = Fetched.loader(env, ReadingActionPlans.PROGRESS_OF_PLAN);
        return Fetched.<UUID, List<CountingProgress.PartnerProgress>>loader(
                        env, ReadingActionPlans.PLANS_WITH_PROGRESS_OF_ORGANISATION)
                .load(organisation)
                .thenApply(rows -> {
                    rows.forEach(row -> progress.prime(row.actionPlan().id(), row.progress()));
                    return rows.stream()
                            .map(CountingProgress.PartnerProgress::actionPlan)
                            .toList();
                });
    }

    private static List<SectionView> sections(ActionPlanTemplateContent template, List<PlanAction> actions) {
        return template.sections().stream()
                .map(section -> new SectionView(
                        section.number(),
                        section.title(),
                        section.standard(),
                        section.outcomes().stream()
                                .map(outcome -> new OutcomeView(
                                        outcome.number(),
                                        outcome.text(),
                                        actions.stream()
                                                .filter(action -> section.number()
                                                                .equals(action.sectionNumber())
                                                        && Objects.equals(outcome.number(), action.outcomeNumber()))
                                                .toList()))
                                .toList()))
                .toList();
    }

    /**
     * Whether the plan's own selection (not through a fragment) also asks for its sections or its
     * unplaced actions, whose fetchers load every action of the plan anyway: its progress is then
     * counted from those rows instead of in a query of its own.
     */
    private static boolean actionsShownBeside(DataFetchingEnvironment env) {
        ExecutionStepInfo plan = env.getExecutionStepInfo().getParent();
        return plan != null
                && plan.getField().getFields().stream()
                        .map(Field::getSelectionSet)
                        .filter(Objects::nonNull)
                        .flatMap(selections -> selections.getSelections().stream())
                        .anyMatch(selection ->
                                selection instanceof Field field && LOADING_ACTIONS.contains(field.getName()));
    }

    private static CompletableFuture<List<PlanAction>> actionsOf(DataFetchingEnvironment env) {
        return Fetched.<UUID, List<PlanAction>>loader(env, ReadingActionPlans.ACTIONS_OF_PLAN)
                .load(plan(env).id());
    }

    private static CompletableFuture<List<ActionPlanAudit>> audits(DataFetchingEnvironment env) {
        return Fetched.<UUID, List<ActionPlanAudit>>loader(env, ReadingActionPlans.AUDITS_OF_PLAN)
                .load(plan(env).id());
    }

    private static CompletableFuture<ActionPlan> planById(DataFetchingEnvironment env, UUID id) {
        return Fetched.<UUID, ActionPlan>loader(env, ReadingActionPlans.PLANS_BY_ID)
                .load(id);
    }

    private static CompletableFuture<PartnerOrganisation> organisation(DataFetchingEnvironment env, UUID id) {
        return Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                .load(id);
    }

    private static ActionPlan plan(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }

    private static PlanAction action(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
