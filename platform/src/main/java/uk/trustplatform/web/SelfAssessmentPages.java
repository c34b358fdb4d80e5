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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.trustplatform.api.LondonClock;

/**
 * A partner's self-assessment against one of the partnership's standards frameworks, as its
 * partner lead writes it (Medway: "All services to complete and return self-assessment form"):
 * this year's started, each standard rated with evidence and what young people say (task list),
 * the answers checked and submitted, and the board's review read.
 */
@Controller("/{tenant}/self-assessment")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SelfAssessmentPages {

    public static final String NO_NAMES =
            "Do not name children or young people, or give anything that could identify one.";

    private static final String START = "framework";
    private static final String SUBMIT = "submit";
    private static final List<String> QUESTIONS = List.of("level", "evidence", "whatYoungPeopleSay");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    SelfAssessmentPages(
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

    public record Organisation(String id, String name) {}

    public record Viewer(Organisation partnerOrganisation) {}

    public record FrameworkName(String key, String name) {}

    public record Published(List<FrameworkName> standardsFrameworks) {}

    public record Summary(String id, int year, String framework, String status, Organisation partnerOrganisation) {}

    public record Edge(Summary node) {}

    public record Listed(List<Edge> edges) {}

    /** A level of a rating scale, and how it reads. */
    public record Level(String code, String label) {}

    public record Scale(String code, String name, List<Level> levels) {

        /** The scale as a choice: its name, with its levels as the hint. */
        Option option() {
            return new Option(
                    code,
                    name,
                    "Levels: "
                            + String.join(
                                    ", ", levels.stream().map(Level::label).toList()));
        }
    }

    public record PlanRef(String id) {}

    /** An action added for a rated standard's gap. */
    public record GapAction(String id, String description, PlanRef actionPlan) {}

    public record Rating(
            String id,
            Integer version,
            String standard,
            String criterion,
            String title,
            String level,
            String levelLabel,
            List<GapAction> actions,
            String evidence,
            String whatYoungPeopleSay) {

        public Rating {
            actions = actions == null ? List.of() : actions;
        }

        /** "Standard 2" or "Criterion 1.1": how the pages name it. */
        public String name() {
            return criterion.equals(standard) ? "Standard " + standard : "Criterion " + criterion;
        }
    }

    public record Earlier(int year) {}

    public record Assessment(
            String id,
            Integer version,
            Integer year,
            String framework,
            String scale,
            String scaleName,
            List<Level> levels,
            String status,
            String reviewComment,
            String submittedAt,
            String reviewedAt,
            Organisation partnerOrganisation,
            Earlier carriedForwardFrom,
            List<Rating> ratings,
            JsonNode lastChange) {

        public boolean open() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }

        public long rated() {
            return ratings.stream().filter(rating -> rating.level() != null).count();
        }

        /** The level's label on the assessment's scale; the code itself for a level it does not have. */
        public String label(String level) {
            return levels.stream()
                    .filter(found -> found.code().equals(level))
                    .map(Level::label)
                    .findFirst()
                    .orElse(level);
        }
    }

    /**
     * The list page: the organisation's assessments, and this year's to start.
     *
     * @param organisation the person's own organisation; null when they have none
     */
    public record ListPage(
            @Nullable Organisation organisation,
            int year,
            List<Row> assessments,
            List<Option> frameworks,
            List<Option> scales,
            List<Option> carryForward,
            Form form) {}

    public record Row(String href, int year, String framework, Tag status) {}

    /** A status or level as a GOV.UK tag. */
    public record Tag(String label, String colour) {

        static Tag status(String code) {
            return new Tag(
                    Labels.of(code),
                    switch (code) {
                        case "SUBMITTED" -> "blue";
                        case "AGREED" -> "green";
                        case "RETURNED" -> "orange";
                        default -> "grey";
                    });
        }

        /**
         * A level by its place on the assessment's scale, from the first (red) to the furthest
         * (green), the levels between orange; null for none.
         */
        static @Nullable Tag level(Assessment assessment, @Nullable String level) {
            if (level == null) {
                return null;
            }
            List<String> codes = assessment.levels().stream().map(Level::code).toList();
            int place = codes.indexOf(level);
            return new Tag(
                    assessment.label(level), place == 0 ? "red" : place == codes.size() - 1 ? "green" : "orange");
        }
    }

    /**
     * A standard as the pages list it.
     *
     * @param level its level as a tag; null until it is rated
     * @param gapHref where an action is added for its gap; null until it is rated
     * @param actions the actions added for its gap, each with its page's address
     */
    public record Item(
            String href,
            Rating rating,
            @Nullable Tag level,
            @Nullable String gapHref,
            List<Option> actions) {}

    public record AssessmentPage(
            String href,
            String listHref,
            Assessment assessment,
            String frameworkName,
            Tag status,
            List<Item> items,
            @Nullable String saved) {}

    public record RatingPage(
            String action,
            String assessmentHref,
            String caption,
            Rating rating,
            String version,
            List<Option> levels,
            Form form,
            @Nullable Conflict conflict) {}

    public record CheckPage(String href, Assessment assessment, String frameworkName, List<Item> items, Form form) {}

    @Get
    HttpResponse<?> list(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        return showList(member.get(), readList(tenant, member.get(), request), Form.empty(), HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = readList(tenant, member.get(), request);
        Viewer viewer = read.as("viewer", Viewer.class);
        if (viewer == null || viewer.partnerOrganisation() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("partnerOrganisationId", viewer.partnerOrganisation().id());
        input.put("year", clock.year());
        input.put("framework", form.value("framework"));
        if (!form.value("scale").isBlank()) {
            input.put("scale", form.value("scale"));
        }
        if (!form.value("carryForwardFromId").isBlank()) {
            input.put("carryForwardFromId", form.value("carryForwardFromId"));
        }
        PageOperations.Answer answer = operations.run(
                "pages/startSelfAssessment",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "startSelfAssessment", START);
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            String id = submission.payload().path("selfAssessment").path("id").asText();
            return HttpResponse.seeOther(URI.create(href(tenant, id) + "?saved=started"));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        submission
                .errors()
                .forEach((field, message) -> placed.merge(
                        field.equals("carryForwardFromId") || field.equals("scale") ? field : START,
                        message,
                        (one, other) -> one + " " + other));
        return showList(member.get(), read, form.withErrors(placed), HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}")
    HttpResponse<?> assessment(String tenant, String id, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = assessment(read);
        if (assessment == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String href = href(tenant, id);
        return templates.page(
                "selfAssessment",
                members.layout(member.get(), title(assessment), read, request),
                new AssessmentPage(
                        href,
                        "/" + tenant + "/self-assessment",
                        assessment,
                        frameworkName(read, assessment.framework()),
                        Tag.status(assessment.status()),
                        items(tenant, assessment, href),
                        savedMessage(saved, assessment)));
    }

    @Get("/{id}/ratings/{rating}")
    HttpResponse<?> rating(String tenant, String id, String rating, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = assessment(read);
        Rating found = assessment == null ? null : rating(assessment, rating);
        if (assessment == null || found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!assessment.open()) {
            return HttpResponse.seeOther(URI.create(href(tenant, id)));
        }
        Map<String, String> saved = new LinkedHashMap<>();
        saved.put("level", found.level());
        saved.put("evidence", found.evidence());
        saved.put("whatYoungPeopleSay", found.whatYoungPeopleSay());
        return showRating(member.get(), read, assessment, found, Form.of(saved), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/ratings/{rating}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rate(String tenant, String id, String rating, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = assessment(read);
        Rating found = assessment == null ? null : rating(assessment, rating);
        if (assessment == null || found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("selfAssessmentId", assessment.id());
        input.put("standard", found.standard());
        input.put("criterion", found.criterion());
        input.put("version", version(form));
        input.put("level", form.value("level").isBlank() ? null : form.value("level"));
        input.put("evidence", form.value("evidence"));
        input.put("whatYoungPeopleSay", form.value("whatYoungPeopleSay"));
        PageOperations.Answer answer = operations.run(
                "pages/rateSelfAssessmentStandard",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "rateSelfAssessmentStandard", "level");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(href(tenant, id) + "?saved=" + found.id()));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        submission
                .errors()
                .forEach((field, message) -> placed.merge(
                        QUESTIONS.contains(field) ? field : "level", message, (one, other) -> one + " " + other));
        return showRating(
                member.get(),
                read,
                assessment,
                found,
                form.withErrors(placed),
                submission.conflict() ? conflict(assessment, found, form) : null,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Get("/{id}/check")
    HttpResponse<?> check(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = assessment(read);
        if (assessment == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!assessment.open()) {
            return HttpResponse.seeOther(URI.create(href(tenant, id)));
        }
        return showCheck(member.get(), read, assessment, Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Assessment assessment = assessment(read);
        if (assessment == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/submitSelfAssessment",
                Map.of("input", Map.of("id", assessment.id(), "version", version(form))),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "submitSelfAssessment", SUBMIT);
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(href(tenant, id) + "?saved=submitted"));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        submission
                .errors()
                .values()
                .forEach(message -> placed.merge(SUBMIT, message, (one, other) -> one + " " + other));
        return showCheck(member.get(), read, assessment, form.withErrors(placed), HttpStatus.BAD_REQUEST, request);
    }

    private PageOperations.Answer readList(String tenant, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/selfAssessments", Map.of("slug", tenant), member.caller(), request);
    }

    private PageOperations.Answer read(String tenant, String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/selfAssessment", Map.of("slug", tenant, "id", id), member.caller(), request);
    }

    private HttpResponse<?> showList(
            MemberPages.Member member,
            PageOperations.Answer read,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        Viewer viewer = read.as("viewer", Viewer.class);
        Organisation organisation = viewer == null ? null : viewer.partnerOrganisation();
        Listed listed = read.as("selfAssessments", Listed.class);
        List<Summary> own = listed == null || organisation == null
                ? List.of()
                : listed.edges().stream()
                        .map(Edge::node)
                        .filter(found -> found.partnerOrganisation().id().equals(organisation.id()))
                        .toList();
        int year = clock.year();
        List<Option> carryForward = new ArrayList<>();
        own.stream()
                .filter(earlier -> earlier.year() < year)
                .forEach(earlier -> carryForward.add(new Option(
                        earlier.id(),
                        "Yes, start from the " + earlier.year() + " self-assessment against "
                                + frameworkName(read, earlier.framework()),
                        "Each standard starts with the evidence and what young people said in " + earlier.year()
                                + "; check and update them.")));
        if (!carryForward.isEmpty()) {
            carryForward.add(new Option("", "No, start with every standard blank"));
        }
        Published published = read.as("publishedConfiguration", Published.class);
        List<Option> frameworks = published == null || published.standardsFrameworks() == null
                ? List.of()
                : published.standardsFrameworks().stream()
                        .map(framework -> new Option(framework.key(), framework.name()))
                        .toList();
        List<Option> scales = scales(read).stream().map(Scale::option).toList();
        List<Row> rows = own.stream()
                .map(found -> new Row(
                        href(tenant, found.id()),
                        found.year(),
                        frameworkName(read, found.framework()),
                        Tag.status(found.status())))
                .toList();
        String title = (form.hasErrors() ? "Error: " : "") + "Self-assessment";
        return templates.page(
                status,
                "selfAssessments",
                members.layout(member, title, read, request),
                new ListPage(organisation, year, rows, frameworks, scales, carryForward, form));
    }

    private HttpResponse<?> showRating(
            MemberPages.Member member,
            PageOperations.Answer read,
            Assessment assessment,
            Rating rating,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String assessmentHref = href(member.tenantSlug(), assessment.id());
        List<Option> levels = assessment.levels().stream()
                .map(level -> new Option(level.code(), level.label()))
                .toList();
        String title = (form.hasErrors() ? "Error: " : "") + rating.name() + " – " + title(assessment);
        return templates.page(
                status,
                "selfAssessmentRating",
                members.layout(member, title, read, request),
                new RatingPage(
                        assessmentHref + "/ratings/" + rating.id(),
                        assessmentHref,
                        title(assessment) + ": " + frameworkName(read, assessment.framework()),
                        rating,
                        ParticipationFeedbackPages.keptVersion(form, conflict, rating.version()),
                        levels,
                        form,
                        conflict));
    }

    private HttpResponse<?> showCheck(
            MemberPages.Member member,
            PageOperations.Answer read,
            Assessment assessment,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String href = href(member.tenantSlug(), assessment.id());
        String title = (form.hasErrors() ? "Error: " : "") + "Check your answers – " + title(assessment);
        return templates.page(
                status,
                "selfAssessmentCheck",
                members.layout(member, title, read, request),
                new CheckPage(
                        href,
                        assessment,
                        frameworkName(read, assessment.framework()),
                        items(member.tenantSlug(), assessment, href),
                        form));
    }

    /** The saved answers beside this person's; who changed the assessment last says who got there first. */
    private static Conflict conflict(Assessment assessment, Rating theirs, Form yours) {
        List<Conflict.Row> rows = List.of(
                row(
                        "Level",
                        theirs.level() == null ? null : assessment.label(theirs.level()),
                        assessment.label(yours.value("level").strip())),
                row("Evidence", theirs.evidence(), yours.value("evidence")),
                row("What young people say", theirs.whatYoungPeopleSay(), yours.value("whatYoungPeopleSay")));
        List<Conflict.Row> differing = rows.stream()
                .filter(row -> !Objects.equals(row.theirs(), row.yours()))
                .toList();
        return Conflict.of(
                Objects.requireNonNullElse(assessment.lastChange(), NullNode.getInstance()),
                differing.isEmpty() ? rows : differing);
    }

    private static Conflict.Row row(String label, @Nullable String theirs, @Nullable String yours) {
        return new Conflict.Row(label, theirs == null ? "" : theirs, yours == null ? "" : yours.strip());
    }

    /** The assessment a page's operation read, or null when there is none the person may see. */
    static @Nullable Assessment assessment(PageOperations.Answer read) {
        Assessment assessment = read.as("assessment", Assessment.class);
        return assessment == null || assessment.id() == null ? null : assessment;
    }

    /**
     * The assessment's standards.
     *
     * @param tenant the partnership's slug, for the actions' addresses
     */
    static List<Item> items(String tenant, Assessment assessment, String href) {
        return assessment.ratings().stream()
                .map(rating -> new Item(
                        href + "/ratings/" + rating.id(),
                        rating,
                        Tag.level(assessment, rating.level()),
                        rating.level() == null ? null : href + "/ratings/" + rating.id() + "/actions/new",
                        rating.actions().stream()
                                .map(action -> new Option(
                                        ActionPages.actionPath(
                                                tenant, action.actionPlan().id(), action.id()),
                                        action.description()))
                                .toList()))
                .toList();
    }

    /** The partnership's rating scales, as the operation read them. */
    static List<Scale> scales(PageOperations.Answer read) {
        return read.data()
                .path("ratingScales")
                .valueStream()
                .map(scale -> read.convert(scale, Scale.class))
                .toList();
    }

    static String title(Assessment assessment) {
        return "Self-assessment " + assessment.year();
    }

    static String href(String tenant, String id) {
        return "/" + tenant + "/self-assessment/" + id;
    }

    /** The framework's name as published, or its key where it is no longer published. */
    static String frameworkName(PageOperations.Answer read, String key) {
        Published published = read.as("publishedConfiguration", Published.class);
        if (published == null || published.standardsFrameworks() == null) {
            return key;
        }
        return published.standardsFrameworks().stream()
                .filter(framework -> framework.key().equals(key))
                .map(FrameworkName::name)
                .findFirst()
                .orElse(key);
    }

    static int version(Form form) {
        try {
            return Integer.parseInt(form.value("version"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static @Nullable Rating rating(Assessment assessment, String id) {
        return assessment.ratings().stream()
                .filter(rating -> rating.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String savedMessage(@Nullable String saved, Assessment assessment) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "started" -> "Your " + assessment.year() + " self-assessment is started";
            case "submitted" -> "Your self-assessment is submitted to the board";
            case "action" -> "Action added to your action plan";
            default ->
                assessment.ratings().stream()
                        .filter(rating -> rating.id().equals(saved))
                        .findFirst()
                        .map(rating -> rating.name() + " saved")
                        .orElse(null);
        };
    }
}
