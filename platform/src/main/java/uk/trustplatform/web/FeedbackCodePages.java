package uk.trustplatform.web;

import io.micronaut.context.annotation.Value;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An activity's feedback code, as its partner lead (or a tenant admin) gives it to the
 * participants: issued, reissued or withdrawn. The code is shown once, on the page the issuing form
 * answers (never in an address, so it stays out of logs and history), laid out to be printed.
 */
@Controller("/{tenant}/participation/activities/{id}/feedback-code")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class FeedbackCodePages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final String publicUrl;

    FeedbackCodePages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            ErrorPages errors,
            @Value("${trust.public-url}") String publicUrl) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** An activity's code as the API describes it. */
    public record CodeState(String status, String issuedOn, String expiresOn, String withdrawnOn, Integer version) {

        /** Where the code stands, in a sentence. */
        public String sentence() {
            return switch (status) {
                case "LIVE" -> "Its feedback code works until " + Dates.day(expiresOn) + ".";
                case "EXPIRED" -> "Its feedback code stopped working after " + Dates.day(expiresOn) + ".";
                default -> "Its feedback code was withdrawn on " + Dates.day(withdrawnOn) + ".";
            };
        }

        public boolean live() {
            return "LIVE".equals(status);
        }
    }

    public record Count(int yes, int notYet, int no, int answers) {}

    public record Words(String heard, String words, String answeredOn) {}

    /** What the participants answered with their code. */
    public record HeardBack(Count count, List<Words> words) {

        public String label(String heard) {
            return switch (heard) {
                case "YES" -> "yes";
                case "NOT_YET" -> "not yet";
                default -> "no";
            };
        }
    }

    public record Given(String givenOn) {}

    public record CodedActivity(String id, String title, Given feedback, CodeState feedbackCode) {}

    /** The code page: the activity, its code's state, and (once, when just issued) the code itself. */
    public record CodePage(
            String href, String activityHref, CodedActivity activity, String code, String address, String error) {}

    @Get
    HttpResponse<?> show(String tenant, String id, HttpRequest<?> request) {
        return withActivity(
                tenant,
                id,
                request,
                (member, read, activity) -> page(member, read, activity, null, null, HttpStatus.OK, request));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, id, body, request, "issueFeedbackCode");
    }

    @Post(value = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, id, body, request, "withdrawFeedbackCode");
    }

    private HttpResponse<?> submitted(String tenant, String id, String body, HttpRequest<?> request, String mutation) {
        Form form = FormBody.parse(body);
        Optional<MemberPages.Member> signedIn = members.of(tenant, request);
        if (signedIn.isPresent() && !Visitors.csrfMatches(signedIn.get().visitor(), form)) {
            return errors.forbidden(signedIn.get().visitor(), request);
        }
        return withActivity(tenant, id, request, (member, read, activity) -> {
            Map<String, Object> input = new HashMap<>();
            input.put("subjectId", activity.id());
            if (activity.feedbackCode() != null) {
                input.put("version", activity.feedbackCode().version());
            }
            PageOperations.Answer answer =
                    operations.run("pages/" + mutation, Map.of("input", input), member.caller(), request);
            Submission submission = Submission.of(answer, mutation, "subjectId");
            if (submission.refusal() != null) {
                return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (!submission.saved()) {
                return page(
                        member,
                        read,
                        activity,
                        null,
                        submission.errors().values().iterator().next(),
                        HttpStatus.BAD_REQUEST,
                        request);
            }
            if (mutation.equals("withdrawFeedbackCode")) {
                return HttpResponse.seeOther(
                        URI.create(ParticipationPages.activityHref(tenant, activity.id()) + "?saved=codeWithdrawn"));
            }
            CodedActivity issued = new CodedActivity(
                    activity.id(),
                    activity.title(),
                    activity.feedback(),
                    answer.convert(submission.payload().path("feedbackCode"), CodeState.class));
            return page(member, read, issued, submission.payload().path("code").asText(), null, HttpStatus.OK, request);
        });
    }

    private interface OnActivity {
        HttpResponse<?> show(MemberPages.Member member, PageOperations.Answer read, CodedActivity activity);
    }

    /** The activity the address names, read as the signed-in member; "page not found" when it may not read it. */
    private HttpResponse<?> withActivity(String tenant, String id, HttpRequest<?> request, OnActivity then) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = operations.run(
                "pages/feedbackCode",
                Map.of("slug", tenant, "id", id),
                member.get().caller(),
                request);
        CodedActivity activity = read.as("activity", CodedActivity.class);
        if (activity == null || activity.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return then.show(member.get(), read, activity);
    }

    private HttpResponse<?> page(
            MemberPages.Member member,
            PageOperations.Answer read,
            CodedActivity activity,
            String code,
            String error,
            HttpStatus status,
            HttpRequest<?> request) {
        String activityHref = ParticipationPages.activityHref(member.tenantSlug(), activity.id());
        String title = (error != null ? "Error: " : "") + (code != null ? "Feedback code issued: " : "Feedback code: ")
                + activity.title() + " – Participation register";
        return templates.page(
                status,
                "feedbackCode",
                members.layout(member, title, read, request),
                new CodePage(
                        activityHref + "/feedback-code",
                        activityHref,
                        activity,
                        code,
                        publicUrl + HeardBackPages.path(member.tenantSlug()),
                        error));
    }
}
