package uk.trustplatform.web;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.web.SelfAssessmentPages.Assessment;
import uk.trustplatform.web.SelfAssessmentPages.FrameworkName;
import uk.trustplatform.web.SelfAssessmentPages.Published;
import uk.trustplatform.web.SelfAssessmentPages.Tag;

/**
 * The board's self-assessment pages: a year's assessments against one framework with the partners
 * not yet assessed, how many partners rate each standard at each level, and one assessment to
 * agree or return with a comment.
 */
@Controller("/{tenant}/board/self-assessments")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BoardSelfAssessmentPages {

    private static final List<Option> DECISIONS = List.of(
            new Option("AGREE", "Agree the self-assessment"),
            new Option(
                    "RETURN",
                    "Return it to the partner",
                    "Say why in the comment: the partner changes its answers and submits it again."));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    BoardSelfAssessmentPages(
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

    public record Partner(String id, String name, Boolean statutory) {}

    public record Summary(
            String id, int year, String framework, String scale, String status, Partner partnerOrganisation) {}

    public record Edge(Summary node) {}

    public record Listed(List<Edge> edges) {}

    public record LevelCount(String level, String label, int partners) {}

    public record Distribution(String standard, String criterion, String title, List<LevelCount> counts) {

        public String name() {
            return criterion.equals(standard) ? "Standard " + standard : "Criterion " + criterion;
        }
    }

    public record Overview(
            int assessed,
            String scaleName,
            List<SelfAssessmentPages.Level> levels,
            List<Distribution> standards,
            List<Partner> notYetAssessed) {}

    /** A framework to look at, and whether it is the one shown. */
    public record Choice(String href, String name, boolean current) {}

    public record ListPage(
            int year,
            String frameworkName,
            List<Choice> frameworks,
            List<Row> assessments,
            List<Partner> notYetAssessed,
            String ratingsHref) {}

    public record Row(String href, String partner, String scale, Tag status) {}

    public record RatingsPage(
            int year, String frameworkName, String scale, List<Choice> scales, Overview overview, String listHref) {

        public List<String> levelLabels() {
            return overview.levels().stream()
                    .map(SelfAssessmentPages.Level::label)
                    .toList();
        }
    }

    public record AssessmentPage(
            String href,
            String listHref,
            Assessment assessment,
            String frameworkName,
            Tag status,
            List<SelfAssessmentPages.Item> items,
            @Nullable String saved,
            Form form) {

        public boolean reviewable() {
            return "SUBMITTED".equals(assessment.status());
        }

        public List<Option> decisions() {
            return DECISIONS;
        }
    }

    @Get
    HttpResponse<?> list(
            String tenant,
            @Nullable @QueryValue Integer year,
            @Nullable @QueryValue String framework,
            HttpRequest<?> request) {
        Optional<MemberPages.Member> member = board(tenant, request);
        if (member.isEmpty()) {
            return refuse(tenant, request);
        }
        int chosen = year == null ? clock.year() : year;
        String shown = framework == null ? "" : framework;
        PageOperations.Answer read = operations.run(
                "pages/boardSelfAssessments",
                Map.of("slug", tenant, "year", chosen, "framework", shown),
                member.get().caller(),
                request);
        List<FrameworkName> published = published(read);
        if (framework == null && !published.isEmpty()) {
            return HttpResponse.seeOther(
                    URI.create(listHref(tenant, chosen, published.getFirst().key())));
        }
        Overview overview = read.as("selfAssessmentOverview", Overview.class);
        Listed listed = read.as("selfAssessments", Listed.class);
        if (overview == null || listed == null) {
            return errors.serviceProblem(member.get().visitor(), request, read.correlationId());
        }
        List<Row> rows = listed.edges().stream()
                .map(Edge::node)
                .filter(found -> found.framework().equals(shown))
                .map(found -> new Row(
                        href(tenant, found.id()),
                        found.partnerOrganisation().name(),
                        scaleName(read, found.scale()),
                        Tag.status(found.status())))
                .sorted((one, other) -> one.partner().compareToIgnoreCase(other.partner()))
                .toList();
        String name = SelfAssessmentPages.frameworkName(read, shown);
        return templates.page(
                "boardSelfAssessments",
                members.layout(member.get(), "Self-assessments " + chosen, read, request),
                new ListPage(
                        chosen,
                        name,
                        published.stream()
                                .map(found -> new Choice(
                                        listHref(tenant, chosen, found.key()),
                                        found.name(),
                                        found.key().equals(shown)))
                                .toList(),
                        rows,
                        overview.notYetAssessed(),
                        "/" + tenant + "/board/self-assessments/ratings?year=" + chosen + "&framework="
                                + encoded(shown)));
    }

    @Get("/ratings")
    HttpResponse<?> ratings(
            String tenant,
            @Nullable @QueryValue Integer year,
            @Nullable @QueryValue String framework,
            @Nullable @QueryValue String scale,
            HttpRequest<?> request) {
        Optional<MemberPages.Member> member = board(tenant, request);
        if (member.isEmpty()) {
            return refuse(tenant, request);
        }
        if (year == null || framework == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String chosenScale = scale == null ? "HEAR_BY_RIGHT" : scale;
        PageOperations.Answer read = operations.run(
                "pages/selfAssessmentRatings",
                Map.of("slug", tenant, "year", year, "framework", framework, "scale", chosenScale),
                member.get().caller(),
                request);
        Overview overview = read.as("selfAssessmentOverview", Overview.class);
        if (overview == null) {
            return errors.serviceProblem(member.get().visitor(), request, read.correlationId());
        }
        String name = SelfAssessmentPages.frameworkName(read, framework);
        String here =
                "/" + tenant + "/board/self-assessments/ratings?year=" + year + "&framework=" + encoded(framework);
        return templates.page(
                "selfAssessmentRatings",
                members.layout(member.get(), "Ratings across partners – self-assessments " + year, read, request),
                new RatingsPage(
                        year,
                        name,
                        overview.scaleName(),
                        SelfAssessmentPages.scales(read).stream()
                                .map(option -> new Choice(
                                        here + "&scale=" + encoded(option.code()),
                                        option.name(),
                                        option.code().equals(chosenScale)))
                                .toList(),
                        overview,
                        listHref(tenant, year, framework)));
    }

    @Get("/{id}")
    HttpResponse<?> assessment(String tenant, String id, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = board(tenant, request);
        if (member.isEmpty()) {
            return refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = SelfAssessmentPages.assessment(read);
        if (assessment == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return show(member.get(), read, assessment, saved, Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> review(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        if (!Visitors.isBoard(member.get().visitor())) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = SelfAssessmentPages.assessment(read);
        if (assessment == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", assessment.id());
        input.put("version", SelfAssessmentPages.version(form));
        input.put("decision", "RETURN".equals(form.value("decision")) ? "RETURN" : "AGREE");
        input.put("comment", form.value("comment"));
        Map<String, String> placed = new LinkedHashMap<>();
        if (form.value("decision").isBlank()) {
            placed.put("decision", "Select whether you agree the self-assessment or return it");
        } else {
            PageOperations.Answer answer = operations.run(
                    "pages/reviewSelfAssessment",
                    Map.of("input", input),
                    member.get().caller(),
                    request);
            Submission submission = Submission.of(answer, "reviewSelfAssessment", "decision");
            if (submission.refusal() != null) {
                return errors.refused(member.get().visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (submission.saved()) {
                return HttpResponse.seeOther(URI.create(href(tenant, id) + "?saved="
                        + ("RETURN".equals(input.get("decision")) ? "returned" : "agreed")));
            }
            submission
                    .errors()
                    .forEach((field, message) -> placed.merge(
                            field.equals("comment") ? field : "decision", message, (one, other) -> one + " " + other));
        }
        return show(member.get(), read, assessment, null, form.withErrors(placed), HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> show(
            MemberPages.Member member,
            PageOperations.Answer read,
            Assessment assessment,
            @Nullable String saved,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        String href = href(tenant, assessment.id());
        String title = (form.hasErrors() ? "Error: " : "")
                + assessment.partnerOrganisation().name() + " – " + SelfAssessmentPages.title(assessment);
        return templates.page(
                status,
                "boardSelfAssessment",
                members.layout(member, title, read, request),
                new AssessmentPage(
                        href,
                        listHref(tenant, assessment.year(), assessment.framework()),
                        assessment,
                        SelfAssessmentPages.frameworkName(read, assessment.framework()),
                        Tag.status(assessment.status()),
                        SelfAssessmentPages.items(tenant, assessment, href),
                        saved == null ? null : "The self-assessment is " + saved,
                        form));
    }

    private PageOperations.Answer read(String tenant, String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/selfAssessment", Map.of("slug", tenant, "id", id), member.caller(), request);
    }

    /** A board member (or the tenant admin) signed in to the partnership. */
    private Optional<MemberPages.Member> board(String tenant, HttpRequest<?> request) {
        return members.of(tenant, request).filter(member -> Visitors.isBoard(member.visitor()));
    }

    /** Someone not signed in is sent to sign in; a member who is not on the board finds no such page. */
    private HttpResponse<?> refuse(String tenant, HttpRequest<?> request) {
        return members.of(tenant, request)
                .<HttpResponse<?>>map(member -> errors.notFound(member.visitor(), request))
                .orElseGet(() -> members.refuse(tenant, request));
    }

    /** A scale's name among the partnership's, or its code for one it no longer has. */
    private static String scaleName(PageOperations.Answer read, String code) {
        return SelfAssessmentPages.scales(read).stream()
                .filter(scale -> scale.code().equals(code))
                .map(SelfAssessmentPages.Scale::name)
                .findFirst()
                .orElse(code);
    }

    private static List<FrameworkName> published(PageOperations.Answer read) {
        Published published = read.as("publishedConfiguration", Published.class);
        return published == null || published.standardsFrameworks() == null
                ? List.of()
                : published.standardsFrameworks();
    }

    private static String listHref(String tenant, int year, String framework) {
        return "/" + tenant + "/board/self-assessments?year=" + year + "&framework=" + encoded(framework);
    }

    private static String href(String tenant, String id) {
        return "/" + tenant + "/board/self-assessments/" + id;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
