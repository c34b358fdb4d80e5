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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.web.Section11Pages.Audit;
import uk.trustplatform.web.Section11Pages.CriterionItem;
import uk.trustplatform.web.Section11Pages.Entry;
import uk.trustplatform.web.Section11Pages.StandardGroup;
import uk.trustplatform.web.Section11Pages.Tag;

/**
 * The board's Section 11 pages, for its members and the tenant admin: the statutory partners'
 * audits of a round (the newest unless another is chosen), those sent to the board first and the
 * partners with none listed as missing; one audit in full; its moderation, the board's own rating
 * and comment on any criterion and its decision, accepting the audit or returning it to the
 * partner saying why; and the round's summary, the share of agencies green, amber and red on each
 * standard, as boards report it. Anyone else, a partner lead included, finds no such page.
 */
@Controller("/{tenant}/board/section-11")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BoardSection11Pages {

    /** The order the list shows: what waits for the board first, then what the partner is changing. */
    private static final List<String> STATUS_ORDER = List.of("SUBMITTED", "RETURNED", "MODERATED", "DRAFT");

    /**
     * The audits the round's summary counts: those the partner has given the board. A draft is not
     * finished, and a returned audit is the partner's to change.
     */
    private static final Set<String> REPORTED = Set.of("SUBMITTED", "MODERATED");

    /** Pages of a list read for one page of the board's; a partnership's audits fit in a few. */
    private static final int MOST_PAGES = 50;

    private static final String DECISION = "decision";
    private static final String COMMENT = "comment";
    private static final String CONFLICT = "conflict";

    public static final List<Option> DECISIONS = List.of(
            new Option("ACCEPT", "Accept the audit", "The audit is moderated: the partner reads the board's ratings."),
            new Option(
                    "RETURN",
                    "Return the audit to the partner",
                    "The partner changes its answers where the board asks and submits the audit again."));

    public static final List<Option> BOARD_RATINGS = List.of(
            new Option("", "No rating of the board's"),
            new Option("RED", "Red"),
            new Option("AMBER", "Amber"),
            new Option("GREEN", "Green"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    BoardSection11Pages(
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

    public record Partner(String id, String name, boolean statutory) {}

    /** A criterion's ratings as the list and the summary read them. */
    public record Rating(String standard, String rag, String moderatedRag) {

        /** The rating the board reports: its own where it gave one, else the partner's. */
        String reported() {
            return moderatedRag != null ? moderatedRag : rag;
        }
    }

    /** An audit as the list and the summary read it. */
    public record Listed(
            String id,
            int round,
            String framework,
            String status,
            String submittedAt,
            String moderatedAt,
            Partner partnerOrganisation,
            List<Rating> entries) {

        String partner() {
            return partnerOrganisation == null ? "" : partnerOrganisation.name();
        }

        int count(String rag) {
            return (int) entries.stream()
                    .filter(entry -> rag.equals(entry.reported()))
                    .count();
        }
    }

    /**
     * Everything the board's Section 11 pages of a round are drawn from; no lists when the API
     * could not answer, which {@link #answered} tells before they are read.
     */
    private record Read(
            PageOperations.Answer first,
            @Nullable List<Listed> audits,
            @Nullable List<Partner> partners,
            Map<String, String> titles,
            int thisYear) {

        boolean answered() {
            return audits != null && partners != null;
        }

        @Override
        public List<Listed> audits() {
            return Objects.requireNonNull(audits, "the lists of an answered read are there");
        }

        @Override
        public List<Partner> partners() {
            return Objects.requireNonNull(partners, "the lists of an answered read are there");
        }

        /** The rounds with an audit, newest first; this year's when there is none yet. */
        List<Integer> rounds() {
            TreeSet<Integer> rounds =
                    audits().stream().map(Listed::round).collect(Collectors.toCollection(TreeSet::new));
            return rounds.isEmpty() ? List.of(thisYear) : List.copyOf(rounds.descendingSet());
        }

        /** The round the address names if it has audits, else the newest. */
        int round(@Nullable String asked) {
            return rounds().stream()
                    .filter(round -> String.valueOf(round).equals(asked))
                    .findFirst()
                    .orElse(rounds().getFirst());
        }

        List<Listed> of(int round) {
            return audits().stream().filter(audit -> audit.round() == round).toList();
        }

        /** The filter of a page: its form with the round chosen, and the rounds to choose from. */
        RoundFilter filter(int round) {
            return new RoundFilter(
                    Form.of(Map.of("round", String.valueOf(round))),
                    rounds().stream()
                            .map(each -> new Option(String.valueOf(each), String.valueOf(each)))
                            .toList());
        }
    }

    public record RoundFilter(Form form, List<Option> rounds) {}

    /** The audits of a round, those sent to the board first, and the statutory partners without one. */
    public record ListPage(int round, RoundFilter filter, List<Row> audits, List<String> missing, String summaryHref) {}

    public record Row(String href, String partner, Tag status, String submitted, int red, int amber, int green) {}

    /** The round's summary: each standard's agencies by the rating the board reports. */
    public record SummaryPage(
            int round,
            RoundFilter filter,
            int counted,
            int notCounted,
            List<StandardShare> standards,
            String listHref) {}

    /** One standard: how many agencies, of those counted, are green, amber and red on it. */
    public record StandardShare(String label, int agencies, int green, int amber, int red) {

        public List<BoardDashboardPages.Segment> segments() {
            return List.of(
                    segment("Green", green, "green"), segment("Amber", amber, "amber"), segment("Red", red, "red"));
        }

        /** "67% green (2 of 3 agencies)". */
        public String summary() {
            return percent(green) + " green (" + green + " of " + agencies
                    + (agencies == 1 ? " agency)" : " agencies)");
        }

        public String percent(int count) {
            return agencies == 0 ? "0%" : Math.round(100.0 * count / agencies) + "%";
        }

        private BoardDashboardPages.Segment segment(String label, int count, String kind) {
            String width = agencies == 0 ? "0" : String.format(Locale.ROOT, "%.2f", 100.0 * count / agencies);
            return new BoardDashboardPages.Segment(
                    label + ": " + count + " (" + percent(count) + ")", count, width, kind);
        }
    }

    /** One audit in full, with the moderation its status allows. */
    public record AuditPage(
            Audit audit,
            Tag status,
            String frameworkName,
            List<StandardGroup> standards,
            String href,
            String listHref,
            @Nullable String banner) {

        public boolean moderable() {
            return "SUBMITTED".equals(audit.status());
        }
    }

    /** The moderation form: each criterion's rating and comment by the board, then its decision. */
    public record ModeratePage(
            Audit audit,
            String frameworkName,
            List<StandardGroup> standards,
            String href,
            String version,
            Form form,
            @Nullable Conflict conflict) {

        public List<Option> ratings() {
            return BOARD_RATINGS;
        }

        public List<Option> decisions() {
            return DECISIONS;
        }

        /** A criterion's place in the audit, which names its questions: {@code rag-3}, {@code comment-3}. */
        public int index(CriterionItem item) {
            return audit.entries().stream().map(Entry::id).toList().indexOf(item.id());
        }
    }

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String round, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, round, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Read read = reading.read();
        int chosen = reading.round();
        List<Listed> audits = reading.audits();
        Set<String> audited =
                audits.stream().map(audit -> audit.partnerOrganisation().id()).collect(Collectors.toSet());
        List<String> missing = read.partners().stream()
                .filter(partner -> partner.statutory() && !audited.contains(partner.id()))
                .map(Partner::name)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        List<Row> rows = audits.stream()
                .sorted(listOrder())
                .map(audit -> new Row(
                        auditHref(tenant, audit.id()),
                        audit.partner(),
                        Tag.status(audit.status()),
                        audit.submittedAt() == null ? "Not yet" : Dates.dateTime(audit.submittedAt()),
                        audit.count("RED"),
                        audit.count("AMBER"),
                        audit.count("GREEN")))
                .toList();
        return templates.page(
                "boardSection11",
                members.layout(reading.member(), "Section 11 audits " + chosen, read.first(), request),
                new ListPage(
                        chosen, read.filter(chosen), rows, missing, listHref(tenant) + "/summary?round=" + chosen));
    }

    @Get("/summary")
    HttpResponse<?> summary(String tenant, @Nullable @QueryValue String round, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, round, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        List<Listed> counted = reading.audits().stream()
                .filter(audit -> REPORTED.contains(audit.status()))
                .toList();
        return templates.page(
                "boardSection11Summary",
                members.layout(
                        reading.member(),
                        "Section 11 summary " + reading.round(),
                        reading.read().first(),
                        request),
                new SummaryPage(
                        reading.round(),
                        reading.read().filter(reading.round()),
                        counted.size(),
                        reading.audits().size() - counted.size(),
                        shares(counted, reading.read().titles()),
                        listHref(tenant) + "?round=" + reading.round()));
    }

    @Get("/{id}")
    HttpResponse<?> audit(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Moderating> steps = moderating(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Moderating moderating = steps.found();
        Audit audit = moderating.audit();
        PageOperations.Answer read = moderating.read();
        return templates.page(
                "boardSection11Audit",
                members.layout(moderating.member(), title(audit), read, request),
                new AuditPage(
                        audit,
                        Tag.status(audit.status()),
                        Section11Pages.frameworkName(read, audit),
                        Section11Pages.standards(read, audit, auditHref(tenant, id)),
                        auditHref(tenant, id),
                        listHref(tenant) + "?round=" + audit.round(),
                        banner(done)));
    }

    @Get("/{id}/moderate")
    HttpResponse<?> moderating(String tenant, String id, HttpRequest<?> request) {
        Steps<Moderating> steps = moderating(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Moderating moderating = steps.found();
        Audit audit = moderating.audit();
        if (!"SUBMITTED".equals(audit.status())) {
            return HttpResponse.seeOther(URI.create(auditHref(tenant, id)));
        }
        Map<String, String> saved = new LinkedHashMap<>();
        for (int i = 0; i < audit.entries().size(); i++) {
            Entry entry = audit.entries().get(i);
            saved.put("rag-" + i, Objects.requireNonNullElse(entry.moderatedRag(), ""));
            saved.put(COMMENT + "-" + i, Objects.requireNonNullElse(entry.moderatorComment(), ""));
        }
        return moderatePage(moderating, Form.of(saved), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/moderate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> moderate(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Moderating> steps = moderating(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Moderating moderating = steps.found();
        MemberPages.Member member = moderating.member();
        Audit audit = moderating.audit();
        String decision = form.value(DECISION);
        if (DECISIONS.stream().noneMatch(option -> option.value().equals(decision))) {
            // Neither accepting nor returning is no decision the API could be sent: the page's to say.
            return moderatePage(
                    moderating,
                    form.withErrors(Map.of(DECISION, "Select whether to accept the audit or return it to the partner")),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", audit.id());
        input.put("version", ActionPlanPages.number(form.value("version")));
        input.put(DECISION, decision);
        input.put(COMMENT, form.value(COMMENT));
        input.put("entries", moderatedEntries(audit, form));
        PageOperations.Answer answer =
                operations.run("pages/moderateSection11Audit", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "moderateSection11Audit", DECISION);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.saved()) {
            String done = decision.equals("ACCEPT") ? "accepted" : "returned";
            return HttpResponse.seeOther(URI.create(auditHref(tenant, audit.id()) + "?done=" + done));
        }
        Steps<Moderating> stepsAgain = moderating(tenant, id, null, request);
        if (stepsAgain.refusal() != null) {
            return stepsAgain.refusal();
        }
        Moderating again = stepsAgain.found();
        if (submission.conflict()) {
            Conflict conflict = conflict(again, decision, form.value(COMMENT).strip());
            Map<String, List<String>> values = new LinkedHashMap<>(form.values());
            values.put("version", List.of(String.valueOf(again.audit().version())));
            Form kept = new Form(values, Map.of())
                    .withErrors(Map.of(
                            CONFLICT,
                            conflict.by() + " changed this audit after you opened it: it is now "
                                    + Labels.of(again.audit().status()).toLowerCase(Locale.UK)
                                    + ". Check it before you decide"));
            return moderatePage(again, kept, conflict, HttpStatus.BAD_REQUEST, request);
        }
        Map<String, String> refused = new LinkedHashMap<>();
        submission.errors().forEach((field, message) -> {
            if (field.equals(COMMENT)) {
                refused.put(COMMENT, message);
            } else {
                refused.merge(DECISION, message, (one, other) -> one + " " + other);
            }
        });
        return moderatePage(again, form.withErrors(refused), null, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The round the board reads (the address's if it has audits, else the newest) with its audits,
     * and everything read.
     */
    private record Reading(MemberPages.Member member, Read read, int round, List<Listed> audits) {}

    /** Lets only the board on, and reads every audit and partner. */
    private Steps<Reading> reading(String tenant, @Nullable String round, HttpRequest<?> request) {
        Steps<MemberPages.Member> boarding = boarding(tenant, null, request);
        if (boarding.refusal() != null) {
            return Steps.refused(boarding.refusal());
        }
        MemberPages.Member member = boarding.found();
        Read read = read(member, request);
        if (!read.answered()) {
            return Steps.refused(errors.serviceProblem(
                    member.visitor(), request, read.first().correlationId()));
        }
        int chosen = read.round(round);
        return Steps.found(new Reading(member, read, chosen, read.of(chosen)));
    }

    /**
     * Signs the visitor in to the partnership, checks a form's token (when there is a form), and
     * lets only the board (or the tenant admin) on: the board member they found; a visitor who is
     * not signed in is refused as no one.
     */
    private Steps<MemberPages.Member> boarding(String tenant, @Nullable Form form, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return Steps.refused(members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return Steps.refused(errors.forbidden(member.visitor(), request));
        }
        if (!Visitors.isBoard(member.visitor())) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        return Steps.found(member);
    }

    /** An audit the board moderates, and what was read with it. */
    private record Moderating(MemberPages.Member member, PageOperations.Answer read, Audit audit) {}

    /** The board's first steps, then the audit read; another partnership's or a missing audit is not found. */
    private Steps<Moderating> moderating(String tenant, String id, @Nullable Form form, HttpRequest<?> request) {
        Steps<MemberPages.Member> boarding = boarding(tenant, form, request);
        if (boarding.refusal() != null) {
            return Steps.refused(boarding.refusal());
        }
        MemberPages.Member member = boarding.found();
        PageOperations.Answer read =
                operations.run("pages/section11Audit", Map.of("slug", tenant, "id", id), member.caller(), request);
        Audit audit = Section11Pages.audit(read);
        return audit == null
                ? Steps.refused(errors.notFound(member.visitor(), request))
                : Steps.found(new Moderating(member, read, audit));
    }

    private HttpResponse<?> moderatePage(
            Moderating moderating, Form form, @Nullable Conflict conflict, HttpStatus status, HttpRequest<?> request) {
        Audit audit = moderating.audit();
        String href = auditHref(moderating.member().tenantSlug(), audit.id());
        String version = conflict != null || form.value("version").isBlank()
                ? String.valueOf(audit.version())
                : form.value("version");
        String title = (form.hasErrors() ? "Error: " : "") + "Moderate the audit – " + title(audit);
        return templates.page(
                status,
                "boardSection11Moderate",
                members.layout(moderating.member(), title, moderating.read(), request),
                new ModeratePage(
                        audit,
                        Section11Pages.frameworkName(moderating.read(), audit),
                        Section11Pages.standards(moderating.read(), audit, href),
                        href,
                        version,
                        form,
                        conflict));
    }

    /**
     * The board's ratings and comments to save: each criterion it rates or comments on, and each
     * it had before and now clears, so that an earlier moderation's rating can be taken back.
     */
    private static List<Map<String, Object>> moderatedEntries(Audit audit, Form form) {
        List<Map<String, Object>> moderated = new ArrayList<>();
        for (int i = 0; i < audit.entries().size(); i++) {
            Entry entry = audit.entries().get(i);
            String rag = form.value("rag-" + i);
            String comment = form.value(COMMENT + "-" + i).strip();
            boolean had = entry.moderatedRag() != null || entry.moderatorComment() != null;
            if (had || !rag.isEmpty() || !comment.isEmpty()) {
                Map<String, Object> one = new HashMap<>();
                one.put("id", entry.id());
                one.put(
                        "moderatedRag",
                        BOARD_RATINGS.stream()
                                        .anyMatch(option -> !option.value().isEmpty()
                                                && option.value().equals(rag))
                                ? rag
                                : null);
                one.put(COMMENT, comment.isEmpty() ? null : comment);
                moderated.add(one);
            }
        }
        return moderated;
    }

    /**
     * Reads every audit and partner of the partnership, a page of each list at a time; with no
     * lists when the API could not answer.
     */
    private Read read(MemberPages.Member member, HttpRequest<?> request) {
        PageOperations.Answer first = null;
        List<Listed> audits = new ArrayList<>();
        List<Partner> partners = new ArrayList<>();
        String auditsAfter = null;
        String partnersAfter = null;
        boolean moreAudits = true;
        boolean morePartners = true;
        for (int page = 0; page < MOST_PAGES && (moreAudits || morePartners); page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("slug", member.tenantSlug());
            variables.put("audits", moreAudits);
            variables.put("auditsAfter", auditsAfter);
            variables.put("partners", morePartners);
            variables.put("partnersAfter", partnersAfter);
            PageOperations.Answer answer = operations.run("pages/boardSection11", variables, member.caller(), request);
            JsonNode auditPage = answer.data().path("section11Audits");
            JsonNode partnerPage = answer.data().path("partnerOrganisations");
            if ((moreAudits && !auditPage.isObject()) || (morePartners && !partnerPage.isObject())) {
                return new Read(answer, null, null, Map.of(), clock.year());
            }
            first = first == null ? answer : first;
            if (moreAudits) {
                auditPage.path("edges").forEach(edge -> audits.add(answer.convert(edge.path("node"), Listed.class)));
                moreAudits = auditPage.path("pageInfo").path("hasNextPage").asBoolean();
                auditsAfter = auditPage.path("pageInfo").path("endCursor").asText();
            }
            if (morePartners) {
                partnerPage
                        .path("edges")
                        .forEach(edge -> partners.add(answer.convert(edge.path("node"), Partner.class)));
                morePartners = partnerPage.path("pageInfo").path("hasNextPage").asBoolean();
                partnersAfter = partnerPage.path("pageInfo").path("endCursor").asText();
            }
        }
        PageOperations.Answer read = Objects.requireNonNull(first, "the first page is always read");
        return new Read(read, List.copyOf(audits), List.copyOf(partners), standardTitles(read), clock.year());
    }

    /** Each published framework's standards by "framework/number", as the summary titles them. */
    private static Map<String, String> standardTitles(PageOperations.Answer read) {
        Map<String, String> titles = new HashMap<>();
        read.data()
                .path("publishedConfiguration")
                .path("standardsFrameworks")
                .forEach(framework -> framework
                        .path("standards")
                        .forEach(standard -> titles.put(
                                framework.path("key").asText() + "/"
                                        + standard.path("number").asText(),
                                standard.path("title").asText())));
        return titles;
    }

    /**
     * Each standard's agencies by the rating the board reports for it: an agency is green on a
     * standard only when every criterion of the standard is green, red when any is red, and amber
     * otherwise, so one unmet criterion is never averaged away. The standards are in the
     * framework's order, as the audits list their criteria.
     */
    static List<StandardShare> shares(List<Listed> audits, Map<String, String> titles) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Listed audit : audits) {
            Map<String, List<String>> byStandard = new LinkedHashMap<>();
            audit.entries()
                    .forEach(entry -> byStandard
                            .computeIfAbsent(audit.framework() + "/" + entry.standard(), ignored -> new ArrayList<>())
                            .add(entry.reported()));
            byStandard.forEach((standard, ratings) -> {
                int[] count = counts.computeIfAbsent(standard, ignored -> new int[3]);
                count[ratings.contains("RED") ? 2 : ratings.stream().allMatch("GREEN"::equals) ? 0 : 1]++;
            });
        }
        List<StandardShare> shares = new ArrayList<>();
        counts.forEach((standard, count) -> {
            String number = standard.substring(standard.lastIndexOf('/') + 1);
            String title = titles.getOrDefault(standard, "");
            shares.add(new StandardShare(
                    "Standard " + number + (title.isBlank() ? "" : ": " + title),
                    count[0] + count[1] + count[2],
                    count[0],
                    count[1],
                    count[2]));
        });
        return List.copyOf(shares);
    }

    /** Someone moderated the audit first: its status now beside the decision this person was taking. */
    private static Conflict conflict(Moderating now, String decision, String yourComment) {
        Audit audit = now.audit();
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(new Conflict.Row(
                "Status", Labels.of(audit.status()), decision.equals("ACCEPT") ? "Moderated" : "Returned"));
        String theirs = Objects.requireNonNullElse(audit.moderationComment(), "");
        rows.add(new Conflict.Row(
                "The board's comment",
                theirs.isEmpty() ? "Not given" : theirs,
                yourComment.isEmpty() ? "Not given" : yourComment));
        JsonNode lastChange = audit.lastChange();
        return Conflict.of(lastChange != null && lastChange.isObject() ? lastChange : NullNode.getInstance(), rows);
    }

    private static Comparator<Listed> listOrder() {
        return Comparator.<Listed>comparingInt(audit -> STATUS_ORDER.indexOf(audit.status()))
                .thenComparing(audit -> Objects.requireNonNullElse(audit.submittedAt(), ""))
                .thenComparing(audit -> audit.partner().toLowerCase(Locale.UK));
    }

    /** The fixed words of a notification after a decision; nothing from the address is shown. */
    private static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "accepted" -> "The audit is moderated";
            case "returned" -> "The audit is returned to the partner";
            default -> null;
        };
    }

    private static String title(Audit audit) {
        return audit.partnerOrganisation().name() + "'s " + Section11Pages.title(audit);
    }

    static String listHref(String tenant) {
        return "/" + tenant + "/board/section-11";
    }

    static String auditHref(String tenant, String id) {
        return listHref(tenant) + "/" + id;
    }
}
