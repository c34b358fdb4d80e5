package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform operator's pages: every partnership on the platform with its status; onboarding one
 * from its YAML definition (pasted or uploaded), whose problems are listed path by path with
 * nothing made; opening, suspending, reactivating and archiving a partnership, each confirmed
 * first. Operators are members of no partnership, so they sign in at {@code /operator/sign-in};
 * anyone else signed in finds no such page.
 */
@Controller(OperatorPages.HOME)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OperatorPages {

    public static final String HOME = "/operator";

    private static final String DEFINITION = "definition";

    /** Each change of status the pages offer: its address, what it makes the partnership, and its words. */
    public enum StatusChange {
        OPEN("open", "ACTIVE", "Open", "opened"),
        SUSPEND("suspend", "SUSPENDED", "Suspend", "suspended"),
        REACTIVATE("reactivate", "ACTIVE", "Reactivate", "reactivated"),
        ARCHIVE("archive", "ARCHIVED", "Archive", "archived");

        private final String path;
        private final String status;
        private final String verb;
        private final String done;

        StatusChange(String path, String status, String verb, String done) {
            this.path = path;
            this.status = status;
            this.verb = verb;
            this.done = done;
        }

        public String path() {
            return path;
        }

        public String verb() {
            return verb;
        }

        public String done() {
            return done;
        }

        static Optional<StatusChange> of(@Nullable String path) {
            for (StatusChange change : values()) {
                if (change.path.equals(path)) {
                    return Optional.of(change);
                }
            }
            return Optional.empty();
        }

        /** The changes a partnership of this status is offered: the API refuses any other. */
        static List<StatusChange> offeredFrom(String status) {
            return switch (status) {
                case "ONBOARDING" -> List.of(OPEN, ARCHIVE);
                case "ACTIVE" -> List.of(SUSPEND, ARCHIVE);
                case "SUSPENDED" -> List.of(REACTIVATE, ARCHIVE);
                default -> List.of();
            };
        }
    }

    public record Council(String gssCode, String name) {}

    /** A partnership as the operator's list reads it. */
    public record Partnership(
            String slug, String name, String kind, String region, String status, List<Council> councils) {

        public String kindWords() {
            return Labels.of(kind);
        }

        public String regionWords() {
            return Labels.region(region);
        }

        public String statusWords() {
            return Labels.of(status);
        }

        public String statusColour() {
            return switch (status) {
                case "ACTIVE" -> "green";
                case "SUSPENDED" -> "orange";
                case "ARCHIVED" -> "grey";
                default -> "blue";
            };
        }

        public List<StatusChange> changes() {
            return StatusChange.offeredFrom(status);
        }
    }

    /** The list, and what was just changed (null when nothing was). */
    public record ListPage(
            List<Partnership> partnerships, @Nullable String banner) {}

    /** @param problems each problem of a refused definition, led by its path in the YAML ({@code councils.0.gssCode: …}) */
    public record OnboardPage(String definition, List<String> problems) {}

    /** What onboarding did: the partnership, its address, what changed, and how its first admin signs in. */
    public record OnboardedPage(
            Partnership partnership, String address, boolean created, List<String> changes, AdminAccount admin) {}

    public record AdminAccount(String username, String temporaryPassword, boolean invitationSent) {}

    public record StatusPage(
            Partnership partnership,
            StatusChange change,
            @Nullable String error) {

        public String action() {
            return HOME + "/partnerships/" + partnership.slug() + "/" + change.path();
        }
    }

    private final PageOperations operations;
    private final PageTemplates templates;
    private final Visitors visitors;
    private final OperatorVisits operators;
    private final ErrorPages errors;
    private final String publicUrl;

    OperatorPages(
            PageOperations operations,
            PageTemplates templates,
            Visitors visitors,
            OperatorVisits operators,
            ErrorPages errors,
            @Value("${trust.public-url}") String publicUrl) {
        this.operations = operations;
        this.templates = templates;
        this.visitors = visitors;
        this.operators = operators;
        this.errors = errors;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Get
    HttpResponse<?> list(
            @Nullable @QueryValue String changed, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<Visitor> operator = operators.of(request);
        if (operator.isEmpty()) {
            return operators.refuse(request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/operatorPartnerships", Map.of(), operator.get().caller(), request);
        if (!answer.data().path("tenants").isArray()) {
            return errors.serviceProblem(operator.get(), request, answer.correlationId());
        }
        List<Partnership> partnerships = answer.list("tenants", Partnership.class);
        String banner = partnerships.stream()
                .filter(partnership -> partnership.slug().equals(changed))
                .findFirst()
                .flatMap(partnership ->
                        StatusChange.of(done).map(change -> partnership.name() + " is " + change.done() + "."))
                .orElse(null);
        return templates.page(
                "operatorPartnerships",
                visitors.layout(operator.get(), "Partnerships on the platform", null, request),
                new ListPage(partnerships, banner));
    }

    @Get("/onboard")
    HttpResponse<?> onboarding(HttpRequest<?> request) {
        Optional<Visitor> operator = operators.of(request);
        if (operator.isEmpty()) {
            return operators.refuse(request);
        }
        return onboardPage(operator.get(), new OnboardPage("", List.of()), HttpStatus.OK, request);
    }

    /**
     * The definition pasted, or a file of it chosen (which wins when both are given). The form is
     * multipart for the file; a form without one may come url-encoded.
     */
    @Post(
            value = "/onboard",
            consumes = {MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    HttpResponse<?> onboard(
            @Nullable @Part(FormBody.CSRF_FIELD) String csrf,
            @Nullable @Part(DEFINITION) String pasted,
            @Nullable @Part("definitionFile") CompletedFileUpload file,
            HttpRequest<?> request)
            throws IOException {
        OperatorVisits.Posted posted =
                operators.posted(Form.of(Map.of(FormBody.CSRF_FIELD, csrf == null ? "" : csrf)), request);
        if (posted.refusal() != null) {
            return posted.refusal();
        }
        Visitor visitor = posted.visitor();
        String definition = file != null && file.getSize() > 0
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : pasted == null ? "" : pasted;
        PageOperations.Answer answer =
                operations.run("pages/onboardTenant", Map.of(DEFINITION, definition), visitor.caller(), request);
        JsonNode payload = answer.data().path("onboardTenant");
        if (!payload.isObject()) {
            return errors.serviceProblem(visitor, request, answer.correlationId());
        }
        List<String> problems = new ArrayList<>();
        payload.path("userErrors")
                .forEach(error -> problems.add(error.path("message").asText()));
        if (!problems.isEmpty()) {
            return onboardPage(visitor, new OnboardPage(definition, problems), HttpStatus.BAD_REQUEST, request);
        }
        Partnership partnership = answer.convert(payload.path("tenant"), Partnership.class);
        // Shown now rather than after a redirect: a temporary password is given once.
        return templates.page(
                "operatorOnboarded",
                visitors.layout(
                        visitor,
                        payload.path("created").asBoolean() ? "Partnership onboarded" : "Definition applied",
                        null,
                        request),
                new OnboardedPage(
                        partnership,
                        publicUrl + "/" + partnership.slug(),
                        payload.path("created").asBoolean(),
                        payload.path("changes")
                                .valueStream()
                                .map(JsonNode::asText)
                                .toList(),
                        answer.convert(payload.path("adminAccount"), AdminAccount.class)));
    }

    @Get("/partnerships/{slug}/{change}")
    HttpResponse<?> confirmStatus(String slug, String change, HttpRequest<?> request) {
        Optional<Visitor> operator = operators.of(request);
        if (operator.isEmpty()) {
            return operators.refuse(request);
        }
        return statusPage(operator.get(), slug, change, null, request);
    }

    @Post(value = "/partnerships/{slug}/{change}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeStatus(String slug, String change, @Nullable @Body String body, HttpRequest<?> request) {
        OperatorVisits.Posted posted = operators.posted(FormBody.parse(body), request);
        if (posted.refusal() != null) {
            return posted.refusal();
        }
        Visitor visitor = posted.visitor();
        Optional<StatusChange> wanted = StatusChange.of(change);
        if (wanted.isEmpty() || !Visitors.isSlug(slug)) {
            return errors.notFound(visitor, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/setTenantStatus",
                Map.of("input", Map.of("slug", slug, "status", wanted.get().status)),
                visitor.caller(),
                request);
        Submission submission = Submission.of(answer, "setTenantStatus", "status");
        if (submission.refusal() != null) {
            return errors.refused(visitor, request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("slug")) {
            return errors.notFound(visitor, request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(
                    HOME + "?changed=" + slug + "&done=" + wanted.get().path()));
        }
        String refused = String.join(" ", submission.errors().values());
        return statusPage(visitor, slug, change, refused, request);
    }

    private MutableHttpResponse<?> statusPage(
            Visitor operator, String slug, String change, @Nullable String error, HttpRequest<?> request) {
        Optional<StatusChange> wanted = StatusChange.of(change);
        if (wanted.isEmpty() || !Visitors.isSlug(slug)) {
            return errors.notFound(operator, request);
        }
        PageOperations.Answer answer =
                operations.run("pages/operatorPartnership", Map.of("slug", slug), operator.caller(), request);
        Partnership partnership = answer.as("tenant", Partnership.class);
        if (partnership == null) {
            return errors.notFound(operator, request);
        }
        return templates.page(
                error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                "operatorStatus",
                visitors.layout(
                        operator,
                        (error == null ? "" : "Error: ") + wanted.get().verb() + " " + partnership.name(),
                        null,
                        request),
                new StatusPage(partnership, wanted.get(), error));
    }

    private MutableHttpResponse<String> onboardPage(
            Visitor operator, OnboardPage page, HttpStatus status, HttpRequest<?> request) {
        return templates.page(
                status,
                "operatorOnboard",
                visitors.layout(
                        operator,
                        (page.problems().isEmpty() ? "" : "Error: ") + "Onboard a partnership",
                        null,
                        request),
                page);
    }
}
