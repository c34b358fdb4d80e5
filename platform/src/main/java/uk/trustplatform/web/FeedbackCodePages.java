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
 * The feedback code of an activity, an inspection or a youth forum's recommendation, as its keeper
 * gives it to the participants: issued, reissued or withdrawn. The code is shown once, on the page
 * the issuing form answers (never in an address, so it stays out of logs and history), laid out to
 * be printed. Each kind's code page sits under the subject's own page.
 */
@Controller("/{tenant}")
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

    /**
     * A kind of subject's code page: where the subject's own page is, what it is called there, and
     * what to do before a code can be issued.
     *
     * @param notTold the step that tells the participants, and its page below the subject's
     */
    public enum Kind {
        ACTIVITY("the activity", "Participation register", "Record the feedback given", "/feedback", "?saved="),
        INSPECTION("the inspection", "Inspections", "Report the inspection", "/report", "?done="),
        RECOMMENDATION("the recommendation", "Youth forums", "Answer the recommendation", "", "?saved=");

        private final String called;
        private final String section;
        private final String notTold;
        private final String notToldPath;
        private final String banner;

        Kind(String called, String section, String notTold, String notToldPath, String banner) {
            this.called = called;
            this.section = section;
            this.notTold = notTold;
            this.notToldPath = notToldPath;
            this.banner = banner;
        }

        public String called() {
            return called;
        }

        public String notTold() {
            return notTold;
        }

        /** The subject's own page. */
        String href(String tenant, String id) {
            return switch (this) {
                case ACTIVITY -> ParticipationPages.activityHref(tenant, id);
                case INSPECTION -> InspectionPages.href(tenant, id);
                case RECOMMENDATION -> YouthForumPages.answerHref(tenant, id);
            };
        }

        /** The code page, below the subject's page (a recommendation's beside its answer page). */
        String codeHref(String tenant, String id) {
            return this == RECOMMENDATION
                    ? "/" + tenant + "/youth-forums/" + id + "/feedback-code"
                    : href(tenant, id) + "/feedback-code";
        }

        /** Where a withdrawal returns to, with its banner. */
        String withdrawnHref(String tenant, String id) {
            return (this == RECOMMENDATION ? "/" + tenant + "/youth-forums" : href(tenant, id)) + banner
                    + "codeWithdrawn";
        }
    }

    public record Given(String givenOn) {}

    public record Named(String name) {}

    /** A subject as the page reads it, whichever its kind: each kind fills its own fields. */
    public record CodedSubject(
            String id,
            String title,
            Given feedback,
            String serviceName,
            Named partnerOrganisation,
            String reportedOn,
            String forum,
            Given reply,
            CodeState feedbackCode) {

        public String heading() {
            if (title != null) {
                return title;
            }
            if (forum != null) {
                return "The " + forum + "'s recommendation";
            }
            return serviceName == null ? partnerOrganisation.name() : serviceName + ", " + partnerOrganisation.name();
        }

        /** Whether its participants have been told what was done, as its kind records it. */
        public boolean told() {
            return feedback != null || reportedOn != null || reply != null;
        }

        CodedSubject withCode(CodeState code) {
            return new CodedSubject(
                    id, title, feedback, serviceName, partnerOrganisation, reportedOn, forum, reply, code);
        }
    }

    /** The code page: the subject, its code's state, and (once, when just issued) the code itself. */
    public record CodePage(
            Kind kind,
            String href,
            String subjectHref,
            CodedSubject subject,
            @Nullable String code,
            String address,
            @Nullable String error) {

        public String notToldHref() {
            return subjectHref + kind.notToldPath;
        }
    }

    @Get("/participation/activities/{id}/feedback-code")
    HttpResponse<?> activity(String tenant, String id, HttpRequest<?> request) {
        return show(Kind.ACTIVITY, tenant, id, request);
    }

    @Post(value = "/participation/activities/{id}/feedback-code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issueForActivity(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.ACTIVITY, tenant, id, body, request, "issueFeedbackCode");
    }

    @Post(
            value = "/participation/activities/{id}/feedback-code/withdraw",
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdrawForActivity(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.ACTIVITY, tenant, id, body, request, "withdrawFeedbackCode");
    }

    @Get("/inspections/{id}/feedback-code")
    HttpResponse<?> inspection(String tenant, String id, HttpRequest<?> request) {
        return show(Kind.INSPECTION, tenant, id, request);
    }

    @Post(value = "/inspections/{id}/feedback-code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issueForInspection(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.INSPECTION, tenant, id, body, request, "issueFeedbackCode");
    }

    @Post(value = "/inspections/{id}/feedback-code/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdrawForInspection(
            String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.INSPECTION, tenant, id, body, request, "withdrawFeedbackCode");
    }

    @Get("/youth-forums/{id}/feedback-code")
    HttpResponse<?> recommendation(String tenant, String id, HttpRequest<?> request) {
        return show(Kind.RECOMMENDATION, tenant, id, request);
    }

    @Post(value = "/youth-forums/{id}/feedback-code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issueForRecommendation(
            String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.RECOMMENDATION, tenant, id, body, request, "issueFeedbackCode");
    }

    @Post(value = "/youth-forums/{id}/feedback-code/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdrawForRecommendation(
            String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(Kind.RECOMMENDATION, tenant, id, body, request, "withdrawFeedbackCode");
    }

    private HttpResponse<?> show(Kind kind, String tenant, String id, HttpRequest<?> request) {
        return withSubject(
                tenant,
                id,
                request,
                (member, read, subject) -> page(kind, member, read, subject, null, null, HttpStatus.OK, request));
    }

    private HttpResponse<?> submitted(
            Kind kind, String tenant, String id, @Nullable String body, HttpRequest<?> request, String mutation) {
        Form form = FormBody.parse(body);
        Optional<MemberPages.Member> signedIn = members.of(tenant, request);
        if (signedIn.isPresent() && !Visitors.csrfMatches(signedIn.get().visitor(), form)) {
            return errors.forbidden(signedIn.get().visitor(), request);
        }
        return withSubject(tenant, id, request, (member, read, subject) -> {
            Map<String, Object> input = new HashMap<>();
            input.put("subjectId", subject.id());
            if (subject.feedbackCode() != null) {
                input.put("version", subject.feedbackCode().version());
            }
            PageOperations.Answer answer =
                    operations.run("pages/" + mutation, Map.of("input", input), member.caller(), request);
            Submission submission = Submission.of(answer, mutation, "subjectId");
            if (submission.refusal() != null) {
                return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (!submission.saved()) {
                return page(
                        kind,
                        member,
                        read,
                        subject,
                        null,
                        submission.errors().values().iterator().next(),
                        HttpStatus.BAD_REQUEST,
                        request);
            }
            if (mutation.equals("withdrawFeedbackCode")) {
                return HttpResponse.seeOther(URI.create(kind.withdrawnHref(tenant, subject.id())));
            }
            CodedSubject issued =
                    subject.withCode(answer.convert(submission.payload().path("feedbackCode"), CodeState.class));
            return page(
                    kind,
                    member,
                    read,
                    issued,
                    submission.payload().path("code").asText(),
                    null,
                    HttpStatus.OK,
                    request);
        });
    }

    private interface OnSubject {
        HttpResponse<?> show(MemberPages.Member member, PageOperations.Answer read, CodedSubject subject);
    }

    /**
     * The subject the address names, read as the signed-in member; "page not found" when it may not
     * read it, or when the id is of another kind (the read's fragments then select nothing).
     */
    private HttpResponse<?> withSubject(String tenant, String id, HttpRequest<?> request, OnSubject then) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = operations.run(
                "pages/feedbackCode",
                Map.of("slug", tenant, "id", id),
                member.get().caller(),
                request);
        CodedSubject subject = read.as("subject", CodedSubject.class);
        if (subject == null || subject.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return then.show(member.get(), read, subject);
    }

    private HttpResponse<?> page(
            Kind kind,
            MemberPages.Member member,
            PageOperations.Answer read,
            CodedSubject subject,
            @Nullable String code,
            @Nullable String error,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        String title = (error != null ? "Error: " : "") + (code != null ? "Feedback code issued: " : "Feedback code: ")
                + subject.heading() + " – " + kind.section;
        return templates.page(
                status,
                "feedbackCode",
                members.layout(member, title, read, request),
                new CodePage(
                        kind,
                        kind.codeHref(tenant, subject.id()),
                        kind.href(tenant, subject.id()),
                        subject,
                        code,
                        publicUrl + HeardBackPages.path(tenant),
                        error));
    }
}
