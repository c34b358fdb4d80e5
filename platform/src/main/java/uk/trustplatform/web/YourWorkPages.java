package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;

/**
 * A signed-in member's start page in a partnership: for an agency's partner lead, a task list of
 * the agency's work (its action plan, the pledge, the charter), each with where it stands; for
 * the board and the tenant admin, where their own work is and what waits for them there.
 */
@Controller("/{tenant}/start")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class YourWorkPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    YourWorkPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            ErrorPages errors,
            LondonClock clock) {
        this.clock = clock;
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** @param boardWork the board's and the admin's own pages; empty for anyone else */
    public record YourWork(Viewer viewer, List<Task> tasks, List<Destination> boardWork) {}

    /** A page of the board's or the admin's, with what waits there. */
    public record Destination(String id, String title, String href, String hint) {}

    /** Who is signed in; no organisation for someone who is not an agency's. */
    public record Viewer(List<String> roles, @Nullable Organisation partnerOrganisation) {}

    public record Organisation(String id, String name, List<Plan> actionPlans, Pledge pledge) {

        public Organisation {
            actionPlans = actionPlans == null ? List.of() : actionPlans;
        }
    }

    public record Plan(String id, int periodStart, int periodEnd, String status) {}

    public record Pledge(String status, String renewalDueOn) {}

    /** What the partnership has published; no charter or pledge until it publishes one. */
    public record Published(
            List<Template> actionPlanTemplates,
            @Nullable Document charter,
            @Nullable Document pledge) {

        public Published {
            actionPlanTemplates = actionPlanTemplates == null ? List.of() : actionPlanTemplates;
        }
    }

    public record Template(String id, int periodStart, int periodEnd) {

        String period() {
            return periodStart + "–" + periodEnd;
        }
    }

    public record Document(String id) {}

    public record Adoption(Document partnerOrganisation, boolean personalised) {}

    @Get
    HttpResponse<?> show(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        boolean board = Visitors.isBoard(member.get().visitor());
        PageOperations.Answer answer = operations.run(
                "pages/yourWork",
                Map.of("slug", tenant, "board", board, "year", clock.year()),
                member.get().caller(),
                request);
        Viewer viewer = answer.as("viewer", Viewer.class);
        if (viewer == null) {
            // The schema's viewer is non-null: without it the API could not answer, and the page has no one to show.
            return errors.serviceProblem(member.get().visitor(), request, answer.correlationId());
        }
        Organisation organisation = viewer.partnerOrganisation();
        List<Task> tasks = organisation == null
                ? List.of()
                : tasks(
                        tenant,
                        organisation,
                        Optional.ofNullable(answer.as("publishedConfiguration", Published.class))
                                .orElse(new Published(List.of(), null, null)),
                        answer.list("charterAdoptions", Adoption.class),
                        answer.data().path("selfAssessments").path("edges").findValuesAsText("status"));
        return templates.page(
                "yourWork",
                members.layout(member.get(), "Your work", answer, request),
                new YourWork(viewer, tasks, board ? boardWork(tenant, member.get(), answer) : List.of()));
    }

    private static List<Destination> boardWork(String tenant, MemberPages.Member member, PageOperations.Answer answer) {
        long submitted = answer.data()
                .path("actionPlans")
                .path("edges")
                .valueStream()
                .filter(edge -> edge.path("node").path("status").asText().equals("SUBMITTED"))
                .count();
        List<Destination> destinations = new ArrayList<>(List.of(
                new Destination(
                        "board-dashboard",
                        "Board dashboard",
                        "/" + tenant + "/board",
                        "Plan progress by standard and partner, overdue actions, partners with gaps, pledges due"
                                + " for renewal, participation and benchmarks"),
                new Destination(
                        "plans",
                        "Partners' action plans",
                        "/" + tenant + "/plans",
                        submitted == 0
                                ? "No plan is waiting for the board"
                                : submitted + (submitted == 1 ? " plan is" : " plans are")
                                        + " waiting for the board")));
        if (member.caller().administersTenant()) {
            destinations.add(new Destination(
                    "administration",
                    "Administration",
                    "/" + tenant + "/admin",
                    "Configuration documents, partner organisations, governance, partner systems, sign-in and"
                            + " regional forums"));
        }
        return List.copyOf(destinations);
    }

    private static List<Task> tasks(
            String tenant,
            Organisation organisation,
            Published published,
            List<Adoption> adoptions,
            List<String> selfAssessments) {
        return List.of(
                actionPlan(tenant, organisation, published),
                pledge(tenant, organisation, published),
                charter(tenant, organisation, published, adoptions),
                selfAssessment(tenant, selfAssessments));
    }

    /** This year's self-assessment (a partner lead reads only its own agency's): the furthest along, if several. */
    private static Task selfAssessment(String tenant, List<String> statuses) {
        String name = "Our self-assessment";
        String href = "/" + tenant + "/self-assessment";
        String hint = "Rate how we meet the partnership's standards this year";
        if (statuses.contains("AGREED")) {
            return Task.finished("self-assessment", name, href, hint, "Agreed");
        }
        if (statuses.contains("SUBMITTED")) {
            return Task.finished("self-assessment", name, href, hint, "With the board");
        }
        return statuses.stream()
                .findFirst()
                .map(status -> Task.toDo("self-assessment", name, href, hint, Labels.of(status), Tags.colour(status)))
                .orElseGet(() -> Task.toDo("self-assessment", name, href, hint, "Not yet started", "blue"));
    }

    /** This period's plan: the newest published template's. */
    private static Task actionPlan(String tenant, Organisation organisation, Published published) {
        String name = "Our action plan";
        Optional<Template> template = published.actionPlanTemplates().stream()
                .max(Comparator.comparingInt(Template::periodStart).thenComparingInt(Template::periodEnd));
        if (template.isEmpty()) {
            return Task.cannotStartYet(
                    "action-plan", name, "The partnership has not published an action-plan template yet");
        }
        String href = "/" + tenant + "/action-plan";
        String hint = "Our plan for " + template.get().period();
        Optional<Plan> plan = organisation.actionPlans().stream()
                .filter(found -> found.periodStart() == template.get().periodStart()
                        && found.periodEnd() == template.get().periodEnd())
                .findFirst();
        if (plan.isEmpty()) {
            return Task.toDo("action-plan", name, href, hint, "Not yet started", "blue");
        }
        String status = plan.get().status();
        return switch (status) {
            case "APPROVED" -> Task.finished("action-plan", name, href, hint, "Approved");
            case "SUBMITTED" -> Task.finished("action-plan", name, href, hint, "With the board");
            default -> Task.toDo("action-plan", name, href, hint, Labels.of(status), Tags.colour(status));
        };
    }

    private static Task pledge(String tenant, Organisation organisation, Published published) {
        String name = "The pledge";
        if (published.pledge() == null && organisation.pledge() == null) {
            return Task.cannotStartYet("pledge", name, "The partnership has not published a pledge");
        }
        String href = "/" + tenant + "/pledge";
        Pledge pledge = organisation.pledge();
        if (pledge == null) {
            return Task.toDo("pledge", name, href, "Read the partnership's pledge", "Not invited yet", "grey");
        }
        return switch (pledge.status()) {
            case "REGISTERED" ->
                Task.finished("pledge", name, href, "Renewal due " + Dates.day(pledge.renewalDueOn()), "Registered");
            case "RENEWAL_DUE" ->
                Task.toDo(
                        "pledge",
                        name,
                        href,
                        "Renew by " + Dates.day(pledge.renewalDueOn()),
                        "Renewal due",
                        Tags.colour("RENEWAL_DUE"));
            default ->
                Task.toDo(
                        "pledge",
                        name,
                        href,
                        pledge.status().equals("INVITED") ? "Sign the partnership's pledge" : null,
                        Labels.of(pledge.status()),
                        Tags.colour(pledge.status()));
        };
    }

    private static Task charter(
            String tenant, Organisation organisation, Published published, List<Adoption> adoptions) {
        String name = "The charter of values";
        Optional<Adoption> ours = adoptions.stream()
                .filter(adoption -> adoption.partnerOrganisation() != null
                        && adoption.partnerOrganisation().id().equals(organisation.id()))
                .findFirst();
        if (published.charter() == null && ours.isEmpty()) {
            return Task.cannotStartYet("charter", name, "The partnership has not published a charter of values");
        }
        String href = "/" + tenant + "/charter/adopt";
        if (ours.isEmpty()) {
            return Task.toDo("charter", name, href, "Adopt it, or personalise a copy", "Not adopted yet", "blue");
        }
        return Task.finished("charter", name, href, null, ours.get().personalised() ? "Personalised" : "Adopted");
    }
}
