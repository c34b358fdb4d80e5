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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the reader of one of the partnership's emails chooses which emails they get, with the
 * link at the foot of the email: no sign-in (board members of agencies have no account). The
 * link is in the address because the email has to carry it; the form carries it back in a post.
 * A visitor who is not signed in gets a form token in a cookie for this page only.
 */
@Controller("/{tenant}/email-preferences")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class EmailPreferencesPages {

    static final String FORM_COOKIE = "trust_email_preferences";
    private static final int FORM_SECONDS = 60 * 60;
    private static final String TITLE = "Choose which emails you get";
    private static final List<Option> CHOICES = List.of(
            new Option("EACH", "An email each time"),
            new Option("DAILY_DIGEST", "One email a day"),
            new Option("OFF", "No emails"));

    /** One kind of event and what the reader gets for it, as the API reads it. */
    public record Choice(String kind, String description, String choice, boolean required, int version) {}

    /** The reader's choices, as the API reads them. */
    public record Choices(String partnershipName, List<Choice> choices) {}

    /** One question of the page: the radios for one kind. */
    public record Question(
            String kind, String label, @Nullable String hint, List<Option> options, int version, String was) {}

    /** The page: the reader's questions, or (no questions, nor where the form goes) the link not recognised. */
    public record EmailPreferencesPage(
            String partnershipName,
            @Nullable String action,
            @Nullable String formToken,
            @Nullable String link,
            Form form,
            List<Question> questions,
            boolean saved) {}

    private final PageOperations operations;
    private final PageTemplates templates;
    private final PartnershipPublications publications;
    private final Visitors visitors;
    private final ErrorPages errors;

    EmailPreferencesPages(
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

    static String path(String tenant) {
        return "/" + tenant + "/email-preferences";
    }

    @Get
    HttpResponse<String> show(
            String tenant,
            @Nullable @QueryValue String link,
            @Nullable @QueryValue String done,
            HttpRequest<?> request) {
        String sent = link == null ? "" : link;
        return publications.show(tenant, "pages/emailPreferences", variables(tenant, sent), request, found -> {
            String token = VisitorFormTokens.tokenFor(found.visitor());
            Choices choices = found.answer().as("emailPreferences", Choices.class);
            MutableHttpResponse<String> page =
                    page(found, token, sent, choices, null, "saved".equals(done), HttpStatus.OK, request);
            return found.visitor().signedIn()
                    ? page
                    : page.cookie(visitors.cookie(FORM_COOKIE, token, path(tenant), FORM_SECONDS));
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> save(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        String link = form.value("link");
        return publications.show(tenant, "pages/emailPreferences", variables(tenant, link), request, found -> {
            if (!VisitorFormTokens.matches(found.visitor(), form, request, FORM_COOKIE)) {
                return errors.forbidden(found.visitor(), request);
            }
            Choices choices = found.answer().as("emailPreferences", Choices.class);
            if (choices == null) {
                return page(found, "", link, null, null, false, HttpStatus.NOT_FOUND, request);
            }
            List<Map<String, Object>> changed = changed(choices, form);
            PageOperations.Answer answer = operations.run(
                    "pages/setEmailPreferences",
                    Map.of("input", Map.of("link", link, "tenantSlug", tenant, "choices", changed)),
                    found.visitor().caller(),
                    request);
            Submission submission = Submission.of(answer, "setEmailPreferences", "link");
            if (submission.refusal() != null) {
                return errors.refused(found.visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (submission.saved()) {
                return HttpResponse.seeOther(URI.create(
                        path(tenant) + "?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8) + "&done=saved"));
            }
            Form refused = form.withErrors(onQuestions(submission.errors(), changed, choices));
            return page(
                    found,
                    form.value(FormBody.CSRF_FIELD),
                    link,
                    choices,
                    refused,
                    false,
                    HttpStatus.BAD_REQUEST,
                    request);
        });
    }

    private static Map<String, Object> variables(String tenant, String link) {
        return Map.of("slug", tenant, "link", link);
    }

    /** The kinds whose choice the form changes, at the versions the form was made with. */
    private static List<Map<String, Object>> changed(Choices choices, Form form) {
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Choice choice : choices.choices()) {
            String chosen = form.value(choice.kind());
            boolean offered = CHOICES.stream().anyMatch(option -> option.value().equals(chosen));
            if (offered && !chosen.equals(form.value("was-" + choice.kind()))) {
                changed.add(Map.of("kind", choice.kind(), "choice", chosen, "version", version(form, choice)));
            }
        }
        return changed;
    }

    private static int version(Form form, Choice choice) {
        try {
            return Integer.parseInt(form.value("version-" + choice.kind()));
        } catch (NumberFormatException notSent) {
            return choice.version();
        }
    }

    /**
     * The API's problems on the questions they are about: {@code choices-2-choice} (or a conflict,
     * someone else saved meanwhile, {@code choices-2-version}) is the third kind sent; a problem
     * with no choice's field goes on the first question.
     */
    private static Map<String, String> onQuestions(
            Map<String, String> problems, List<Map<String, Object>> changed, Choices choices) {
        Map<String, String> placed = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            String[] parts = field.split("-");
            String kind = parts.length == 3 && parts[0].equals("choices")
                    ? (String) changed.get(Integer.parseInt(parts[1])).get("kind")
                    : choices.choices().getFirst().kind();
            placed.putIfAbsent(kind, message);
        });
        return placed;
    }

    private MutableHttpResponse<String> page(
            PartnershipPublications.Found found,
            String token,
            String link,
            @Nullable Choices choices,
            @Nullable Form refused,
            boolean saved,
            HttpStatus status,
            HttpRequest<?> request) {
        if (choices == null) {
            return templates.page(
                    HttpStatus.NOT_FOUND,
                    "emailPreferencesUnknown",
                    publications.layout(found, "Link not recognised – " + TITLE, request),
                    new EmailPreferencesPage(
                            found.partnership().name(), null, null, null, Form.empty(), List.of(), false));
        }
        Map<String, String> current = new LinkedHashMap<>();
        List<Question> questions = new ArrayList<>();
        for (Choice choice : choices.choices()) {
            current.put(choice.kind(), choice.choice());
            questions.add(question(choice));
        }
        Form form = refused == null ? Form.of(current) : refused;
        String title = (form.hasErrors() ? "Error: " : "") + TITLE;
        return templates.page(
                status,
                "emailPreferences",
                publications.layout(found, title, request),
                new EmailPreferencesPage(
                        choices.partnershipName(), path(found.slug()), token, link, form, questions, saved));
    }

    private static Question question(Choice choice) {
        String label = "When " + choice.description();
        if (!choice.required()) {
            return new Question(choice.kind(), label, null, CHOICES, choice.version(), choice.choice());
        }
        return new Question(
                choice.kind(),
                label,
                "The partnership asks everyone to hear of this: you can have it in a daily email, but not turn it off.",
                CHOICES.subList(0, 2),
                choice.version(),
                choice.choice());
    }
}
