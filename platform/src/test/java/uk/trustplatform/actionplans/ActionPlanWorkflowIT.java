package uk.trustplatform.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.actionplans.PlanFixture.action;
import static uk.trustplatform.actionplans.PlanFixture.decide;
import static uk.trustplatform.actionplans.PlanFixture.saveAction;
import static uk.trustplatform.actionplans.PlanFixture.start;
import static uk.trustplatform.actionplans.PlanFixture.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.notifications.OverdueFinder;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A partner's plan through its workflow (draft → submitted → approved or returned), what each
 * state lets change, progress and audits, carrying forward, and the board's views.
 */
@MicronautTest(transactional = false)
class ActionPlanWorkflowIT {

    private static final String READ_PLAN = """
            query ($id: ID!) { node(id: $id) { ... on ActionPlan {
              status version framework periodStart periodEnd returnedReason kiteMark
              carriedForwardFrom { id }
              sections { number standard outcomes { number actions { description status rag standard columnValues { key value } } } }
              unplacedActions { description carriedForwardFrom { id } }
              audits { auditedBy findings kiteMarkAwarded }
              progress { total notStarted inProgress complete red amber green unrated overdue }
            } } }""";

    @Inject
    EmbeddedServer server;

    @Inject
    @Named("overdue-actions")
    OverdueFinder overdue;

    @Inject
    TenantTransactions transactions;

    private TestTenant tenant;
    private ApiCaller admin;
    private ApiCaller board;
    private PlanFixture fixture;
    private String youth;
    private String template;

    @BeforeEach
    void cambridgeshireWithATemplateAndAPartner() {
        tenant = TestTenants.active("cambs");
        admin = as("admin", Role.TENANT_ADMIN, null);
        board = as("board", Role.BOARD_MEMBER, null);
        fixture = new PlanFixture(admin);
        fixture.hearByRight();
        template = fixture.template(2009, 2010, "2.1");
        youth = fixture.partner("Cambridgeshire Youth Service");
    }

