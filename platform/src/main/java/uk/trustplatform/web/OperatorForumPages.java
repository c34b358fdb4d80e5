package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform operator's regional forums: the list, a new forum, and a change to one (its name,
 * region, the smallest number of records a figure may be built from, and whether comparisons name
 * the authorities), with a change on a version someone else replaced shown beside what is saved.
 */
@Controller(OperatorPages.HOME + "/forums")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OperatorForumPages {

    private static final String HREF = OperatorPages.HOME + "/forums";
    private static final String NEW = "new";
    private static final String SLUG = "slug";
    private static final String NAME = "name";
    private static final String REGION = "region";
    private static final String MINIMUM = "minimumRecords";
    private static final String NAMING = "naming";
    private static final String CONFLICT = "conflict";
    private static final List<String> REGIONS = List.of(
            "NORTH_EAST",
            "NORTH_WEST",
            "YORKSHIRE_AND_THE_HUMBER",
            "EAST_MIDLANDS",
            "WEST_MIDLANDS",
            "EAST_OF_ENGLAND",
            "LONDON",
            "SOUTH_EAST",
            "SOUTH_WEST");

    public static final List<Option> NAMINGS = List.of(
            new Option("NAMED", "Named", "Comparisons name each authority."),
            new Option(
                    "ANONYMISED",
                    "Anonymised",
                    "Comparisons label the authorities A, B, C …, in an order that reveals nothing."));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final Visitors visitors;
    private final OperatorVisits operators;
    private final ErrorPages errors;

    OperatorForumPages(
            PageOperations operations,
            PageTemplates templates,
            Visitors visitors,
            OperatorVisits operators,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.visitors = visitors;
        this.operators = operators;
        this.errors = errors;
    }

    /** A forum as the API gives it. */
    public record Forum(String slug, String name, String region, int minimumRecords, String naming, long version) {

        public String regionWords() {
            return Labels.region(region);
        }

        public String namingWords() {
            return Labels.of(naming);
        }

        /** What the forum's comparisons show of each authority, as its naming's hint says. */
        public String namingHint() {
            return NAMINGS.stream()
                    .filter(option -> option.value().equals(naming))
                    .map(Option::hint)
                    .findFirst()
                    .orElse("");
        }

        Form form() {
            return Form.of(Map.of(
                    SLUG,
                    slug,
                    NAME,
                    name,
                    REGION,
                    region,
                    MINIMUM,
                    String.valueOf(minimumRecords),
                    NAMING,
                    naming,
                    "version",
                    String.valueOf(version)));
        }
    }

    public record ListPage(List<Forum> forums, @Nullable String banner) {}

    /**
     * @param forum the forum changed; null for a new one
     * @param conflict the saved version beside what was typed, when someone else changed it first
     */
    public record FormPage(
            @Nullable Forum forum, Form form, @Nullable Conflict conflict) {

        public String action() {
            return HREF + "/" + (forum == null ? NEW : forum.slug());
        }

        public List<Option> regions() {
            List<Option> regions = new ArrayList<>();
            regions.add(new Option("", "Choose the region"));
            REGIONS.forEach(code -> regions.add(new Option(code, Labels.region(code))));
            return List.copyOf(regions);
        }

        public List<Option> namings() {
            return NAMINGS;
        }
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<Visitor> operator = operators.of(request);
        if (operator.isEmpty()) {
            return operators.refuse(request);
        }
        PageOperations.Answer answer = forums(operator.get(), request);
        if (!answer.data().path("regionalForums").isArray()) {
            return errors.serviceProblem(operator.get(), request, answer.correlationId());
        }
        List<Forum> forums = answer.list("regionalForums", Forum.class);
        String banner = forums.stream()
                .filter(forum -> forum.slug().equals(saved))
                .findFirst()
                .map(forum -> forum.name() + " is saved.")
                .orElse(null);
        return templates.page(
                "operatorForums",
                visitors.layout(operator.get(), "Regional forums", null, request),
                new ListPage(forums, banner));
    }

    @Get("/{slug}")
    HttpResponse<?> edit(String slug, HttpRequest<?> request) {
        Optional<Visitor> operator = operators.of(request);
        if (operator.isEmpty()) {
            return operators.refuse(request);
        }
        if (slug.equals(NEW)) {
            return formPage(operator.get(), null, Form.of(Map.of(MINIMUM, "5", NAMING, "NAMED")), null, request);
        }
        Optional<Forum> forum = forum(operator.get(), slug, request);
        if (forum.isEmpty()) {
            return errors.notFound(operator.get(), request);
        }
        return formPage(operator.get(), forum.get(), forum.get().form(), null, request);
    }

    @Post(value = "/{slug}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(String slug, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        OperatorVisits.Posted posted = operators.posted(form, request);
        if (posted.refusal() != null) {
            return posted.refusal();
        }
        Visitor operator = posted.visitor();
        Forum current = null;
        if (!slug.equals(NEW)) {
            Optional<Forum> found = forum(operator, slug, request);
            if (found.isEmpty()) {
                return errors.notFound(operator, request);
            }
            current = found.get();
        }
        Map<String, String> unsendable = unsendable(form);
        if (!unsendable.isEmpty()) {
            return formPage(operator, current, form.withErrors(unsendable), null, request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(SLUG, current == null ? form.value(SLUG).strip() : current.slug());
        input.put(NAME, form.value(NAME));
        input.put(REGION, form.value(REGION));
        input.put(MINIMUM, Integer.parseInt(form.value(MINIMUM).strip()));
        input.put(NAMING, form.value(NAMING));
        if (current != null) {
            input.put("version", ActionPlanPages.number(form.value("version")));
        }
        PageOperations.Answer answer =
                operations.run("pages/saveRegionalForum", Map.of("input", input), operator.caller(), request);
        Submission submission = Submission.of(answer, "saveRegionalForum", NAME);
        if (submission.refusal() != null) {
            return errors.refused(operator, request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(HREF + "?saved=" + input.get(SLUG)));
        }
        if (!submission.conflict()) {
            return formPage(operator, current, form.withErrors(submission.errors()), null, request);
        }
        Optional<Forum> now = forum(operator, input.get(SLUG).toString(), request);
        if (now.isEmpty()) {
            return errors.notFound(operator, request);
        }
        return conflictPage(operator, current, now.get(), form, request);
    }

    /**
     * A forum saved by someone else since this form was read (or, for a new one, a slug already
     * taken): their version beside what was typed, which stays in the form on their version.
     */
    private MutableHttpResponse<String> conflictPage(
            Visitor operator, @Nullable Forum read, Forum now, Form typed, HttpRequest<?> request) {
        Conflict conflict = new Conflict(
                "Someone else",
                null,
                List.of(
                        new Conflict.Row("Name", now.name(), typed.value(NAME)),
                        new Conflict.Row("Region", now.regionWords(), Labels.region(typed.value(REGION))),
                        new Conflict.Row("Minimum records", String.valueOf(now.minimumRecords()), typed.value(MINIMUM)),
                        new Conflict.Row("Comparisons", now.namingWords(), Labels.of(typed.value(NAMING)))));
        Map<String, List<String>> values = new LinkedHashMap<>(typed.values());
        values.put("version", List.of(String.valueOf(now.version())));
        String message = read == null
                ? "There is already a forum " + now.slug() + ": change it here, or go back and choose another slug"
                : "Someone else changed this forum while you were changing it: check their version, then save again";
        Form kept = new Form(values, Map.of()).withErrors(Map.of(CONFLICT, message));
        return formPage(operator, now, kept, conflict, request);
    }

    /** What the API could not even be sent: a region or naming that is none of its own, a number that is no number. */
    private static Map<String, String> unsendable(Form form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!REGIONS.contains(form.value(REGION))) {
            problems.put(REGION, "Select the region whose partnerships the forum compares");
        }
        if (!form.value(MINIMUM).strip().matches("[0-9]{1,6}")) {
            problems.put(MINIMUM, "Enter the minimum number of records as a whole number, like 5");
        }
        if (NAMINGS.stream().noneMatch(naming -> naming.value().equals(form.value(NAMING)))) {
            problems.put(NAMING, "Select whether comparisons name the authorities");
        }
        return problems;
    }

    private MutableHttpResponse<String> formPage(
            Visitor operator, @Nullable Forum forum, Form form, @Nullable Conflict conflict, HttpRequest<?> request) {
        String title = forum == null ? "Create a regional forum" : "Change " + forum.name();
        return templates.page(
                form.hasErrors() ? HttpStatus.BAD_REQUEST : HttpStatus.OK,
                "operatorForum",
                visitors.layout(operator, form.hasErrors() ? "Error: " + title : title, null, request),
                new FormPage(forum, form, conflict));
    }

    private PageOperations.Answer forums(Visitor operator, HttpRequest<?> request) {
        return operations.run("pages/operatorForums", Map.of(), operator.caller(), request);
    }

    private Optional<Forum> forum(Visitor operator, String slug, HttpRequest<?> request) {
        return forums(operator, request).list("regionalForums", Forum.class).stream()
                .filter(forum -> forum.slug().equals(slug))
                .findFirst();
    }
}
