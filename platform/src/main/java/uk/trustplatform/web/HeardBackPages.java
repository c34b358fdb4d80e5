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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where children and young people use the feedback code they were given: no sign-in, nothing
 * asked about them. The code travels only in form posts, never in an address, so it stays out of
 * logs and browser history. A visitor who is not signed in gets a form token of their own in a
 * cookie for this page only, which every post must carry back.
 */
@Controller("/{tenant}/heard-back")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HeardBackPages {

    static final String FORM_COOKIE = "trust_heard_back";
    /** How long a visitor has to enter a code and answer before the form must be opened again. */
    private static final int FORM_SECONDS = 60 * 60;

    private static final String TITLE = "Did you hear back?";
    private static final String NOT_RECOGNISED =
            "This code is not recognised. Check it is the one you were given; codes stop working after a while.";
    private static final List<String> ANSWERS = List.of("YES", "NOT_YET", "NO");
    private static final List<Option> CHOICES =
            List.of(new Option("YES", "Yes"), new Option("NOT_YET", "Not yet"), new Option("NO", "No"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final PartnershipPublications publications;
    private final Visitors visitors;
    private final ErrorPages errors;

    HeardBackPages(
            PageOperations operations,
            PageTemplates templates,
            PartnershipPublications publications,
            Visitors visitors,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.publications = publications;
        this.visitors = visitors;
        this.errors = errors;
    }

    /** The page's address, to give participants. */
    static String path(String tenant) {
        return "/" + tenant + "/heard-back";
    }

    /** One of an inspection's recommendations, with the service's response once given. */
    public record Response(int number, String text, String response, String respondedOn) {}

    /** What the code's participants were told; an inspection's and a recommendation's carry more. */
    public record Told(
            String about,
            String title,
            String youSaid,
            String weDid,
            String heldOn,
            String toldOn,
            List<Response> recommendations,
            Boolean kiteMarkAwarded,
            String addressedTo,
            String outcome,
            String reason) {

        public boolean inspection() {
            return "INSPECTION".equals(about);
        }

        public boolean recommendation() {
            return "YOUTH_FORUM_RECOMMENDATION".equals(about);
        }

        /** The outcome in words for the forum. */
        public String decision() {
            return switch (outcome) {
                case "ACCEPTED" -> "Your recommendation was accepted.";
                case "PARTLY_ACCEPTED" -> "Your recommendation was partly accepted.";
                default -> "Your recommendation was not accepted.";
            };
        }
    }

    /**
     * The page in each of its states: the code form, the question about what they were told, thanks, or the limit.
     * Thanks has no form to post (nor its token), the limit no token; only the question has what they were told.
     */
    public record HeardBackPage(
            String partnershipName,
            @Nullable String action,
            @Nullable String formToken,
            Form form,
            @Nullable Told told,
            List<Option> choices) {}

    @Get
    HttpResponse<String> show(String tenant, HttpRequest<?> request) {
        return publications.show(tenant, "pages/heardBack", Map.of("slug", tenant), request, found -> {
            String token = VisitorFormTokens.tokenFor(found.visitor());
            MutableHttpResponse<String> page = codeForm(found, token, Form.empty(), HttpStatus.OK, request);
            return found.visitor().signedIn()
                    ? page
                    : page.cookie(visitors.cookie(FORM_COOKIE, token, path(tenant), FORM_SECONDS));
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> enter(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return posted(tenant, body, request, (found, form, token) -> {
            if (form.value("code").isBlank()) {
                return codeForm(
                        found,
                        token,
                        form.withErrors(Map.of("code", "Enter your feedback code.")),
                        HttpStatus.BAD_REQUEST,
                        request);
            }
            return question(found, token, form, HttpStatus.OK, request);
        });
    }

    @Post(value = "/answer", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> answer(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return posted(tenant, body, request, (found, form, token) -> {
            String heard = form.value("heard");
            Map<String, Object> input = new HashMap<>();
            input.put("tenantSlug", tenant);
            input.put("code", form.value("code"));
            input.put("heard", ANSWERS.contains(heard) ? heard : null);
            input.put("words", form.value("words").isBlank() ? null : form.value("words"));
            PageOperations.Answer answer = operations.run(
                    "pages/answerHeardBack",
                    Map.of("input", input),
                    found.visitor().caller(),
                    request);
            if ("TOO_MANY_REQUESTS".equals(answer.errorCode())) {
                return limited(found, answer, request);
            }
            Submission submission = Submission.of(answer, "answerHeardBack", "heard");
            if (submission.refusal() != null) {
                return errors.refused(found.visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (submission.saved()) {
                return templates.page(
                        "heardBackThanks",
                        publications.layout(found, "Thank you – " + TITLE, request),
                        new HeardBackPage(found.partnership().name(), null, null, Form.empty(), null, List.of()));
            }
            if (submission.errors().containsKey("code")) {
                return codeForm(
                        found, token, form.withErrors(Map.of("code", NOT_RECOGNISED)), HttpStatus.BAD_REQUEST, request);
            }
            return question(found, token, form.withErrors(submission.errors()), HttpStatus.BAD_REQUEST, request);
        });
    }

    private interface OnPost {
        HttpResponse<String> answer(PartnershipPublications.Found found, Form form, String token);
    }

    /** A post to the page: refused unless it carries back the visitor's form token. */
    private HttpResponse<String> posted(String tenant, @Nullable String body, HttpRequest<?> request, OnPost then) {
        Form form = FormBody.parse(body);
        return publications.show(tenant, "pages/heardBack", Map.of("slug", tenant), request, found -> {
            if (!VisitorFormTokens.matches(found.visitor(), form, request, FORM_COOKIE)) {
                return errors.forbidden(found.visitor(), request);
            }
            return then.answer(found, form, form.value(FormBody.CSRF_FIELD));
        });
    }

    /** What the code's participants were told and the question; the code form again when the code is not recognised. */
    private HttpResponse<String> question(
            PartnershipPublications.Found found, String token, Form form, HttpStatus status, HttpRequest<?> request) {
        PageOperations.Answer read = operations.run(
                "pages/heardBackQuestion",
                Map.of("slug", found.slug(), "code", form.value("code")),
                found.visitor().caller(),
                request);
        if ("TOO_MANY_REQUESTS".equals(read.errorCode())) {
            return limited(found, read, request);
        }
        Told told = read.as("heardBack", Told.class);
        if (told == null) {
            return codeForm(
                    found, token, form.withErrors(Map.of("code", NOT_RECOGNISED)), HttpStatus.BAD_REQUEST, request);
        }
        return templates.page(
                status,
                "heardBackQuestion",
                publications.layout(found, (form.hasErrors() ? "Error: " : "") + told.title() + " – " + TITLE, request),
                new HeardBackPage(
                        found.partnership().name(), path(found.slug()) + "/answer", token, form, told, CHOICES));
    }

    private MutableHttpResponse<String> codeForm(
            PartnershipPublications.Found found, String token, Form form, HttpStatus status, HttpRequest<?> request) {
        return templates.page(
                status,
                "heardBack",
                publications.layout(found, (form.hasErrors() ? "Error: " : "") + TITLE, request),
                new HeardBackPage(found.partnership().name(), path(found.slug()), token, form, null, List.of()));
    }

    /** Too many codes not recognised from this connection: HTTP 429, with when to try again. */
    private HttpResponse<String> limited(
            PartnershipPublications.Found found, PageOperations.Answer answer, HttpRequest<?> request) {
        String message = answer.errors().getFirst().path("message").asText();
        return templates.page(
                HttpStatus.TOO_MANY_REQUESTS,
                "heardBackLimited",
                publications.layout(found, "Too many codes tried – " + TITLE, request),
                new HeardBackPage(
                        found.partnership().name(),
                        path(found.slug()),
                        null,
                        Form.empty().withErrors(Map.of("code", message)),
                        null,
                        List.of()));
    }
}
