package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.trustplatform.api.LondonClock;

/**
 * A statutory partner's Section 11 self-audit, as its partner lead keeps it: this round's audit
 * started, each criterion of the standards rated (task list), the answers checked and submitted,
 * and the board's moderation read. A partner that is not statutory is not offered one.
 */
@Controller("/{tenant}/section-11")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class Section11Pages {

    /** Where the submit button is: the check page's problems are put there. */
    static final String SUBMIT = "submit";

    private static final String START = "start";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    Section11Pages(
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

    public record Organisation(String id, String name, Boolean statutory) {}

    public record Viewer(Organisation partnerOrganisation) {}

    public record AuditSummary(
            String id,
            int round,
            String status,
            String submittedAt,
            String moderatedAt,
            Organisation partnerOrganisation) {}

    public record Audits(List<AuditEdge> edges) {}

    public record AuditEdge(AuditSummary node) {}

    /**
     * The audits page: the organisation's audits, and this round's to start where it has none yet.
     *
     * @param organisation the person's own organisation; null when they have none
     * @param start null when there is no audit for them to start
     */
    public record AuditsPage(
            @Nullable Organisation organisation,
            boolean statutory,
            List<AuditRow> audits,
            @Nullable Start start,
            Form form) {}

    public record AuditRow(String href, int round, String partner, Tag status, String submitted, String moderated) {}

    /** Starting this round's audit, from an earlier one's answers if the person chooses. */
    public record Start(int round, List<Option> carryForward) {}

    /** A status or rating as a GOV.UK tag. */
    public record Tag(String label, String colour) {

        static Tag status(String code) {
            return new Tag(
                    Labels.of(code),
                    switch (code) {
                        case "SUBMITTED" -> "blue";
                        case "MODERATED" -> "green";
                        case "RETURNED" -> "orange";
                        default -> "grey";
                    });
        }

        /** A RAG rating; null for none. */
        static @Nullable Tag rating(@Nullable String rag) {
            if (rag == null) {
                return null;
            }
            return new Tag(
                    Labels.of(rag),
                    switch (rag) {
                        case "RED" -> "red";
                        case "AMBER" -> "orange";
                        default -> "green";
                    });
        }
    }

    public record StandardTitle(String number, String title) {}

    public record Framework(String key, String name, List<StandardTitle> standards) {}

    public record Published(List<Framework> standardsFrameworks) {}

    public record Named(String name) {}

    public record Round(int round) {}

    public record Entry(
            String id,
            Integer version,
            String standard,
            String criterion,
            String criterionText,
            String rag,
            String narrative,
            String evidence,
            String moderatedRag,
            String moderatorComment) {}

    public record Audit(
            String id,
            Integer version,
            Integer round,
            String framework,
            String status,
            String moderationComment,
            String submittedAt,
            String moderatedAt,
            Named partnerOrganisation,
            Round carriedForwardFrom,
            List<Entry> entries,
            JsonNode lastChange) {

        public boolean open() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }

        public boolean moderated() {
            return "MODERATED".equals(status) || "RETURNED".equals(status);
        }

        long rated() {
            return entries.stream().filter(entry -> entry.rag() != null).count();
        }
    }

    /** The audit as its task list shows it, standard by standard. */
    public record AuditPage(
            String href,
            String listHref,
            Audit audit,
            Tag status,
            String frameworkName,
            long rated,
            List<StandardGroup> standards,
            List<CriterionItem> moderation,
            @Nullable String saved) {}

    public record StandardGroup(String number, String title, List<CriterionItem> criteria) {}

    public record CriterionItem(
            String id,
            String href,
            String criterion,
            String text,
            @Nullable Tag rating,
            String narrative,
            String evidence,
            @Nullable Tag moderatedRating,
            String moderatorComment) {}

    /** Check your answers, then submit. */
    public record CheckPage(String href, Audit audit, String frameworkName, List<StandardGroup> standards, Form form) {}

    public record Submitted(String auditHref, String listHref, int round, String organisation) {}

    @Get
    HttpResponse<?> audits(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = readAudits(tenant, member.get(), request);
        return showAudits(member.get(), read, Form.empty(), HttpStatus.OK, request);
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
        PageOperations.Answer read = readAudits(tenant, member.get(), request);
        Viewer viewer = read.as("viewer", Viewer.class);
        if (viewer == null || viewer.partnerOrganisation() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("partnerOrganisationId", viewer.partnerOrganisation().id());
        input.put("round", clock.year());
        if (!form.value("carryForwardFromId").isBlank()) {
            input.put("carryForwardFromId", form.value("carryForwardFromId"));
        }
        PageOperations.Answer answer = operations.run(
                "pages/startSection11Audit",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "startSection11Audit", START);
        if (submission.refusal() != null) {
            return refused(member.get(), submission.refusal(), answer, request);
        }
        if (submission.saved()) {
            String id = submission.payload().path("section11Audit").path("id").asText();
            return HttpResponse.seeOther(URI.create(auditHref(tenant, id) + "?saved=started"));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        submission
                .errors()
                .forEach((field, message) -> placed.merge(
                        field.equals("carryForwardFromId") ? field : START,
                        message,
                        (one, other) -> one + " " + other));
        return showAudits(member.get(), read, form.withErrors(placed), HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}")
    HttpResponse<?> audit(String tenant, String id, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = operations.run(
                "pages/section11Audit",
                Map.of("slug", tenant, "id", id),
                member.get().caller(),
                request);
        Audit audit = audit(read);
        if (audit == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String href = auditHref(tenant, id);
        List<StandardGroup> standards = standards(read, audit, href);
        List<CriterionItem> moderation = standards.stream()
                .flatMap(group -> group.criteria().stream())
                .filter(item -> item.moderatedRating() != null || item.moderatorComment() != null)
                .toList();
        return templates.page(
                "section11Audit",
                members.layout(member.get(), title(audit), read, request),
                new AuditPage(
                        href,
                        "/" + tenant + "/section-11",
                        audit,
                        Tag.status(audit.status()),
                        frameworkName(read, audit),
                        audit.rated(),
                        standards,
                        moderation,
                        savedMessage(saved, audit)));
    }

    @Get("/{id}/check")
    HttpResponse<?> check(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = readCheck(tenant, id, member.get(), request);
        Audit audit = audit(read);
        if (audit == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!audit.open()) {
            return HttpResponse.seeOther(URI.create(auditHref(tenant, id)));
        }
        return showCheck(member.get(), read, audit, Form.empty(), HttpStatus.OK, request);
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
        PageOperations.Answer read = readCheck(tenant, id, member.get(), request);
        Audit audit = audit(read);
        if (audit == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/submitSection11Audit",
                Map.of("input", Map.of("id", audit.id(), "version", version(form))),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "submitSection11Audit", SUBMIT);
        if (submission.refusal() != null) {
            return refused(member.get(), submission.refusal(), answer, request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(auditHref(tenant, id) + "/submitted"));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        submission
                .errors()
                .values()
                .forEach(message -> placed.merge(SUBMIT, message, (one, other) -> one + " " + other));
        return showCheck(member.get(), read, audit, form.withErrors(placed), HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}/submitted")
    HttpResponse<?> submitted(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = operations.run(
                "pages/section11Submitted",
                Map.of("slug", tenant, "id", id),
                member.get().caller(),
                request);
        AuditSummary audit = read.as("audit", AuditSummary.class);
        if (audit == null || audit.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!"SUBMITTED".equals(audit.status())) {
            return HttpResponse.seeOther(URI.create(auditHref(tenant, id)));
        }
        return templates.page(
                "section11Submitted",
                members.layout(member.get(), "Audit submitted – Section 11 self-audit", read, request),
                new Submitted(
                        auditHref(tenant, id),
                        "/" + tenant + "/section-11",
                        audit.round(),
                        audit.partnerOrganisation().name()));
    }

    private PageOperations.Answer readAudits(String tenant, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/section11Audits", Map.of("slug", tenant), member.caller(), request);
    }

    private PageOperations.Answer readCheck(
            String tenant, String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/section11Check", Map.of("slug", tenant, "id", id), member.caller(), request);
    }

    private HttpResponse<?> showAudits(
            MemberPages.Member member,
            PageOperations.Answer read,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        Viewer viewer = read.as("viewer", Viewer.class);
        Organisation organisation = viewer == null ? null : viewer.partnerOrganisation();
        Audits listed = read.as("section11Audits", Audits.class);
        List<AuditSummary> audits = listed == null
                ? List.of()
                : listed.edges().stream().map(AuditEdge::node).toList();
        boolean statutory = organisation != null && Boolean.TRUE.equals(organisation.statutory());
        List<AuditSummary> own = organisation == null
                ? List.of()
                : audits.stream()
                        .filter(audit -> audit.partnerOrganisation().id().equals(organisation.id()))
                        .toList();
        int round = clock.year();
        Start start = null;
        if (statutory && own.stream().noneMatch(audit -> audit.round() == round)) {
            start = new Start(
                    round,
                    own.stream()
                            .filter(audit -> audit.round() < round)
                            .max(Comparator.comparingInt(AuditSummary::round))
                            .map(earlier -> List.of(
                                    new Option(
                                            earlier.id(),
                                            "Yes, start from the " + earlier.round() + " answers",
                                            "Each criterion starts with the rating, narrative and evidence given in "
                                                    + earlier.round() + "; check and update them."),
                                    new Option("", "No, start with every criterion blank")))
                            .orElse(List.of()));
        }
        List<AuditRow> rows = audits.stream()
                .map(audit -> new AuditRow(
                        auditHref(tenant, audit.id()),
                        audit.round(),
                        audit.partnerOrganisation().name(),
                        Tag.status(audit.status()),
                        audit.submittedAt() == null ? "Not yet" : Dates.dateTime(audit.submittedAt()),
                        audit.moderatedAt() == null ? "Not yet" : Dates.dateTime(audit.moderatedAt())))
                .toList();
        String title = (form.hasErrors() ? "Error: " : "") + "Section 11 self-audit";
        return templates.page(
                status,
                "section11Audits",
                members.layout(member, title, read, request),
                new AuditsPage(organisation, statutory, rows, start, form));
    }

    private HttpResponse<?> showCheck(
            MemberPages.Member member,
            PageOperations.Answer read,
            Audit audit,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String href = auditHref(member.tenantSlug(), audit.id());
        String title = (form.hasErrors() ? "Error: " : "") + "Check your answers – " + title(audit);
        return templates.page(
                status,
                "section11Check",
                members.layout(member, title, read, request),
                new CheckPage(href, audit, frameworkName(read, audit), standards(read, audit, href), form));
    }

    /** @param refusal the submission's refusal */
    private HttpResponse<?> refused(
            MemberPages.Member member, String refusal, PageOperations.Answer answer, HttpRequest<?> request) {
        return switch (refusal) {
            case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" -> errors.notFound(member.visitor(), request);
            default -> errors.serviceProblem(member.visitor(), request, answer.correlationId());
        };
    }

    /** The audit a page's operation read, or null when there is none the person may see. */
    static @Nullable Audit audit(PageOperations.Answer read) {
        Audit audit = read.as("audit", Audit.class);
        return audit == null || audit.id() == null ? null : audit;
    }

    static String title(Audit audit) {
        return "Section 11 self-audit " + audit.round();
    }

    static String auditHref(String tenant, String id) {
        return "/" + tenant + "/section-11/" + id;
    }

    /** The audit's criteria, standard by standard, titled as the published framework titles them. */
    static List<StandardGroup> standards(PageOperations.Answer read, Audit audit, String auditHref) {
        Map<String, String> titles = new HashMap<>();
        framework(read, audit)
                .ifPresent(found ->
                        found.standards().forEach(standard -> titles.put(standard.number(), standard.title())));
        Map<String, List<CriterionItem>> byStandard = new LinkedHashMap<>();
        for (Entry entry : audit.entries()) {
            byStandard
                    .computeIfAbsent(entry.standard(), ignored -> new ArrayList<>())
                    .add(new CriterionItem(
                            entry.id(),
                            auditHref + "/criteria/" + entry.id(),
                            entry.criterion(),
                            entry.criterionText(),
                            Tag.rating(entry.rag()),
                            entry.narrative(),
                            entry.evidence(),
                            Tag.rating(entry.moderatedRag()),
                            entry.moderatorComment()));
        }
        List<StandardGroup> groups = new ArrayList<>();
        byStandard.forEach((number, criteria) ->
                groups.add(new StandardGroup(number, titles.getOrDefault(number, ""), List.copyOf(criteria))));
        return List.copyOf(groups);
    }

    static String frameworkName(PageOperations.Answer read, Audit audit) {
        return framework(read, audit).map(Framework::name).orElse(audit.framework());
    }

    private static Optional<Framework> framework(PageOperations.Answer read, Audit audit) {
        Published published = read.as("publishedConfiguration", Published.class);
        if (published == null || published.standardsFrameworks() == null) {
            return Optional.empty();
        }
        return published.standardsFrameworks().stream()
                .filter(framework -> framework.key().equals(audit.framework()))
                .findFirst();
    }

    private static @Nullable String savedMessage(@Nullable String saved, Audit audit) {
        if (saved == null) {
            return null;
        }
        if (saved.equals("started")) {
            return "Your " + audit.round() + " audit is started";
        }
        return audit.entries().stream()
                .filter(entry -> entry.id().equals(saved))
                .findFirst()
                .map(entry -> "Criterion " + entry.criterion() + " saved")
                .orElse(null);
    }

    private static int version(Form form) {
        try {
            return Integer.parseInt(form.value("version"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
