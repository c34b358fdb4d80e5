package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import uk.trustplatform.web.PledgePages.Organisation;
import uk.trustplatform.web.PledgePages.PledgeText;
import uk.trustplatform.web.PledgePages.Registration;
import uk.trustplatform.web.PledgePages.Step;

/**
 * The pledge register as the board keeps it, for its members and the tenant admin: every agency of
 * the partnership with its pledge's status, those never invited too (the gaps), filtered by status
 * with a GET form, and the register to download; one agency's pledge with every registration it
 * has had (lapsed and withdrawn ones stay as history). The tenant admin also invites an agency to
 * sign the published pledge, records a pledge signed on paper, registers a signed pledge (the
 * badge issued is the confirmation), records a renewal and a withdrawal with its reason; a board
 * member sees the register but not those actions, as the API allows them to the admin only. A
 * decision on a version someone else replaced shows who changed it and what it is now. Anyone
 * else, a partner lead included, finds no such page.
 */
@Controller("/{tenant}/board/pledges")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BoardPledgePages {

    /** An agency the partnership never invited to sign: no status of the API's, the register's gap. */
    static final String NOT_INVITED = "NOT_INVITED";

    private static final List<String> STATUSES =
            List.of("INVITED", "SIGNED", "REGISTERED", "RENEWAL_DUE", "LAPSED", "WITHDRAWN", NOT_INVITED);

    /** Pages of the API's page-size limit; a partnership's agencies and pledges fit in a few. */
    private static final int MOST_PAGES = 50;

    /** Where the decisions are on the agency's page: a refusal with no question of its own is put there. */
    private static final String DECISION = "decision";

    private static final String CONFLICT = "conflict";

    /** The fixed words of a notification after a decision, by the address's {@code done}: nothing from the address is shown. */
    private static final Map<String, String> BANNERS = Map.of(
            "invited", "The organisation is invited to sign the pledge",
            "sign", "The signed pledge is recorded",
            "renew", "The renewal is recorded",
            "withdraw", "The withdrawal is recorded");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    BoardPledgePages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** An agency as the register reads it, with its latest pledge, if it was ever invited. */
    public record Listed(String id, String name, String category, Named parent, Registration pledge) {

        String status() {
            return pledge == null ? NOT_INVITED : pledge.status();
        }
    }

    public record Named(String name) {}

    public record Category(String code, String label) {}

    /** One agency's line in the register. */
    public record Row(
            String href,
            String name,
            @Nullable String parent,
            String category,
            String status,
            String signed,
            String registered,
            String renewalDue,
            String ended,
            @Nullable String badge) {}

    /** The register: its rows, the status chosen (empty for every agency) and the filter's choices. */
    public record RegisterPage(
            List<Row> rows,
            String status,
            List<Option> statuses,
            int total,
            @Nullable String pledgeTitle,
            boolean keeper,
            String csvHref,
            String xlsxHref) {

        public Form filter() {
            return Form.of(Map.of("status", status));
        }

        public String statusWords() {
            return Labels.of(status).toLowerCase(Locale.UK);
        }
    }

    /**
     * One agency's pledge and its history, with the actions the visitor may take: all of them the
     * tenant admin's ({@code keeper}), each while the pledge is where the action starts.
     */
    public record AgencyPage(
            Organisation agency,
            String category,
            List<Registration> history,
            @Nullable PledgeText published,
            boolean keeper,
            String href,
            String listHref,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict) {

        public Registration pledge() {
            return agency.pledge();
        }

        public String status() {
            return pledge() == null ? NOT_INVITED : pledge().status();
        }

        /** Not invited, or no longer pledged: the agency may be asked to sign (again). */
        public boolean invitable() {
            return keeper
                    && published != null
                    && (pledge() == null || status().equals("LAPSED") || status().equals("WITHDRAWN"));
        }

        public boolean signable() {
            return keeper && Step.SIGN.from.contains(status());
        }

        public boolean registrable() {
            return keeper && status().equals("SIGNED");
        }

        public boolean renewable() {
            return keeper && Step.RENEW.from.contains(status());
        }

        public boolean withdrawable() {
            return keeper && Step.WITHDRAW.from.contains(status());
        }
    }

    /** The confirmation of a registered pledge: the badge issued, its code and where anyone checks it. */
    public record BadgePage(Organisation agency, String href) {}

    @Get
    HttpResponse<?> register(String tenant, @Nullable @QueryValue String status, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return members.refuse(tenant, request);
        }
        MemberPages.Member member = found.get();
        if (!Visitors.isBoard(member.visitor())) {
            return errors.notFound(member.visitor(), request);
        }
        List<Listed> agencies = new ArrayList<>();
        PageOperations.Answer first = everyPage(
                "pages/boardPledges",
                "partnerOrganisations",
                new HashMap<>(Map.of("slug", tenant)),
                member,
                request,
                (answer, node) -> agencies.add(answer.convert(node, Listed.class)));
        if (first == null) {
            return errors.serviceProblem(member.visitor(), request, null);
        }
        String chosen = status != null && STATUSES.contains(status) ? status : "";
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", "Every agency (" + agencies.size() + ")"));
        for (String each : STATUSES) {
            long count = agencies.stream()
                    .filter(agency -> agency.status().equals(each))
                    .count();
            statuses.add(new Option(each, Labels.of(each) + " (" + count + ")"));
        }
        Map<String, String> categories = categories(first);
        List<Row> rows = agencies.stream()
                .filter(agency -> chosen.isEmpty() || agency.status().equals(chosen))
                .map(agency -> row(tenant, agency, categories))
                .toList();
        JsonNode pledge = first.data().path("publishedConfiguration").path("pledge");
        return templates.page(
                "boardPledges",
                members.layout(member, "Pledge register", first, request),
                new RegisterPage(
                        rows,
                        chosen,
                        List.copyOf(statuses),
                        agencies.size(),
                        pledge.isObject() ? pledge.path("title").asText() : null,
                        keeper(first),
                        BoardDownloads.href(tenant, "pledge-register.csv"),
                        BoardDownloads.href(tenant, "pledge-register.xlsx")));
    }

    @Get("/{id}")
    HttpResponse<?> agency(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Keeping> steps = keeping(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        return agencyPage(keeping, done == null ? null : BANNERS.get(done), Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Steps<Keeping> steps = keeping(tenant, id, FormBody.parse(body), request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        PageOperations.Answer answer = operations.run(
                "pages/invitePartnerToPledge",
                Map.of("input", Map.of("partnerOrganisationId", keeping.agency().id())),
                keeping.member().caller(),
                request);
        return decided(keeping, answer, "invitePartnerToPledge", "partnerOrganisationId", "invited", null, request);
    }

    @Post(value = "/{id}/register", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> registerPledge(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Keeping> steps = keeping(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", form.value("id"));
        input.put("version", ActionPlanPages.number(form.value("version")));
        PageOperations.Answer answer = operations.run(
                "pages/registerPledge", Map.of("input", input), keeping.member().caller(), request);
        return decided(keeping, answer, "registerPledge", "id", null, "Registered", request);
    }

    @Get("/{id}/badge")
    HttpResponse<?> badge(String tenant, String id, HttpRequest<?> request) {
        Steps<Keeping> steps = keeping(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        Registration pledge = keeping.agency().pledge();
        if (pledge == null || !pledge.current() || pledge.badge() == null) {
            return HttpResponse.seeOther(URI.create(agencyHref(tenant, id)));
        }
        return templates.page(
                "boardPledgeBadge",
                members.layout(keeping.member(), "Pledge registered", keeping.read(), request),
                new BadgePage(keeping.agency(), agencyHref(tenant, id)));
    }

    @Get("/{id}/sign")
    HttpResponse<?> signing(String tenant, String id, HttpRequest<?> request) {
        return form(tenant, id, Step.SIGN, request);
    }

    @Post(value = "/{id}/sign", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sign(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, id, Step.SIGN, body, request);
    }

    @Get("/{id}/renew")
    HttpResponse<?> renewing(String tenant, String id, HttpRequest<?> request) {
        return form(tenant, id, Step.RENEW, request);
    }

    @Post(value = "/{id}/renew", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renew(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, id, Step.RENEW, body, request);
    }

    @Get("/{id}/withdraw")
    HttpResponse<?> withdrawing(String tenant, String id, HttpRequest<?> request) {
        return form(tenant, id, Step.WITHDRAW, request);
    }

    @Post(value = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, id, Step.WITHDRAW, body, request);
    }

    /**
     * A decision taken on the agency's page: saved, to the page (or the badge) it leads to;
     * otherwise the page again with why, or with who decided first.
     */
    private HttpResponse<?> decided(
            Keeping keeping,
            PageOperations.Answer answer,
            String mutation,
            String idField,
            @Nullable String done,
            @Nullable String yourStatus,
            HttpRequest<?> request) {
        MemberPages.Member member = keeping.member();
        Submission submission = Submission.of(answer, mutation, DECISION);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound(idField)) {
            return errors.notFound(member.visitor(), request);
        }
        String href = agencyHref(member.tenantSlug(), keeping.agency().id());
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(done == null ? href + "/badge" : href + "?done=" + done));
        }
        Steps<Keeping> stepsAgain =
                keeping(member.tenantSlug(), keeping.agency().id(), null, request);
        if (stepsAgain.refusal() != null) {
            return stepsAgain.refusal();
        }
        Keeping again = stepsAgain.found();
        if (submission.conflict()) {
            Registration now = again.agency().pledge();
            Conflict conflict = conflict(again, List.of(new Conflict.Row("Status", statusOf(now), yourStatus)));
            return agencyPage(
                    again,
                    null,
                    Form.empty().withErrors(Map.of(CONFLICT, changedMeanwhile(conflict, now))),
                    conflict,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, String> onTheDecision = new LinkedHashMap<>();
        submission.errors().values().forEach(message -> onTheDecision.putIfAbsent(DECISION, message));
        return agencyPage(again, null, Form.empty().withErrors(onTheDecision), null, HttpStatus.BAD_REQUEST, request);
    }

    /** A step's form for the admin, while the pledge is where the step starts; otherwise back to the agency. */
    private HttpResponse<?> form(String tenant, String id, Step step, HttpRequest<?> request) {
        Steps<Keeping> steps = keeping(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        if (!keeper(keeping.read())) {
            return errors.notFound(keeping.member().visitor(), request);
        }
        Registration pledge = keeping.agency().pledge();
        if (pledge == null || !step.from.contains(pledge.status())) {
            return HttpResponse.seeOther(URI.create(agencyHref(tenant, id)));
        }
        Form form = Form.of(Map.of("id", pledge.id(), "version", String.valueOf(pledge.version())));
        return formPage(keeping, step, form, null, HttpStatus.OK, request);
    }

    private HttpResponse<?> take(String tenant, String id, Step step, @Nullable String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Keeping> steps = keeping(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Keeping keeping = steps.found();
        MemberPages.Member member = keeping.member();
        PageOperations.Answer taken = operations.run(
                "pages/" + step.mutation, Map.of("input", PledgePages.input(step, form)), member.caller(), request);
        Submission submission = Submission.of(taken, step.mutation, step.firstQuestion());
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), taken.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(agencyHref(tenant, id) + "?done=" + step.path));
        }
        Steps<Keeping> stepsAgain = keeping(tenant, id, null, request);
        if (stepsAgain.refusal() != null) {
            return stepsAgain.refusal();
        }
        Keeping again = stepsAgain.found();
        Registration now = again.agency().pledge();
        if (!submission.conflict() || now == null) {
            return formPage(
                    again, step, PledgePages.refused(step, submission, form), null, HttpStatus.BAD_REQUEST, request);
        }
        Conflict conflict = conflict(again, yours(step, now, form));
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        values.put("version", List.of(String.valueOf(now.version())));
        Form kept = new Form(values, Map.of()).withErrors(Map.of(CONFLICT, changedMeanwhile(conflict, now)));
        return formPage(again, step, kept, conflict, HttpStatus.BAD_REQUEST, request);
    }

    /** The pledge as saved now beside what this person was recording. */
    private static List<Conflict.Row> yours(Step step, Registration now, Form form) {
        List<Conflict.Row> rows = new ArrayList<>();
        if (step == Step.WITHDRAW) {
            rows.add(new Conflict.Row("Status", statusOf(now), "Withdrawn"));
            rows.add(new Conflict.Row(
                    "Why the pledge is withdrawn",
                    given(now.withdrawnReason()),
                    given(form.value("reason").strip())));
            return rows;
        }
        rows.add(new Conflict.Row("Status", statusOf(now), step == Step.SIGN ? "Signed" : statusOf(now)));
        rows.add(new Conflict.Row("Signed", given(now.signatory()), given(form.value("signatory"))));
        rows.add(new Conflict.Row("Post held", given(now.postHeld()), given(form.value("postHeld"))));
        rows.add(new Conflict.Row("Organisation", given(now.onBehalfOf()), given(form.value("onBehalfOf"))));
        String typedDay = DateFields.iso(form, "signedOn");
        rows.add(new Conflict.Row(
                "Date",
                now.signedOn() == null ? "Not given" : Dates.day(now.signedOn()),
                typedDay == null ? "Not given" : Dates.day(typedDay)));
        return rows;
    }

    private static String given(@Nullable String text) {
        return text == null || text.isBlank() ? "Not given" : text;
    }

    private static String statusOf(@Nullable Registration pledge) {
        return pledge == null ? Labels.of(NOT_INVITED) : Labels.of(pledge.status());
    }

    /** Who changed the agency's pledge last, as read again, beside the rows of their version and this person's. */
    private static Conflict conflict(Keeping again, List<Conflict.Row> rows) {
        JsonNode lastChange = again.read().data().path("node").path("pledge").path("lastChange");
        return Conflict.of(lastChange.isObject() ? lastChange : NullNode.getInstance(), rows);
    }

    private static String changedMeanwhile(Conflict conflict, Registration now) {
        return conflict.by() + " changed this pledge after you opened it: it is now "
                + statusOf(now).toLowerCase(Locale.UK) + ". Check it before you decide";
    }

    /** An agency whose pledge the visitor keeps, and every registration it has had: what the first steps find. */
    private record Keeping(
            MemberPages.Member member, PageOperations.Answer read, Organisation agency, List<Registration> history) {}

    /**
     * Signs the visitor in to the partnership, checks a form's token (when there is a form), lets
     * only the board on, and reads the agency with every registration it has had; another
     * partnership's or a missing agency is not found.
     */
    private Steps<Keeping> keeping(String tenant, String id, @Nullable Form form, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return Steps.refused(members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return Steps.refused(errors.forbidden(member.visitor(), request));
        }
        if (!Visitors.isBoard(member.visitor())) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        List<JsonNode> registrations = new ArrayList<>();
        PageOperations.Answer read = everyPage(
                "pages/boardPledge",
                "pledgeRegistrations",
                new HashMap<>(Map.of("slug", tenant, "id", id)),
                member,
                request,
                (answer, node) -> registrations.add(node));
        JsonNode agency = read == null ? NullNode.getInstance() : read.data().path("node");
        if (read == null || !agency.path("name").isTextual()) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        Organisation organisation = read.convert(agency, Organisation.class);
        List<Registration> history = registrations.stream()
                .filter(node ->
                        node.path("partnerOrganisation").path("id").asText().equals(organisation.id()))
                .map(node -> read.convert(node, Registration.class))
                .toList();
        return Steps.found(new Keeping(member, read, organisation, history));
    }

    /** The operation's first answer after running it for every page of {@code field}; null if it answered none. */
    private PageOperations.@Nullable Answer everyPage(
            String operation,
            String field,
            Map<String, Object> variables,
            MemberPages.Member member,
            HttpRequest<?> request,
            BiConsumer<PageOperations.Answer, JsonNode> each) {
        PageOperations.Answer first = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            PageOperations.Answer answer = operations.run(operation, variables, member.caller(), request);
            JsonNode connection = answer.data().path(field);
            if (!connection.isObject()) {
                return first;
            }
            first = first == null ? answer : first;
            connection.path("edges").forEach(edge -> each.accept(answer, edge.path("node")));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                break;
            }
            variables.put("after", connection.path("pageInfo").path("endCursor").asText());
        }
        return first;
    }

    private HttpResponse<?> agencyPage(
            Keeping keeping,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        MemberPages.Member member = keeping.member();
        PageOperations.Answer read = keeping.read();
        Organisation agency = keeping.agency();
        String title = (form.hasErrors() ? "Error: " : "") + "The pledge of " + agency.name();
        JsonNode category = read.data().path("node").path("category");
        return templates.page(
                status,
                "boardPledge",
                members.layout(member, title, read, request),
                new AgencyPage(
                        agency,
                        categories(read).getOrDefault(category.asText(""), category.asText(null)),
                        keeping.history(),
                        read.as("/publishedConfiguration/pledge", PledgeText.class),
                        keeper(read),
                        agencyHref(member.tenantSlug(), agency.id()),
                        "/" + member.tenantSlug() + "/board/pledges",
                        banner,
                        form,
                        conflict));
    }

    private HttpResponse<?> formPage(
            Keeping keeping,
            Step step,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        MemberPages.Member member = keeping.member();
        Organisation agency = keeping.agency();
        Registration pledge = agency.pledge();
        String title = switch (step) {
            case SIGN -> "Record a signed pledge";
            case RENEW -> "Record a renewal";
            case WITHDRAW -> "Record a withdrawal";
        };
        return templates.page(
                status,
                step == Step.WITHDRAW ? "pledgeWithdraw" : "pledgeSign",
                members.layout(member, (form.hasErrors() ? "Error: " : "") + title, keeping.read(), request),
                new PledgePages.PledgeForm(
                        agency,
                        pledge,
                        PledgePages.pledgeOf(keeping.read(), pledge),
                        form,
                        step.path,
                        agencyHref(member.tenantSlug(), agency.id()),
                        true,
                        conflict));
    }

    /** Whether the visitor keeps the register, as the API says who may: the tenant admin. */
    private static boolean keeper(PageOperations.Answer answer) {
        for (JsonNode role : answer.data().path("viewer").path("roles")) {
            if (role.asText().equals("TENANT_ADMIN")) {
                return true;
            }
        }
        return false;
    }

    /** The partnership's partner categories, code to label. */
    private static Map<String, String> categories(PageOperations.Answer answer) {
        Map<String, String> labels = new HashMap<>();
        answer.data()
                .path("publishedConfiguration")
                .path("termsInForce")
                .path("partnerCategories")
                .forEach(category -> labels.put(
                        category.path("code").asText(), category.path("label").asText()));
        return labels;
    }

    private static Row row(String tenant, Listed agency, Map<String, String> categories) {
        Registration pledge = agency.pledge();
        return new Row(
                agencyHref(tenant, agency.id()),
                agency.name(),
                agency.parent() == null ? null : agency.parent().name(),
                agency.category() == null ? "" : categories.getOrDefault(agency.category(), agency.category()),
                agency.status(),
                pledge == null ? "" : day(pledge.signedOn()),
                pledge == null ? "" : day(pledge.registeredOn()),
                pledge == null ? "" : day(pledge.renewalDueOn()),
                pledge == null ? "" : day(pledge.endedOn()),
                pledge != null && pledge.current() && pledge.badge() != null
                        ? pledge.badge().code()
                        : null);
    }

    private static String day(@Nullable String isoDate) {
        return isoDate == null ? "" : Dates.day(isoDate);
    }

    static String agencyHref(String tenant, String id) {
        return "/" + tenant + "/board/pledges/" + id;
    }
}
