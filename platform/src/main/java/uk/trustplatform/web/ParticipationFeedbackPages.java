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
import uk.trustplatform.web.ParticipationPages.Feedback;
import uk.trustplatform.web.TypedValues.Typed;

/**
 * Closing an activity's feedback loop: what the children and young people said, what was done
 * about it, and when and how they were told ("you said, we did").
 */
@Controller("/{tenant}/participation/activities/{id}/feedback")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ParticipationFeedbackPages {

    private static final List<String> QUESTIONS = List.of("youSaid", "weDid", "givenOn", "method");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    ParticipationFeedbackPages(
            PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record FeedbackActivity(
            String id,
            Integer version,
            String title,
            String startsOn,
            String endsOn,
            String feedbackDueOn,
            Feedback feedback,
            JsonNode lastChange) {}

    /** The feedback form; no due date when none is set. */
    public record FeedbackForm(
            String action,
            String backHref,
            String title,
            String when,
            @Nullable String dueOn,
            String version,
            Form form,
            @Nullable Conflict conflict) {}

    @Get
    HttpResponse<?> show(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        FeedbackActivity activity = activity(read);
        if (activity == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return page(member.get(), read, activity, answers(activity), null, HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submitted(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        FeedbackActivity activity = activity(read);
        if (activity == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Typed<String> givenOn = TypedValues.date(form, "givenOn", "The date they were told");
        if (givenOn.refused()) {
            return page(
                    member.get(),
                    read,
                    activity,
                    form.withErrors(Map.of("givenOn", givenOn.problem())),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("id", activity.id());
        input.put("version", version(form));
        input.put("youSaid", form.value("youSaid"));
        input.put("weDid", form.value("weDid"));
        input.put("givenOn", givenOn.value());
        input.put("method", form.value("method").isBlank() ? null : form.value("method"));
        PageOperations.Answer answer = operations.run(
                "pages/recordParticipationFeedback",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "recordParticipationFeedback", "youSaid");
        if (submission.refusal() != null) {
            return switch (submission.refusal()) {
                case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" ->
                    errors.notFound(member.get().visitor(), request);
                default -> errors.serviceProblem(member.get().visitor(), request, answer.correlationId());
            };
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(
                    URI.create(ParticipationPages.activityHref(tenant, activity.id()) + "?saved=feedback"));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        QUESTIONS.stream()
                .filter(submission.errors()::containsKey)
                .forEach(question -> ordered.put(question, submission.errors().get(question)));
        submission.errors().forEach((field, message) -> {
            if (!QUESTIONS.contains(field)) {
                ordered.putIfAbsent("youSaid", message);
            }
        });
        return page(
                member.get(),
                read,
                activity,
                form.withErrors(ordered),
                submission.conflict() ? conflict(activity, form) : null,
                HttpStatus.BAD_REQUEST,
                request);
    }

    private PageOperations.Answer read(String tenant, String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run(
                "pages/participationFeedback", Map.of("slug", tenant, "id", id), member.caller(), request);
    }

    private static @Nullable FeedbackActivity activity(PageOperations.Answer read) {
        FeedbackActivity activity = read.as("activity", FeedbackActivity.class);
        return activity == null || activity.id() == null ? null : activity;
    }

    private HttpResponse<?> page(
            MemberPages.Member member,
            PageOperations.Answer read,
            FeedbackActivity activity,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String href = ParticipationPages.activityHref(member.tenantSlug(), activity.id());
        String title = (form.hasErrors() ? "Error: " : "") + "Record the feedback given: " + activity.title()
                + " – Participation register";
        return templates.page(
                status,
                "participationFeedback",
                members.layout(member, title, read, request),
                new FeedbackForm(
                        href + "/feedback",
                        href,
                        activity.title(),
                        ParticipationPages.period(activity.startsOn(), activity.endsOn()),
                        activity.feedbackDueOn() == null ? null : Dates.day(activity.feedbackDueOn()),
                        keptVersion(form, conflict, activity.version()),
                        form,
                        conflict));
    }

    private static Form answers(FeedbackActivity activity) {
        Map<String, String> values = new LinkedHashMap<>();
        Feedback given = activity.feedback();
        if (given != null) {
            values.put("youSaid", given.youSaid());
            values.put("weDid", given.weDid());
            TypedValues.putDate(values, "givenOn", given.givenOn());
            values.put("method", given.method());
        }
        return Form.of(values);
    }

    private static Conflict conflict(FeedbackActivity theirs, Form yours) {
        Feedback saved = theirs.feedback();
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(row("You said", saved == null ? "" : saved.youSaid(), yours.value("youSaid")));
        rows.add(row("We did", saved == null ? "" : saved.weDid(), yours.value("weDid")));
        Typed<String> typedDay = TypedValues.date(yours, "givenOn", "");
        rows.add(row(
                "When they were told",
                saved == null ? "" : Dates.day(saved.givenOn()),
                typedDay.value() == null ? "" : Dates.day(typedDay.value())));
        rows.add(row("How they were told", saved == null ? "" : saved.method(), yours.value("method")));
        List<Conflict.Row> differing = rows.stream()
                .filter(row -> !Objects.equals(row.theirs(), row.yours()))
                .toList();
        return Conflict.of(
                Objects.requireNonNullElse(theirs.lastChange(), NullNode.getInstance()),
                differing.isEmpty() ? rows : differing);
    }

    private static Conflict.Row row(String label, String theirs, String yours) {
        return new Conflict.Row(label, theirs == null ? "" : theirs, yours == null ? "" : yours.strip());
    }

    /**
     * The version the form goes back with: the one this person read, until a conflict has shown
     * them the newer one, which saving again then replaces.
     */
    static String keptVersion(Form form, @Nullable Conflict conflict, Integer current) {
        return conflict != null || form.value("version").isBlank() ? String.valueOf(current) : form.value("version");
    }

    static int version(Form form) {
        try {
            return Integer.parseInt(form.value("version"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
