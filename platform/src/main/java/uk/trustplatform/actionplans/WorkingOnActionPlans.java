package uk.trustplatform.actionplans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.actionplans.Payloads.ActionPayload;
import uk.trustplatform.actionplans.Payloads.PlanPayload;
import uk.trustplatform.actionplans.Payloads.RemovePayload;
import uk.trustplatform.actionplans.PlanAction.ActionStatus;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.ActionPlanTemplateContent;
import uk.trustplatform.configuration.ActionPlanTemplateContent.TemplateOutcome;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.InForceConfiguration.Edition;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.partners.PartnerScope;

/**
 * What a partner does to its plan: starts it from the published template (carrying forward what
 * the last one left unfinished), adds and changes actions, records progress. Each change is
 * checked against the plan's state and audited.
 */
@Singleton
final class WorkingOnActionPlans {

    private static final int EVIDENCE_LINKS_MAX = 20;

    private final ActionPlans plans;
    private final PlanActions actions;
    private final ProgressUpdates updates;
    private final ReadingActionPlans reading;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final ObjectMapper json;
    private final LondonClock clock;

    WorkingOnActionPlans(
            ActionPlans plans,
            PlanActions actions,
            ProgressUpdates updates,
            ReadingActionPlans reading,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            DomainEvents events,
            ObjectMapper json,
            LondonClock clock) {
        this.clock = clock;
        this.plans = plans;
        this.actions = actions;
        this.updates = updates;
        this.reading = reading;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    PlanPayload start(Caller caller, StartActionPlan start) {
        UUID tenantId = caller.requireTenant();
        Optional<PartnerOrganisation> partner = GlobalId.decode(start.partnerOrganisationId(), PartnerOrganisation.TYPE)
                .flatMap(id -> partners.visible(caller, id));
        if (partner.isEmpty()) {
            return PlanPayload.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        if (!ActionPlanAccess.canKeep(
                caller, partners.scope(caller), partner.get().id())) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may start its plan.");
        }
        Optional<Edition<ActionPlanTemplateContent>> template = GlobalId.decode(
                        start.templateId(), SchemaTypes.ACTION_PLAN_TEMPLATE)
                .flatMap(configuration::templateEdition)
                .filter(Edition::inForce);
        if (template.isEmpty()) {
            return PlanPayload.refused(UserError.of(
                    Code.NOT_FOUND, "No published action-plan template has this id.", "input", "templateId"));
        }
        ActionPlanTemplateContent content = template.get().content();
        // A template is published only once its problems (a period among them) are none.
        int periodStart = Objects.requireNonNull(content.periodStart(), "a published template has its period");
        int periodEnd = Objects.requireNonNull(content.periodEnd(), "a published template has its period");
        if (plans.existsByPartnerOrganisationIdAndPeriodStartAndPeriodEnd(
                partner.get().id(), periodStart, periodEnd)) {
            return PlanPayload.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    partner.get().name() + " already has a plan for " + periodStart + "–" + periodEnd + ".",
                    "input",
                    "templateId"));
        }
        ActionPlan earlier = null;
        if (start.carryForwardFromId() != null) {
            earlier = GlobalId.decode(start.carryForwardFromId(), ActionPlan.TYPE)
                    .flatMap(id -> reading.visiblePlan(caller, id))
                    .filter(plan ->
                            plan.partnerOrganisationId().equals(partner.get().id()))
                    .orElse(null);
            if (earlier == null) {
                return PlanPayload.refused(UserError.of(
                        Code.NOT_FOUND, "This partner has no plan with this id.", "input", "carryForwardFromId"));
            }
            if (earlier.periodStart() >= periodStart || plans.existsByCarriedForwardFrom(earlier.id())) {
                return PlanPayload.refused(UserError.of(
                        Code.NOT_ALLOWED,
                        "Carry forward from an earlier period's plan, and only once.",
                        "input",
                        "carryForwardFromId"));
            }
        }
        ActionPlan plan = plans.save(new ActionPlan(
                UUID.randomUUID(),
                tenantId.toString(),
                partner.get().id(),
                template.get().id(),
                content.framework(),
                periodStart,
                periodEnd,
                ActionPlanStatus.DRAFT,
                null,
                null,
                null,
                earlier == null ? null : earlier.id(),
                0));
        int carried = earlier == null ? 0 : carryForward(tenantId, earlier, plan, content);
        audit.record(tenantId, "ActionPlan.started", ActionPlan.TYPE, plan.id(), null, plan);
        return new PlanPayload(plan, carried, List.of());
    }

    /** Copies the earlier plan's unfinished actions under the outcomes with the same numbers; the others unplaced. */
    private int carryForward(UUID tenantId, ActionPlan earlier, ActionPlan plan, ActionPlanTemplateContent template) {
        int carried = 0;
        for (PlanAction old : actions.ofPlans(tenantId, List.of(earlier.id()))) {
            if (old.status() == ActionStatus.COMPLETE) {
                continue;
            }
            Optional<ActionPlanTemplateContent.Section> section = template.sections().stream()
                    .filter(s -> s.outcomes().stream()
                            .map(TemplateOutcome::number)
                            .anyMatch(n -> n.equals(old.outcomeNumber())))
                    .findFirst();
            actions.save(new PlanAction(
                    UUID.randomUUID(),
                    tenantId.toString(),
                    plan.id(),
                    section.map(ActionPlanTemplateContent.Section::number).orElse(null),
                    section.isPresent() ? old.outcomeNumber() : null,
                    section.map(ActionPlanTemplateContent.Section::standard).orElse(null),
                    old.description(),
                    old.lead(),
                    old.dueDate(),
                    old.timescale(),
                    old.resources(),
                    old.risks(),
                    old.status(),
                    old.rag(),
                    old.columnValues(),
                    old.id(),
                    0));
            carried++;
        }
        return carried;
    }

    ActionPayload save(Caller caller, SaveAction save) {
        caller.requireTenant();
        return save.id() == null
                ? add(caller, save.actionPlanId(), save.action())
                : change(caller, save.id(), save.version(), save.action());
    }

    ActionPayload add(Caller caller, @Nullable String actionPlanId, ActionInput details) {
        Optional<ActionPlan> plan =
                GlobalId.decode(actionPlanId, ActionPlan.TYPE).flatMap(id -> reading.visiblePlan(caller, id));
        if (plan.isEmpty()) {
            return ActionPayload.refused(UserError.notFound("actionPlanId", "action plan"));
        }
        requireWorker(caller, plan.get());
        if (!plan.get().status().open()) {
            return ActionPayload.refused(UserError.notInState(
                    "plan", plan.get().status(), "actions are added while it is a draft or returned."));
        }
        ActionPlanTemplateContent template = templateOf(plan.get());
        List<UserError> problems = details.problems(template, false);
        if (!problems.isEmpty()) {
            return ActionPayload.refused(problems);
        }
        PlanAction saved = actions.save(
                details.asAction(UUID.randomUUID(), plan.get(), template, columns(details.columnValues()), null, 0));
        audit.record(caller.requireTenant(), "Action.added", PlanAction.TYPE, saved.id(), null, saved);
        return new ActionPayload(saved, List.of());
    }

    private ActionPayload change(Caller caller, String id, long version, ActionInput details) {
        Optional<ReadingActionPlans.Located> found = action(caller, id);
        if (found.isEmpty()) {
            return ActionPayload.refused(UserError.notFound("id", "action"));
        }
        ActionPlan plan = found.get().plan();
        PlanAction current = found.get().action();
        requireWorker(caller, plan);
        if (version != current.version()) {
            return ActionPayload.refused(UserError.conflict("action", current.version(), version));
        }
        ActionPlanTemplateContent template = templateOf(plan);
        List<UserError> problems = new ArrayList<>(details.problems(template, current.sectionNumber() == null));
        stateProblem(plan, current, details).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return ActionPayload.refused(problems);
        }
        // Once approved the texts stay as they are: a form or system sending only some columns
        // (the web form sends the third and later, a carried-forward action holds an older
        // template's) keeps the rest.
        PlanAction changed = details.asAction(
                current.id(),
                plan,
                template,
                plan.status().open() ? columns(details.columnValues()) : current.columnValues(),
                current.carriedForwardFrom(),
                current.version());
        try {
            PlanAction saved = actions.update(changed);
            audit.record(caller.requireTenant(), "Action.changed", PlanAction.TYPE, saved.id(), current, saved);
            return new ActionPayload(saved, List.of());
        } catch (OptimisticLockException raced) {
            return ActionPayload.refused(UserError.conflict("action", current.version() + 1, version));
        }
    }

    /** Once approved only progress moves; while with the board nothing does. */
    private Optional<UserError> stateProblem(ActionPlan plan, PlanAction current, ActionInput details) {
        if (plan.status().open()) {
            return Optional.empty();
        }
        if (plan.status() == ActionPlanStatus.SUBMITTED) {
            return Optional.of(UserError.notInState("plan", plan.status(), "nothing changes while the board decides."));
        }
        boolean onlyProgress = Objects.equals(current.sectionNumber(), details.sectionNumber())
                && Objects.equals(current.outcomeNumber(), details.outcomeNumber())
                && current.description().equals(details.description())
                && Objects.equals(current.lead(), details.lead())
                && Objects.equals(current.dueDate(), details.dueDate())
                && Objects.equals(current.timescale(), details.timescale())
                && Objects.equals(current.resources(), details.resources())
                && Objects.equals(current.risks(), details.risks())
                && sentColumnsUnchanged(current.columns(json), details.columnValues());
        return onlyProgress
                ? Optional.empty()
                : Optional.of(
                        UserError.notInState(
                                "plan",
                                plan.status(),
                                "only an action's status and RAG change once the plan is approved; ask the board to return it."));
    }

    /** Every column value sent is the one stored: a column not sent is not a change. */
    private static boolean sentColumnsUnchanged(Map<String, String> stored, Map<String, String> sent) {
        return sent.entrySet().stream().allMatch(entry -> entry.getValue().equals(stored.get(entry.getKey())));
    }

    RemovePayload remove(Caller caller, RemoveAction removal) {
        caller.requireTenant();
        String id = removal.id();
        long version = removal.version();
        Optional<ReadingActionPlans.Located> found = action(caller, id);
        if (found.isEmpty()) {
            return new RemovePayload(null, List.of(UserError.notFound("id", "action")));
        }
        ActionPlan plan = found.get().plan();
        PlanAction current = found.get().action();
        if (!ActionPlanAccess.canKeep(caller, partners.scope(caller), plan.partnerOrganisationId())) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may remove actions.");
        }
        if (current.version() != version) {
            return new RemovePayload(null, List.of(UserError.conflict("action", current.version(), version)));
        }
        if (!plan.status().open()) {
            return new RemovePayload(
                    null,
                    List.of(UserError.notInState(
                            "plan", plan.status(), "actions are removed while it is a draft or returned.")));
        }
        actions.delete(current);
        audit.record(caller.requireTenant(), "Action.removed", PlanAction.TYPE, current.id(), current, null);
        return new RemovePayload(id, List.of());
    }

    ActionPayload addProgress(Caller caller, AddProgressUpdate progress) {
        caller.requireTenant();
        Optional<ReadingActionPlans.Located> found = action(caller, progress.actionId());
        if (found.isEmpty()) {
            return ActionPayload.refused(UserError.notFound("actionId", "action"));
        }
        requireWorker(caller, found.get().plan());
        if (found.get().plan().status() == ActionPlanStatus.SUBMITTED) {
            return ActionPayload.refused(UserError.notInState(
                    "plan", found.get().plan().status(), "progress is recorded once the board has decided."));
        }
        String note = Inputs.trimmed(progress.note());
        List<String> links =
                progress.evidenceLinks().stream().map(String::strip).toList();
        List<UserError> problems = progressProblems(note, links, progress.date());
        if (!problems.isEmpty()) {
            return ActionPayload.refused(problems);
        }
        ProgressUpdate saved = updates.save(new ProgressUpdate(
                UUID.randomUUID(),
                caller.requireTenant().toString(),
                found.get().action().id(),
                progress.date(),
                Objects.requireNonNull(note, "the check refuses progress without a note"),
                links.toArray(String[]::new),
                Objects.requireNonNull(caller.subject(), "a caller in a tenant is signed in"),
                clock.now()));
        audit.record(caller.requireTenant(), "Action.progressRecorded", PlanAction.TYPE, saved.actionId(), null, saved);
        events.publish(
                caller.requireTenant(),
                EventKind.ACTION_PROGRESS_RECORDED,
                PlanAction.TYPE,
                saved.actionId(),
                found.get().plan().partnerOrganisationId(),
                Map.of("date", saved.date().toString()));
        return new ActionPayload(found.get().action(), List.of());
    }

    private List<UserError> progressProblems(@Nullable String note, List<String> links, LocalDate date) {
        List<UserError> problems = new ArrayList<>();
        Inputs.required(problems, "note", note, 4000, "Say what progress was made.");
        if (date.isAfter(clock.today())) {
            problems.add(UserError.of(Code.NOT_ALLOWED, "Progress is recorded for today or earlier.", "input", "date"));
        }
        if (links.size() > EVIDENCE_LINKS_MAX) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "Give at most " + EVIDENCE_LINKS_MAX + " evidence links.",
                    "input",
                    "evidenceLinks"));
        }
        for (int i = 0; i < links.size(); i++) {
            if (!webAddress(links.get(i))) {
                problems.add(UserError.of(
                        Code.INVALID_FORMAT,
                        "Evidence links are web addresses starting http:// or https://, up to 2000 characters.",
                        "input",
                        "evidenceLinks",
                        String.valueOf(i)));
            }
        }
        return problems;
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = new URI(link);
            return link.length() <= 2000
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private Optional<ReadingActionPlans.Located> action(Caller caller, String id) {
        return GlobalId.decode(id, PlanAction.TYPE).flatMap(uuid -> reading.visibleAction(caller, uuid));
    }

    private void requireWorker(Caller caller, ActionPlan plan) {
        PartnerScope scope = partners.scope(caller);
        if (!ActionPlanAccess.canWork(caller, scope, plan)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's partner lead or integration may work on its plan.");
        }
    }

    ActionPlanTemplateContent templateOf(ActionPlan plan) {
        return configuration
                .templateContent(plan.templateId())
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.id() + " has lost its template edition"));
    }

    private String columns(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Column values are not JSON", e);
        }
    }
}
