package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;
import static uk.trustplatform.isolation.World.Persona.PARTNER_INTEGRATION;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;

/** The operations on action plans, their actions and audits, as the isolation suite and the permission matrix drive them. */
final class ActionPlanCatalogue {

    private static final Set<Persona> WORKERS_ON_THE_PLAN =
            EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD, PARTNER_INTEGRATION);
    private static final String PLAN_FIELDS = "id status periodStart framework partnerOrganisation { id name }"
            + " sections { number outcomes { number actions { id description status rag progressUpdates { note } } } }"
            + " progress { total overdue } audits { findings } kiteMark";

    private ActionPlanCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.actionPlans",
                        world -> new Request(
                                "{ actionPlans { edges { cursor node { " + PLAN_FIELDS + " } } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS),
                new Operation(
                        "Query.actionPlanProgress",
                        world -> new Request(
                                "{ actionPlanProgress(periodStart: 2020, periodEnd: 2021) { byStandard { standard progress { total } }"
                                        + " byPartner { partnerOrganisation { name } actionPlan { id } progress { total } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.overdueActions",
                        world -> new Request(
                                "{ overdueActions(asOf: \"2100-01-01\") { edges { node { id description dueDate"
                                        + " actionPlan { id } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS),
                save(
                        "startActionPlan",
                        "StartActionPlanInput",
                        "actionPlan",
                        world -> Map.of(
                                "partnerOrganisationId",
                                world.agencyId(),
                                "templateId",
                                world.plans().template()),
                        ADMINS_AND_LEAD),
                save(
                        "saveAction",
                        "SaveActionInput",
                        "action",
                        world -> Map.of(
                                "id",
                                world.plans().agencyAction(),
                                "version",
                                world.versionOf("plan_action", world.plans().agencyAction()),
                                "sectionNumber",
                                "1",
                                "outcomeNumber",
                                "1.1",
                                "description",
                                world.agencyMarker() + " Young inspectors' visits",
                                "dueDate",
                                "2020-06-01",
                                "status",
                                "IN_PROGRESS",
                                "rag",
                                "AMBER"),
                        WORKERS_ON_THE_PLAN),
                save(
                        "removeAction",
                        "RemoveActionInput",
                        "removedId",
                        world -> {
                            String action = world.freshServiceAction();
                            return Map.of("id", action, "version", 0);
                        },
                        ADMINS_AND_LEAD),
                save(
                        "addProgressUpdate",
                        "AddProgressUpdateInput",
                        "action",
                        world -> Map.of(
                                "actionId",
                                world.plans().agencyAction(),
                                "date",
                                "2020-05-01",
                                "note",
                                "Two visits made",
                                "evidenceLinks",
                                List.of("https://example.org/visits")),
                        WORKERS_ON_THE_PLAN),
                save(
                        "submitActionPlan",
                        "ActionPlanDecisionInput",
                        "actionPlan",
                        world -> {
                            world.freshServiceAction();
                            return Map.of(
                                    "id",
                                    world.plans().servicePlan(),
                                    "version",
                                    world.versionOf("action_plan", world.plans().servicePlan()));
                        },
                        ADMINS_AND_LEAD),
                decision("approveActionPlan"),
                decision("returnActionPlan"),
                save(
                        "recordActionPlanAudit",
                        "RecordActionPlanAuditInput",
                        "actionPlan",
                        world -> Map.of(
                                "actionPlanId",
                                world.plans().agencyPlan(),
                                "auditedOn",
                                "2021-03-01",
                                "auditedBy",
                                "Young People's Audit Team",
                                "findings",
                                "Visits are happening.",
                                "kiteMarkAwarded",
                                false),
                        WHOLE_TENANT));
    }

    /** A board's decision on the agency's plan: reached whatever state the plan is in, since the state is not a question of access. */
    private static Operation decision(String field) {
        return save(
                field,
                "ActionPlanDecisionInput",
                "actionPlan",
                world -> Map.of(
                        "id",
                        world.plans().agencyPlan(),
                        "version",
                        world.versionOf("action_plan", world.plans().agencyPlan()),
                        "reason",
                        "Please add a second action."),
                WHOLE_TENANT);
    }
}
