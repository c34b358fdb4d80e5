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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tenant admin's regional forums: the forums of the partnership's region, which indicator sets
 * it shares with each, and, per forum, the sets to share (checkboxes): those newly ticked are
 * joined, those unticked are left. Anyone else, a board member included, finds no such page.
 */
@Controller("/{tenant}/admin/forums")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ForumSharingPages {

    private static final String SETS = "indicatorSets";

    /** The indicator sets, in the API's order, with what each gives the forum. */
    public static final List<Option> INDICATOR_SETS = List.of(
            new Option(
                    "PLEDGES", "Pledges", "Pledge coverage: partners with a current pledge, overall and by category."),
            new Option(
                    "ACTION_PLANS", "Action plans", "Actions complete, on track and overdue; RAG ratings by standard."),
            new Option("PARTNERS", "Partners", "Partners with a strategic lead; participation champions per partner."),
            new Option(
                    "PARTICIPATION",
                    "Participation",
                    "Activities whose participants heard back (\"you said, we did\")."),
            new Option(
                    "SELF_ASSESSMENT",
                    "Self-assessments",
                    "Partners at each level of Hear by Right or RAG, per standard, from submitted and agreed"
                            + " self-assessments."));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    ForumSharingPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** A forum the partnership may share with, and what it shares now. */
    public record Shared(OperatorForumPages.Forum forum, List<String> sharing) {

        public String sharingWords() {
            return sharing.isEmpty()
                    ? "Nothing"
                    : INDICATOR_SETS.stream()
                            .filter(set -> sharing.contains(set.value()))
                            .map(Option::label)
                            .collect(Collectors.joining(", "));
        }
    }

    /** @param region the partnership's region, in words */
    public record ListPage(
            String tenant,
            String region,
            List<Shared> forums,
            @Nullable String banner) {}

    public record SharingPage(String tenant, Shared shared, Form form) {

        public String action() {
            return "/" + tenant + "/admin/forums/" + shared.forum().slug();
        }

        public List<Option> sets() {
            return INDICATOR_SETS;
        }
    }

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<MemberPages.Member> admin = admin(tenant, request);
        if (admin.isEmpty()) {
            return refuse(tenant, request);
        }
        PageOperations.Answer answer = read(admin.get(), request);
        if (!answer.data().path("forumSharing").isArray()) {
            return errors.serviceProblem(admin.get().visitor(), request, answer.correlationId());
        }
        List<Shared> forums = answer.list("forumSharing", Shared.class);
        String banner = forums.stream()
                .filter(shared -> shared.forum().slug().equals(saved))
                .findFirst()
                .map(shared -> "What you share with " + shared.forum().name() + " is saved: "
                        + shared.sharingWords().toLowerCase(Locale.UK) + ".")
                .orElse(null);
        return templates.page(
                "forumSharing",
                members.layout(admin.get(), "Regional forums", answer, request),
                new ListPage(
                        tenant,
                        Labels.region(
                                answer.data().path("tenant").path("region").asText()),
                        forums,
                        banner));
    }

    @Get("/{forum}")
    HttpResponse<?> sharing(String tenant, String forum, HttpRequest<?> request) {
        Optional<MemberPages.Member> admin = admin(tenant, request);
        if (admin.isEmpty()) {
            return refuse(tenant, request);
        }
        PageOperations.Answer answer = read(admin.get(), request);
        Optional<Shared> shared = shared(answer, forum);
        if (shared.isEmpty()) {
            return errors.notFound(admin.get().visitor(), request);
        }
        Form ticked = new Form(Map.of(SETS, shared.get().sharing()), Map.of());
        return sharingPage(admin.get(), answer, shared.get(), ticked, HttpStatus.OK, request);
    }

    @Post(value = "/{forum}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> share(String tenant, String forum, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return members.refuse(tenant, request);
        }
        MemberPages.Member admin = found.get();
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(admin.visitor(), form)) {
            return errors.forbidden(admin.visitor(), request);
        }
        if (!admin.caller().administersTenant()) {
            return errors.notFound(admin.visitor(), request);
        }
        PageOperations.Answer answer = read(admin, request);
        Optional<Shared> shared = shared(answer, forum);
        if (shared.isEmpty()) {
            return errors.notFound(admin.visitor(), request);
        }
        List<String> wanted = INDICATOR_SETS.stream()
                .map(Option::value)
                .filter(form.all(SETS)::contains)
                .toList();
        List<String> sharing = shared.get().sharing();
        // Each mutation shares or stops sharing every set when it names none: send only a change.
        List<String> joining =
                wanted.stream().filter(set -> !sharing.contains(set)).toList();
        List<String> leaving =
                sharing.stream().filter(set -> !wanted.contains(set)).toList();
        for (var change : List.of(Map.entry("joinRegionalForum", joining), Map.entry("leaveRegionalForum", leaving))) {
            if (change.getValue().isEmpty()) {
                continue;
            }
            PageOperations.Answer changed = operations.run(
                    "pages/" + change.getKey(),
                    Map.of("input", Map.of("forumSlug", forum, SETS, change.getValue())),
                    admin.caller(),
                    request);
            Submission submission = Submission.of(changed, change.getKey(), SETS);
            if (submission.refusal() != null) {
                return errors.refused(admin.visitor(), request, submission.refusal(), changed.correlationId());
            }
            if (!submission.saved()) {
                Map<String, String> refused =
                        Map.of(SETS, String.join(" ", submission.errors().values()));
                return sharingPage(
                        admin, answer, shared.get(), form.withErrors(refused), HttpStatus.BAD_REQUEST, request);
            }
        }
        return HttpResponse.seeOther(URI.create("/" + tenant + "/admin/forums?saved=" + forum));
    }

    private HttpResponse<String> sharingPage(
            MemberPages.Member admin,
            PageOperations.Answer answer,
            Shared shared,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = "What you share with " + shared.forum().name();
        return templates.page(
                status,
                "forumSharingChoice",
                members.layout(admin, form.hasErrors() ? "Error: " + title : title, answer, request),
                new SharingPage(admin.tenantSlug(), shared, form));
    }

    private PageOperations.Answer read(MemberPages.Member admin, HttpRequest<?> request) {
        return operations.run("pages/forumSharing", Map.of("slug", admin.tenantSlug()), admin.caller(), request);
    }

    private static Optional<Shared> shared(PageOperations.Answer answer, String forum) {
        return answer.list("forumSharing", Shared.class).stream()
                .filter(shared -> shared.forum().slug().equals(forum))
                .findFirst();
    }

    /** The partnership's tenant admin, signed in to it; nobody else. */
    private Optional<MemberPages.Member> admin(String tenant, HttpRequest<?> request) {
        return members.of(tenant, request).filter(member -> member.caller().administersTenant());
    }

    private HttpResponse<?> refuse(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        return member.isPresent() ? errors.notFound(member.get().visitor(), request) : members.refuse(tenant, request);
    }
}