    @Test
    void a_partner_drafts_and_submits_its_plan_and_the_board_approves_it() {
        ApiCaller lead = lead(youth);
        String plan = start(lead, youth, template, null);
        action(
                lead,
                plan,
                Map.of(
                        "sectionNumber", "1",
                        "outcomeNumber", "1.1",
                        "description", "Young people's Audit Team involved in annual audit of progress",
                        "lead", "AW/CB/PW",
                        "dueDate", "2009-07-31",
                        "columnValues",
                                List.of(
                                        Map.of("key", "notes", "value", "Big Plan priorities"),
                                        Map.of("key", "outcomes", "value", " "))));

        JsonNode submitted = decide(lead, "submitActionPlan", plan, 0, null);
        JsonNode approved = decide(board, "approveActionPlan", plan, 1, null);
        JsonNode read = read(admin, plan);

        assertThat(submitted.path("actionPlan").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(approved.path("actionPlan").path("status").asText()).isEqualTo("APPROVED");
        assertThat(read.path("framework").asText()).isEqualTo("hear-by-right");
        assertThat(read.path("periodStart").asInt()).isEqualTo(2009);
        JsonNode outcome = read.path("sections").path(0).path("outcomes").path(0);
        assertThat(outcome.path("number").asText()).isEqualTo("1.1");
        assertThat(outcome.path("actions").path(0).path("standard").asText()).isEqualTo("1");
        assertThat(outcome.path("actions").path(0).path("columnValues").toString())
                .as("a column sent blank has no value")
                .isEqualTo("[{\"key\":\"notes\",\"value\":\"Big Plan priorities\"}]");
        assertThat(read.path("progress").path("total").asInt()).isEqualTo(1);
        assertThat(TenantData.audit(tenant.id()))
                .filteredOn(entry -> entry.startsWith("ActionPlan."))
                .extracting(entry -> entry.substring(0, entry.indexOf(' ')))
                .containsExactly("ActionPlan.started", "ActionPlan.submitted", "ActionPlan.approved");
    }

    @Test
    void transitions_the_state_or_the_role_does_not_allow_are_refused_and_change_nothing() {
        ApiCaller lead = lead(youth);
        ApiCaller integration = as("system", Role.PARTNER_INTEGRATION, uuid(youth));
        String plan = start(lead, youth, template, null);

        JsonNode emptySubmission = decide(lead, "submitActionPlan", plan, 0, null);
        JsonNode approveDraft = decide(board, "approveActionPlan", plan, 0, null);
        action(
                lead,
                plan,
                Map.of("sectionNumber", "1", "outcomeNumber", "1.1", "description", "Hold a youth assembly"));
        JsonNode byMachine = decide(integration, "submitActionPlan", plan, 0, null);
        JsonNode byBoard = decide(board, "submitActionPlan", plan, 0, null);
        decide(lead, "submitActionPlan", plan, 0, null);
        JsonNode approveByLead = decide(lead, "approveActionPlan", plan, 1, null);
        JsonNode returnWithoutReason = decide(board, "returnActionPlan", plan, 1, "  ");
        JsonNode stale = decide(board, "approveActionPlan", plan, 0, null);

        assertThat(emptySubmission.path("userErrors").path(0).path("message").asText())
                .contains("at least one action");
        assertThat(approveDraft.path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(approveDraft.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The plan is DRAFT; only a plan that is SUBMITTED can be approved.");
        assertThat(errorCode(byMachine)).isEqualTo("FORBIDDEN");
        assertThat(errorCode(byBoard)).isEqualTo("FORBIDDEN");
        assertThat(errorCode(approveByLead)).isEqualTo("FORBIDDEN");
        assertThat(returnWithoutReason.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"reason\"]");
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(read(admin, plan).path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void what_may_change_follows_the_state_and_a_returned_plan_is_changed_and_submitted_again() {
        ApiCaller lead = lead(youth);
        String plan = start(lead, youth, template, null);
        JsonNode created = action(
                lead,
                plan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "Train Participation Champions",
                        "columnValues",
                        List.of(Map.of("key", "notes", "value", "Two a service"))));
        String id = created.path("id").asText();
        decide(lead, "submitActionPlan", plan, 0, null);

        JsonNode whileWithBoard = saveAction(lead, change(id, 0, "Train Participation Champions", "IN_PROGRESS", null));
        decide(board, "approveActionPlan", plan, 1, null);
        JsonNode rewordedAfterApproval = saveAction(lead, change(id, 0, "Train all champions", "IN_PROGRESS", "AMBER"));
        Map<String, Object> recolumned =
                new HashMap<>(change(id, 0, "Train Participation Champions", "IN_PROGRESS", "AMBER"));
        recolumned.put("columnValues", List.of(Map.of("key", "notes", "value", "Changed after approval")));
        JsonNode recolumnedAfterApproval = saveAction(lead, recolumned);
        JsonNode progressAfterApproval =
                saveAction(lead, change(id, 0, "Train Participation Champions", "IN_PROGRESS", "AMBER"));
        JsonNode newActionAfterApproval = saveAction(
                lead,
                Map.of("actionPlanId", plan, "sectionNumber", "1", "outcomeNumber", "1.2", "description", "Another"));
        JsonNode returned = decide(board, "returnActionPlan", plan, 2, "Add an action for standard 2.");
        action(lead, plan, Map.of("sectionNumber", "2", "outcomeNumber", "2.1", "description", "Agree the strategy"));
        JsonNode resubmitted = decide(lead, "submitActionPlan", plan, 3, null);

        assertThat(whileWithBoard.path("userErrors").path(0).path("message").asText())
                .contains("nothing changes while the board decides");
        assertThat(rewordedAfterApproval
                        .path("userErrors")
                        .path(0)
                        .path("message")
                        .asText())
                .contains("only an action's status and RAG change once the plan is approved");
        assertThat(recolumnedAfterApproval.path("userErrors").findValuesAsText("code"))
                .as("a template column's text is not progress")
                .containsExactly("NOT_ALLOWED");
        assertThat(progressAfterApproval.path("action").path("rag").asText()).isEqualTo("AMBER");
        assertThat(progressAfterApproval.path("action").path("columnValues").toString())
                .as("a column not sent keeps its text once the plan is approved")
                .isEqualTo("[{\"key\":\"notes\",\"value\":\"Two a service\"}]");
        assertThat(newActionAfterApproval
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(returned.path("actionPlan").path("returnedReason").asText())
                .isEqualTo("Add an action for standard 2.");
        assertThat(resubmitted.path("actionPlan").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.path("actionPlan").path("returnedReason").isNull())
                .isTrue();
        assertThat(TenantData.query(
                        tenant.id(),
                        "SELECT kind || ' ' || coalesce(summary->>'reason', '-') || ' ' || (partner_organisation_id = '"
                                + uuid(youth)
                                + "') FROM domain_event WHERE kind LIKE 'action_plan.%' ORDER BY position"))
                .containsExactly(
                        "action_plan.submitted - true",
                        "action_plan.approved - true",
                        "action_plan.returned Add an action for standard 2. true",
                        "action_plan.submitted - true");
    }

    @Test
    void an_action_past_its_due_date_is_announced_overdue_once_however_often_the_job_runs() {
        LocalDate today = TestCalendar.today();
        String plan = start(lead(youth), youth, template, null);
        dueOn(plan, "Late", today.minusDays(2), Map.of());
        dueOn(plan, "Late but done", today.minusDays(2), Map.of("status", "COMPLETE", "rag", "GREEN"));
        dueOn(plan, "Due today", today, Map.of());
        dueOn(plan, "Long overdue", today.minusDays(OverdueFinder.LOOK_BACK_DAYS + 1), Map.of());

        int first = transactions.inTenant(tenant.id(), false, () -> overdue.announce(tenant.id(), today));
        int second = transactions.inTenant(tenant.id(), false, () -> overdue.announce(tenant.id(), today));
        int tomorrow =
                transactions.inTenant(tenant.id(), false, () -> overdue.announce(tenant.id(), today.plusDays(1)));

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(tomorrow).as("the action due today is overdue tomorrow").isEqualTo(1);
        assertThat(TenantData.query(
                        tenant.id(),
                        "SELECT kind || ' ' || (summary->>'dueOn') || ' ' || (partner_organisation_id = '" + uuid(youth)
                                + "') FROM domain_event WHERE kind = 'action.overdue' ORDER BY position"))
                .containsExactly("action.overdue " + today.minusDays(2) + " true", "action.overdue " + today + " true");
    }

    @Test
    void two_concurrent_edits_of_one_action_save_one_and_refuse_the_other_losing_nothing() throws Exception {
        ApiCaller lead = lead(youth);
        String plan = start(lead, youth, template, null);
        String id = action(
                        lead, plan, Map.of("sectionNumber", "1", "outcomeNumber", "1.1", "description", "Agenda days"))
                .path("id")
                .asText();
        CountDownLatch ready = new CountDownLatch(2);
        List<Callable<JsonNode>> edits = new ArrayList<>();
        for (String rag : List.of("RED", "GREEN")) {
            edits.add(() -> {
                ready.countDown();
                ready.await();
                return saveAction(lead, change(id, 0, "Agenda days", "IN_PROGRESS", rag));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JsonNode> results = new ArrayList<>();
        try {
            for (Future<JsonNode> result : pool.invokeAll(edits)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        List<JsonNode> saved =
                results.stream().filter(r -> r.path("action").has("id")).toList();
        List<JsonNode> refused = results.stream()
                .filter(r -> r.path("userErrors").findValuesAsText("code").contains("CONFLICT"))
                .toList();
        assertThat(saved).hasSize(1);
        assertThat(refused).hasSize(1);
        assertThat(TenantData.query(tenant.id(), "SELECT rag || ' ' || version FROM plan_action"))
                .containsExactly(saved.getFirst().path("action").path("rag").asText() + " 1");
        assertThat(TenantData.audit(tenant.id()))
                .filteredOn(e -> e.startsWith("Action.changed"))
                .hasSize(1);
    }

    @Test
    void invalid_actions_name_the_field_and_rule_and_store_nothing() {
        ApiCaller lead = lead(youth);
        String plan = start(lead, youth, template, null);

        JsonNode invalid = saveAction(
                lead,
                Map.of(
                        "actionPlanId",
                        plan,
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "9.9",
                        "description",
                        " ",
                        "lead",
                        "x".repeat(201),
                        "columnValues",
                        List.of(Map.of("key", "budget", "value", "£500"))));

        assertThat(invalid.path("userErrors").findValuesAsText("code"))
                .containsExactly("REQUIRED", "TOO_LONG", "NOT_FOUND", "NOT_FOUND");
        assertThat(invalid.path("userErrors").path(2).path("message").asText())
                .isEqualTo("The plan's template has no outcome 9.9 in section 1.");
        assertThat(invalid.path("userErrors").path(3).path("message").asText())
                .contains("its text columns are outcomes, notes");
        assertThat(TenantData.rows(tenant.id(), "plan_action")).isZero();
    }

    @Test
    void progress_is_recorded_with_evidence_links_and_an_approved_plan_is_audited_for_a_kite_mark() {
        ApiCaller lead = lead(youth);
        String plan = start(lead, youth, template, null);
        String id = action(
                        lead,
                        plan,
                        Map.of("sectionNumber", "1", "outcomeNumber", "1.1", "description", "Kite mark 10 services"))
                .path("id")
                .asText();
        String progress = "mutation ($input: AddProgressUpdateInput!) { addProgressUpdate(input: $input)"
                + " { action { progressUpdates { date note evidenceLinks } } userErrors { field code } } }";
        lead.query(
                progress,
                Map.of("input", Map.of("actionId", id, "date", "2009-05-01", "note", "Three services assessed")));
        JsonNode recorded = lead.query(
                        progress,
                        Map.of(
                                "input",
                                Map.of(
                                        "actionId",
                                        id,
                                        "date",
                                        "2009-09-01",
                                        "note",
                                        "Five services hold the kite mark",
                                        "evidenceLinks",
                                        List.of("https://cambridgeshire.example/kite-mark/register"))))
                .data()
                .path("addProgressUpdate");
        JsonNode badLink = lead.query(
                        progress,
                        Map.of(
                                "input",
                                Map.of(
                                        "actionId",
                                        id,
                                        "date",
                                        "2009-09-02",
                                        "note",
                                        "See file",
                                        "evidenceLinks",
                                        List.of("file:///c:/plan.doc"))))
                .data()
                .path("addProgressUpdate");
        String audit = "mutation ($input: RecordActionPlanAuditInput!) { recordActionPlanAudit(input: $input)"
                + " { actionPlan { kiteMark audits { auditedBy kiteMarkAwarded } } userErrors { message code } } }";
        Map<String, Object> auditInput = Map.of(
                "actionPlanId", plan,
                "auditedOn", "2010-03-01",
                "auditedBy", "Young People's Audit Team",
                "findings", "Children's views shape the service's priorities.",
                "kiteMarkAwarded", true);
        JsonNode draftAudit =
                board.query(audit, Map.of("input", auditInput)).data().path("recordActionPlanAudit");
        decide(lead, "submitActionPlan", plan, 0, null);
        decide(board, "approveActionPlan", plan, 1, null);
        JsonNode audited =
                board.query(audit, Map.of("input", auditInput)).data().path("recordActionPlanAudit");

        JsonNode updates = recorded.path("action").path("progressUpdates");
        assertThat(updates.findValuesAsText("date")).containsExactly("2009-09-01", "2009-05-01");
        assertThat(updates.path(0).path("evidenceLinks").path(0).asText())
                .isEqualTo("https://cambridgeshire.example/kite-mark/register");
        assertThat(badLink.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"evidenceLinks\",\"0\"]");
        assertThat(draftAudit.path("userErrors").path(0).path("message").asText())
                .contains("only an approved plan is audited");
        assertThat(audited.path("actionPlan").path("kiteMark").asBoolean()).isTrue();
        assertThat(audited.path("actionPlan")
                        .path("audits")
                        .path(0)
                        .path("auditedBy")
                        .asText())
                .isEqualTo("Young People's Audit Team");
        assertThat(TenantData.rows(tenant.id(), "action_progress_update")).isEqualTo(2);
        assertThat(TenantData.query(
                        tenant.id(),
                        "SELECT summary->>'date' FROM domain_event WHERE kind = 'action.progress_recorded'"
                                + " AND subject_id = '" + uuid(id) + "' ORDER BY position"))
                .as("the refused update announces nothing")
                .containsExactly("2009-05-01", "2009-09-01");
    }

    @Test
    void unfinished_actions_are_carried_forward_once_into_the_next_periods_plan() {
        ApiCaller lead = lead(youth);
        String first = start(lead, youth, template, null);
        action(
                lead,
                first,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "Done already",
                        "status",
                        "COMPLETE"));
        action(
                lead,
                first,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.2",
                        "description",
                        "Share the charter",
                        "status",
                        "IN_PROGRESS"));
        action(lead, first, Map.of("sectionNumber", "2", "outcomeNumber", "2.1", "description", "Agree the strategy"));
        String next = fixture.template(2011, 2012, "2.5");

        JsonNode carried = lead.query(
                        "mutation ($input: StartActionPlanInput!) { startActionPlan(input: $input) { carriedForward } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "partnerOrganisationId",
                                        youth,
                                        "templateId",
                                        next,
                                        "carryForwardFromId",
                                        first)))
                .data()
                .path("startActionPlan");
        JsonNode plan = read(admin, planOf(2011));
        String third = fixture.template(2013, 2014, "2.1");
        JsonNode twice = lead.query(
                        "mutation ($input: StartActionPlanInput!) { startActionPlan(input: $input) { userErrors { field message } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "partnerOrganisationId",
                                        youth,
                                        "templateId",
                                        third,
                                        "carryForwardFromId",
                                        first)))
                .data()
                .path("startActionPlan");

        assertThat(carried.path("carriedForward").asInt()).isEqualTo(2);
        assertThat(plan.path("carriedForwardFrom").path("id").asText()).isEqualTo(first);
        assertThat(plan.path("sections")
                        .path(0)
                        .path("outcomes")
                        .path(1)
                        .path("actions")
                        .findValuesAsText("description"))
                .containsExactly("Share the charter");
        assertThat(plan.path("sections")
                        .path(0)
                        .path("outcomes")
                        .path(1)
                        .path("actions")
                        .path(0)
                        .path("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
        assertThat(plan.path("unplacedActions").findValuesAsText("description")).containsExactly("Agree the strategy");
        assertThat(twice.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"carryForwardFromId\"]");
    }

    @Test
    void the_board_sees_progress_by_standard_and_partner_and_overdue_actions_a_partner_only_its_own() {
        String libraries = fixture.partner("Cambridgeshire Libraries");
        String youthPlan = start(lead(youth), youth, template, null);
        action(
                lead(youth),
                youthPlan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "A",
                        "status",
                        "COMPLETE",
                        "rag",
                        "GREEN",
                        "dueDate",
                        "2009-03-01"));
        action(
                lead(youth),
                youthPlan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.2",
                        "description",
                        "B",
                        "status",
                        "IN_PROGRESS",
                        "rag",
                        "RED",
                        "dueDate",
                        "2009-06-30"));
        action(lead(youth), youthPlan, Map.of("sectionNumber", "2", "outcomeNumber", "2.1", "description", "C"));
        String libraryPlan = start(lead(libraries), libraries, template, null);
        action(
                lead(libraries),
                libraryPlan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "D",
                        "rag",
                        "AMBER",
                        "dueDate",
                        "2009-04-01"));

        JsonNode view = board.query("""
                        { actionPlanProgress(periodStart: 2009, periodEnd: 2010) {
                            byStandard { framework standard title progress { total complete inProgress notStarted red amber green unrated overdue } }
                            byPartner { partnerOrganisation { name } actionPlan { status } progress { total overdue } } } }""").data().path("actionPlanProgress");
        String overdue = "{ overdueActions(asOf: \"2009-05-01\") { edges { node { description dueDate overdue } } } }";
        JsonNode boardOverdue = board.query(overdue).data().path("overdueActions");
        JsonNode libraryOverdue = lead(libraries).query(overdue).data().path("overdueActions");
        Reply leadView =
                lead(youth).query("{ actionPlanProgress(periodStart: 2009, periodEnd: 2010) { periodStart } }");

        JsonNode one = view.path("byStandard").path(0);
        assertThat(one.path("standard").asText()).isEqualTo("1");
        assertThat(one.path("title").asText()).isEqualTo("Shared values");
        assertThat(one.path("progress").toString())
                .isEqualTo(
                        "{\"total\":3,\"complete\":1,\"inProgress\":1,\"notStarted\":1,\"red\":1,\"amber\":1,\"green\":1,\"unrated\":0,\"overdue\":2}");
        assertThat(view.path("byStandard")
                        .path(1)
                        .path("progress")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(view.path("byStandard")
                        .path(1)
                        .path("progress")
                        .path("unrated")
                        .asInt())
                .isEqualTo(1);
        assertThat(view.path("byPartner").findValuesAsText("name"))
                .containsExactly("Cambridgeshire Libraries", "Cambridgeshire Youth Service");
        assertThat(view.path("byPartner").findValuesAsText("total")).containsExactly("1", "3");
        assertThat(boardOverdue.findValuesAsText("description")).containsExactly("D");
        assertThat(libraryOverdue.findValuesAsText("description")).containsExactly("D");
        assertThat(lead(youth).query(overdue).data().path("overdueActions").path("edges"))
                .isEmpty();
        assertThat(leadView.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_plans_progress_is_the_same_counted_alone_from_its_actions_and_with_its_partners_plans() {
        String plan = start(lead(youth), youth, template, null);
        action(
                lead(youth),
                plan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "A",
                        "status",
                        "COMPLETE",
                        "rag",
                        "GREEN",
                        "dueDate",
                        "2009-03-01"));
        action(
                lead(youth),
                plan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.2",
                        "description",
                        "B",
                        "status",
                        "IN_PROGRESS",
                        "rag",
                        "RED",
                        "dueDate",
                        "2009-06-30"));
        action(lead(youth), plan, Map.of("sectionNumber", "2", "outcomeNumber", "2.1", "description", "C"));
        String counts = "progress { total notStarted inProgress complete red amber green unrated overdue }";

        JsonNode alone = lead(youth)
                .query("{ actionPlans { edges { node { " + counts + " } } } }")
                .data()
                .findValue("progress");
        JsonNode besideActions = lead(youth)
                .query("{ actionPlans { edges { node { sections { number } " + counts + " } } } }")
                .data()
                .findValue("progress");
        JsonNode withItsPartner = lead(youth)
                .query("{ partnerOrganisations { edges { node { actionPlans { " + counts + " } } } } }")
                .data()
                .findValue("progress");

        assertThat(alone.toString())
                .isEqualTo(
                        "{\"total\":3,\"notStarted\":1,\"inProgress\":1,\"complete\":1,\"red\":1,\"amber\":0,\"green\":1,\"unrated\":1,\"overdue\":1}");
        assertThat(besideActions).isEqualTo(alone);
        assertThat(withItsPartner).isEqualTo(alone);
    }

    private String planOf(int periodStart) {
        return admin.query(
                        "query ($p: Int) { actionPlans(periodStart: $p) { edges { node { id } } } }",
                        Map.of("p", periodStart))
                .data()
                .path("actionPlans")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asText();
    }

    private static Map<String, Object> change(String id, long version, String description, String status, String rag) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "id",
                id,
                "version",
                version,
                "sectionNumber",
                "1",
                "outcomeNumber",
                "1.1",
                "description",
                description,
                "status",
                status));
        if (rag != null) {
            input.put("rag", rag);
        }
        return input;
    }

    private static String errorCode(JsonNode payloadOrBody) {
        return payloadOrBody
                .path("errors")
                .path(0)
                .path("extensions")
                .path("code")
                .asText();
    }

    private JsonNode read(ApiCaller caller, String plan) {
        Reply reply = caller.query(READ_PLAN, Map.of("id", plan));
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        return reply.data().path("node");
    }

    private void dueOn(String plan, String description, LocalDate due, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(more);
        fields.putAll(Map.of(
                "sectionNumber", "1", "outcomeNumber", "1.1", "description", description, "dueDate", due.toString()));
        action(lead(youth), plan, fields);
    }

    private ApiCaller lead(String partner) {
        return as("lead-" + uuid(partner), Role.PARTNER_LEAD, uuid(partner));
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, tenant.slug(), partner);
    }
}
