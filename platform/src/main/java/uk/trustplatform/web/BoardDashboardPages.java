package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;

/**
 * The board's dashboard (board members; the tenant admin sees the same): the action plans'
 * progress by standard and by partner as bars with a table of the same counts, the overdue
 * actions, the partners with gaps, the pledges due for renewal and lapsed, the participation
 * summary of a chosen period, and the partnership's benchmarks beside its forum's median and
 * quartiles. Anyone else in the partnership finds no such page.
 */
@Controller("/{tenant}/board")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BoardDashboardPages {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final String OPERATION = "pages/boardDashboard";
    private static final List<String> DATE_PARTS = List.of("day", "month", "year");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    BoardDashboardPages(
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

    /** A plan period to choose, {@code 2009-2010} in the address and "2009–2010" to read. */
    public record Period(int start, int end) {

        public String value() {
            return start + "-" + end;
        }

        public String label() {
            return start + "–" + end;
        }
    }

    /** A field a GET form carries along unchanged, so that choosing one thing keeps the others. */
    public record Hidden(String name, String value) {}

    /** One row of a chart: a standard or a partner, with its actions by status and by RAG. */
    public record Bar(String label, @Nullable String note, Counts counts) {

        /** "6 actions. Plan approved. 1 overdue" */
        public String summary() {
            return counts.actions()
                    + (note == null ? "" : ". " + note)
                    + (counts.overdue() > 0 ? ". " + counts.overdue() + " overdue" : "");
        }

        public List<Segment> statuses() {
            return List.of(
                    counts.segment("Complete", counts.complete(), "complete"),
                    counts.segment("In progress", counts.inProgress(), "in-progress"),
                    counts.segment("Not started", counts.notStarted(), "not-started"));
        }

        public List<Segment> ratings() {
            return List.of(
                    counts.segment("Green", counts.green(), "green"),
                    counts.segment("Amber", counts.amber(), "amber"),
                    counts.segment("Red", counts.red(), "red"),
                    counts.segment("Not rated", counts.unrated(), "unrated"));
        }
    }

    /** A part of a bar: its words, its count, and its share of the bar's width. */
    public record Segment(String label, int count, String width, String kind) {}

    /** The API's ActionProgress. */
    public record Counts(
            int total,
            int notStarted,
            int inProgress,
            int complete,
            int red,
            int amber,
            int green,
            int unrated,
            int overdue) {

        Segment segment(String label, int count, String kind) {
            String width = total == 0 ? "0" : String.format(Locale.ROOT, "%.2f", 100.0 * count / total);
            return new Segment(label, count, width, kind);
        }

        /** "6 actions", "1 action", "No actions yet". */
        public String actions() {
            return total == 0 ? "No actions yet" : total + (total == 1 ? " action" : " actions");
        }
    }

    /**
     * The chosen period's progress; {@code byPartner} is empty when no partner has a plan for it.
     *
     * @param overall the plans' figures together; null when there are none to add up
     */
    public record Progress(
            Period period,
            List<Bar> byStandard,
            List<Bar> byPartner,
            @Nullable Counts overall) {}

    public record OverdueAction(
            String description, String partner, String plan, String due, String status, String rag) {}

    public record Shortfall(String partner, int champions) {}

    public record Gaps(
            int minimumParticipationChampions, List<String> withoutStrategicLead, List<Shortfall> tooFewChampions) {}

    public record PledgeRow(String partner, String date) {}

    public record Pledges(
            boolean published,
            int noticeDays,
            List<PledgeRow> dueForRenewal,
            List<PledgeRow> lapsed,
            boolean partial) {}

    public record Rung(String label, int activities) {}

    public record Participation(
            String from,
            String to,
            int activities,
            int participants,
            int withoutParticipantCount,
            int informingDecisions,
            int ended,
            int feedbackGiven,
            int feedbackOverdue,
            List<Rung> rungs,
            FeedbackCodePages.Count heardBack,
            List<HeardBackOfKind> heardBackByKind) {

        /** The answers about one kind of subject other than activities (whose count is {@code heardBack}). */
        public FeedbackCodePages.Count of(String about) {
            return heardBackByKind.stream()
                    .filter(kind -> kind.about().equals(about))
                    .map(HeardBackOfKind::count)
                    .findFirst()
                    .orElseThrow();
        }

        /** "40", or "40 (2 activities did not count them)". */
        public String tookPart() {
            return participants
                    + switch (withoutParticipantCount) {
                        case 0 -> "";
                        case 1 -> " (1 activity did not count them)";
                        default -> " (" + withoutParticipantCount + " activities did not count them)";
                    };
        }
    }

    public record Benchmark(
            String indicator,
            String breakdown,
            String value,
            String lower,
            String median,
            String upper,
            int authorities) {}

    /** @param assessmentYear the year of the self-assessment levels among the rows */
    public record Benchmarks(String forum, String period, int assessmentYear, List<Benchmark> rows) {}

    /**
     * The page: each section's figures, or null where there is nothing to show; and the choices
     * with the fields each GET form carries along.
     */
    public record Dashboard(
            List<Period> periods,
            @Nullable Period period,
            @Nullable Progress progress,
            List<OverdueAction> overdue,
            boolean moreOverdue,
            Gaps gaps,
            Pledges pledges,
            Form participationForm,
            @Nullable Participation participation,
            List<Option> forums,
            @Nullable String forum,
            @Nullable Benchmarks benchmarks,
            List<Hidden> keepForPeriod,
            List<Hidden> keepForParticipation,
            List<Hidden> keepForForum,
            String glanceRecommendations) {

        public List<Option> periodOptions() {
            return periods.stream().map(p -> new Option(p.value(), p.label())).toList();
        }

        public Form.Field periodField() {
            return new Form.Field("period", "Plan period", null, period == null ? "" : period.value(), null);
        }

        public Form.Field forumField() {
            return new Form.Field("forum", "Regional forum", null, forum == null ? "" : forum, null);
        }

        /** "Action plans 2009–2010", or "Action plans" while there is no period. */
        public String plansHeading() {
            return period == null ? "Action plans" : "Action plans " + period.label();
        }

        public String glancePlans() {
            if (progress == null) {
                return "No action-plan periods yet";
            }
            Counts overall = progress.overall();
            // Plans always have figures to add up: none to add up is no plans.
            if (overall == null || progress.byPartner().isEmpty()) {
                return "No plans for " + progress.period().label() + " yet";
            }
            int plans = progress.byPartner().size();
            return plans + (plans == 1 ? " plan, " : " plans, ")
                    + overall.actions().toLowerCase(Locale.UK) + ": " + overall.complete() + " complete, "
                    + overall.overdue() + " overdue";
        }

        public String glanceOverdue() {
            return overdue.isEmpty() ? "None" : overdue.size() + (moreOverdue ? " or more" : "");
        }

        /** The youth forums' recommendations overdue and open, in words. */
        static String recommendations(JsonNode counts) {
            return counts.path("overdue").asInt() + " overdue of "
                    + counts.path("open").asInt() + " open";
        }

        public String glanceGaps() {
            return gaps.withoutStrategicLead().size() + " with no strategic lead, "
                    + gaps.tooFewChampions().size() + " with too few participation champions";
        }

        public String glancePledges() {
            return pledges.published()
                    ? pledges.dueForRenewal().size() + " due for renewal, "
                            + pledges.lapsed().size() + " lapsed"
                    : "The partnership has not published a pledge";
        }

        public String glanceParticipation() {
            if (participation == null) {
                return "Correct the dates to see the summary";
            }
            int activities = participation.activities();
            return activities + (activities == 1 ? " activity" : " activities") + " started from "
                    + participation.from() + " to " + participation.to() + ", " + participation.participants()
                    + " took part";
        }
    }

    // The API's answers, as the operation asks for them.

    record Template(int periodStart, int periodEnd) {}

    record Forum(String slug, String name) {}

    record Named(String name) {}

    record StandardRow(String framework, String standard, String title, Counts progress) {}

    record PartnerRow(Named partnerOrganisation, Plan actionPlan, Counts progress) {}

    record Plan(String status) {}

    record ActionPlanProgress(List<StandardRow> byStandard, List<PartnerRow> byPartner) {}

    record ActionNode(
            String description, String standard, String dueDate, String status, String rag, ActionPlanRef actionPlan) {}

    record ActionPlanRef(int periodStart, int periodEnd, Named partnerOrganisation) {}

    record ChampionShortfall(Named partnerOrganisation, int champions) {}

    record PartnerGaps(
            int minimumParticipationChampions,
            List<Named> withoutStrategicLead,
            List<ChampionShortfall> tooFewChampions) {}

    record DueForRenewal(Named partnerOrganisation, String renewalDueOn) {}

    record Registration(String status, String renewalDueOn, String endedOn, Partner partnerOrganisation) {}

    record Partner(String id, String name) {}

    record RungCount(Integer rung, int activities) {}

    record Summary(
            int activities,
            int participants,
            int withoutParticipantCount,
            int informingDecisions,
            int ended,
            int feedbackGiven,
            int feedbackOverdue,
            List<RungCount> byLadderRung,
            FeedbackCodePages.Count heardBack,
            List<HeardBackOfKind> heardBackByKind) {}

    public record HeardBackOfKind(String about, FeedbackCodePages.Count count) {}

    record OwnIndicator(
            String indicator,
            String breakdown,
            Double value,
            int records,
            Double forumMedian,
            Double forumLowerQuartile,
            Double forumUpperQuartile,
            int forumAuthorities) {}

    @Get
    HttpResponse<?> show(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return members.refuse(tenant, request);
        }
        MemberPages.Member member = found.get();
        if (!Visitors.isBoard(member.visitor())) {
            return errors.notFound(member.visitor(), request);
        }
        Form asked = new Form(request.getParameters().asMap(), Map.of());

        PageOperations.Answer choices = run(member, request, Map.of("choicesOnly", true));
        if (choices.errorCode() != null) {
            return refusal(member, request, choices.errorCode(), choices);
        }
        List<Period> periods = periods(choices);
        Map<String, String> forumNames = new LinkedHashMap<>();
        choices.data()
                .path("regionalForums")
                .forEach(forum -> forumNames.put(
                        forum.path("slug").asText(), forum.path("name").asText()));

        Optional<Period> period = asked.value("period").isEmpty()
                ? defaultPeriod(periods)
                : periods.stream()
                        .filter(p -> p.value().equals(asked.value("period")))
                        .findFirst();
        String forum = asked.value("forum").isEmpty()
                ? forumNames.keySet().stream().findFirst().orElse(null)
                : asked.value("forum");
        if ((!asked.value("period").isEmpty() && period.isEmpty())
                || (forum != null && !forumNames.containsKey(forum))) {
            return errors.notFound(member.visitor(), request);
        }

        boolean typedDates = DATE_PARTS.stream()
                .anyMatch(part -> request.getParameters().contains("from-" + part)
                        || request.getParameters().contains("to-" + part));
        Form dates = typedDates ? asked : Form.of(thisYear());
        String from = Optional.ofNullable(DateFields.iso(dates, "from")).orElse("");
        String to = Optional.ofNullable(DateFields.iso(dates, "to")).orElse("");

        Map<String, Object> variables = figures(period, forum);
        variables.put("participation", true);
        variables.put("from", from);
        variables.put("to", to);
        PageOperations.Answer first = run(member, request, variables);
        Map<String, String> refused = datesRefused(first, from, to);
        PageOperations.Answer answer = first;
        if (!refused.isEmpty()) {
            // The dates were refused, and with them the whole answer: the rest again, without them.
            Map<String, Object> without = figures(period, forum);
            without.put("participation", false);
            without.putAll(isoOf(thisYear()));
            answer = run(member, request, without);
        }
        return page(member, request, choices, answer, refused, dates, periods, period, forumNames, forum, from, to);
    }

    private HttpResponse<?> page(
            MemberPages.Member member,
            HttpRequest<?> request,
            PageOperations.Answer choices,
            PageOperations.Answer answer,
            Map<String, String> refused,
            Form dates,
            List<Period> periods,
            Optional<Period> period,
            Map<String, String> forumNames,
            @Nullable String forum,
            String from,
            String to) {
        if (answer.errorCode() != null) {
            return refusal(member, request, answer.errorCode(), answer);
        }
        Form participationForm = dates.withErrors(
                DateFields.worded(refused, dates, Map.of("from", "the first day", "to", "the last day")));

        Dashboard dashboard = new Dashboard(
                periods,
                period.orElse(null),
                period.map(chosen -> progress(chosen, answer)).orElse(null),
                overdue(answer),
                answer.data()
                        .path("overdueActions")
                        .path("pageInfo")
                        .path("hasNextPage")
                        .asBoolean(),
                gaps(answer),
                pledges(answer),
                participationForm,
                refused.isEmpty() ? participation(answer, from, to) : null,
                forumNames.entrySet().stream()
                        .map(entry -> new Option(entry.getKey(), entry.getValue()))
                        .toList(),
                forum,
                benchmarks(answer, forumNames.get(forum)),
                keep(period, forum, dates, "period"),
                keep(period, forum, dates, "participation"),
                keep(period, forum, dates, "forum"),
                Dashboard.recommendations(answer.data().path("youthForumRecommendationCounts")));
        String title = "Board dashboard";
        return templates.page(
                refused.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                "boardDashboard",
                members.layout(member, refused.isEmpty() ? title : "Error: " + title, choices, request),
                dashboard);
    }

    private PageOperations.Answer run(MemberPages.Member member, HttpRequest<?> request, Map<String, Object> chosen) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", member.tenantSlug());
        variables.put("choicesOnly", false);
        variables.put("progress", false);
        variables.put("periodStart", 0);
        variables.put("periodEnd", 0);
        variables.put("benchmarks", false);
        variables.put("forumSlug", "");
        variables.put("period", "current");
        variables.put("assessmentYear", clock.year());
        variables.put("participation", false);
        variables.putAll(isoOf(thisYear()));
        variables.putAll(chosen);
        return operations.run(OPERATION, variables, member.caller(), request);
    }

    /** @param code the answer's error code */
    private HttpResponse<?> refusal(
            MemberPages.Member member, HttpRequest<?> request, String code, PageOperations.Answer answer) {
        return switch (code) {
            case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" -> errors.notFound(member.visitor(), request);
            default -> errors.serviceProblem(member.visitor(), request, answer.correlationId());
        };
    }

    /** The period's progress and the forum's benchmarks (of the period, and those that have none). */
    private static Map<String, Object> figures(Optional<Period> period, @Nullable String forum) {
        Map<String, Object> variables = new HashMap<>();
        period.ifPresent(chosen -> {
            variables.put("progress", true);
            variables.put("periodStart", chosen.start());
            variables.put("periodEnd", chosen.end());
            variables.put("period", chosen.value());
        });
        if (forum != null) {
            variables.put("benchmarks", true);
            variables.put("forumSlug", forum);
        }
        return variables;
    }

    /** The periods of the partnership's action-plan templates, earliest first. */
    private static List<Period> periods(PageOperations.Answer choices) {
        Set<Period> periods = new HashSet<>();
        choices.data()
                .path("actionPlanTemplates")
                .path("edges")
                .forEach(edge -> periods.add(new Period(
                        edge.path("node").path("periodStart").asInt(),
                        edge.path("node").path("periodEnd").asInt())));
        return periods.stream()
                .sorted(Comparator.comparingInt(Period::start).thenComparingInt(Period::end))
                .toList();
    }

    /** The period this year falls in; else the latest that has begun; else the first to come. */
    Optional<Period> defaultPeriod(List<Period> periods) {
        int year = clock.year();
        Optional<Period> current = periods.stream()
                .filter(p -> p.start() <= year && year <= p.end())
                .reduce((first, second) -> second);
        if (current.isPresent()) {
            return current;
        }
        Optional<Period> begun = periods.stream().filter(p -> p.start() <= year).reduce((first, second) -> second);
        return begun.isPresent() ? begun : periods.stream().findFirst();
    }

    private static Progress progress(Period period, PageOperations.Answer answer) {
        ActionPlanProgress progress = answer.as("actionPlanProgress", ActionPlanProgress.class);
        if (progress == null) {
            return new Progress(period, List.of(), List.of(), null);
        }
        List<Bar> byStandard = progress.byStandard().stream()
                .map(row -> new Bar(standardLabel(row), null, row.progress()))
                .toList();
        List<Bar> byPartner = progress.byPartner().stream()
                .map(row -> new Bar(
                        row.partnerOrganisation() == null
                                ? "A partner"
                                : row.partnerOrganisation().name(),
                        Labels.of(row.actionPlan().status()) + " plan",
                        row.progress()))
                .toList();
        int[] sum = new int[9];
        progress.byPartner().forEach(row -> {
            Counts c = row.progress();
            int[] each = {
                c.total(),
                c.notStarted(),
                c.inProgress(),
                c.complete(),
                c.red(),
                c.amber(),
                c.green(),
                c.unrated(),
                c.overdue()
            };
            for (int i = 0; i < sum.length; i++) {
                sum[i] += each[i];
            }
        });
        Counts overall = new Counts(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8]);
        return new Progress(period, byStandard, byPartner, overall);
    }

    /** "1. Shared Values"; "Standard 3" where the framework has no title for it; "No standard" for none. */
    static String standardLabel(StandardRow row) {
        if (row.standard() == null) {
            return "Actions under no standard";
        }
        return row.title() == null ? "Standard " + row.standard() : row.standard() + ". " + row.title();
    }

    private static List<OverdueAction> overdue(PageOperations.Answer answer) {
        List<OverdueAction> rows = new ArrayList<>();
        answer.data().path("overdueActions").path("edges").forEach(edge -> {
            ActionNode action = answer.convert(edge.path("node"), ActionNode.class);
            ActionPlanRef plan = action.actionPlan();
            rows.add(new OverdueAction(
                    action.description(),
                    plan == null || plan.partnerOrganisation() == null
                            ? "A partner"
                            : plan.partnerOrganisation().name(),
                    plan == null ? "" : plan.periodStart() + "–" + plan.periodEnd(),
                    Dates.day(action.dueDate()),
                    Labels.of(action.status()),
                    action.rag() == null ? "Not rated" : Labels.of(action.rag())));
        });
        return rows;
    }

    private static Gaps gaps(PageOperations.Answer answer) {
        PartnerGaps gaps = Objects.requireNonNull(
                answer.as("partnerGaps", PartnerGaps.class),
                "the schema's partnerGaps is non-null, and an answer with errors is refused first");
        return new Gaps(
                gaps.minimumParticipationChampions(),
                gaps.withoutStrategicLead().stream().map(Named::name).toList(),
                gaps.tooFewChampions().stream()
                        .map(shortfall ->
                                new Shortfall(shortfall.partnerOrganisation().name(), shortfall.champions()))
                        .toList());
    }

    private static Pledges pledges(PageOperations.Answer answer) {
        List<PledgeRow> due = answer.list("pledgesDueForRenewal", DueForRenewal.class).stream()
                .map(registration ->
                        new PledgeRow(name(registration.partnerOrganisation()), Dates.day(registration.renewalDueOn())))
                .toList();
        // The register lists each partner's pledges newest invitation first: a partner's first is
        // where it stands now, and the rest are its history.
        Set<String> seen = new HashSet<>();
        List<PledgeRow> lapsed = new ArrayList<>();
        JsonNode register = answer.data().path("pledgeRegistrations");
        register.path("edges").forEach(edge -> {
            Registration registration = answer.convert(edge.path("node"), Registration.class);
            Partner partner = registration.partnerOrganisation();
            String key = partner == null ? null : partner.id();
            if (key != null && !seen.add(key)) {
                return;
            }
            if ("LAPSED".equals(registration.status())) {
                lapsed.add(new PledgeRow(
                        partner == null ? "A partner" : partner.name(), Dates.day(registration.renewalDueOn())));
            }
        });
        lapsed.sort(Comparator.comparing(PledgeRow::partner));
        boolean published =
                answer.data().path("publishedConfiguration").path("pledge").isObject();
        return new Pledges(
                published || !register.path("edges").isEmpty(),
                answer.data()
                        .path("partnershipSettings")
                        .path("renewalNoticeDays")
                        .asInt(),
                due,
                List.copyOf(lapsed),
                register.path("pageInfo").path("hasNextPage").asBoolean());
    }

    private static String name(@Nullable Named named) {
        return named == null ? "A partner" : named.name();
    }

    private static @Nullable Participation participation(PageOperations.Answer answer, String from, String to) {
        Summary summary = answer.as("participationSummary", Summary.class);
        if (summary == null) {
            return null;
        }
        Map<Integer, String> rungNames = new HashMap<>();
        answer.data()
                .path("publishedConfiguration")
                .path("termsInForce")
                .path("hartsLadderLevels")
                .forEach(level -> rungNames.put(
                        level.path("rung").asInt(), level.path("name").asText()));
        List<Rung> rungs = summary.byLadderRung().stream()
                .map(count -> new Rung(
                        count.rung() == null
                                ? "Not rated"
                                : count.rung() + ". " + rungNames.getOrDefault(count.rung(), "Rung " + count.rung()),
                        count.activities()))
                .toList();
        return new Participation(
                Dates.day(from),
                Dates.day(to),
                summary.activities(),
                summary.participants(),
                summary.withoutParticipantCount(),
                summary.informingDecisions(),
                summary.ended(),
                summary.feedbackGiven(),
                summary.feedbackOverdue(),
                rungs,
                summary.heardBack(),
                summary.heardBackByKind());
    }

    private @Nullable Benchmarks benchmarks(PageOperations.Answer answer, @Nullable String forumName) {
        JsonNode benchmarks = answer.data().path("benchmarks");
        if (!benchmarks.isObject()) {
            return null;
        }
        Map<String, String> categories = new HashMap<>();
        answer.data()
                .path("publishedConfiguration")
                .path("termsInForce")
                .path("partnerCategories")
                .forEach(category -> categories.put(
                        category.path("code").asText(), category.path("label").asText()));
        List<Benchmark> rows = new ArrayList<>();
        benchmarks.path("indicators").forEach(node -> {
            OwnIndicator own = answer.convert(node, OwnIndicator.class);
            rows.add(new Benchmark(
                    indicator(own.indicator()),
                    breakdown(own.breakdown(), categories),
                    figure(own.indicator(), own.value(), "No records"),
                    figure(own.indicator(), own.forumLowerQuartile(), "Too few figures"),
                    figure(own.indicator(), own.forumMedian(), "Too few figures"),
                    figure(own.indicator(), own.forumUpperQuartile(), "Too few figures"),
                    own.forumAuthorities()));
        });
        return new Benchmarks(
                forumName == null ? benchmarks.path("forum").path("name").asText() : forumName,
                benchmarks.path("period").asText(),
                clock.year(),
                rows);
    }

    private static final Map<String, String> INDICATORS = Map.of(
            "PLEDGE_COVERAGE", "Partners with a current pledge",
            "ACTIONS_COMPLETE", "Actions complete",
            "ACTIONS_ON_TRACK", "Actions rated green",
            "ACTIONS_OVERDUE", "Actions overdue",
            "RAG_BY_STANDARD", "Actions by RAG rating",
            "PARTNERS_WITH_STRATEGIC_LEAD", "Partners with a strategic lead",
            "CHAMPIONS_PER_PARTNER", "Participation champions per partner",
            "FEEDBACK_GIVEN", "Activities whose participants heard back",
            "SELF_ASSESSMENT_LEVELS", "Partners at each self-assessment level");

    static String indicator(String code) {
        return INDICATORS.getOrDefault(code, Labels.of(code));
    }

    private static final Pattern BY_STANDARD =
            Pattern.compile("[^/]+/([^/]+)/(RED|AMBER|GREEN|UNRATED|EMERGING|ESTABLISHED|ADVANCED)");

    /**
     * "All"; a category's label ("No category" for none); "Standard 2, green" or "All standards,
     * green"; for self-assessment levels "Standard 1, emerging" (a criterion's number, such as 1.1, in its place).
     */
    static String breakdown(String breakdown, Map<String, String> categories) {
        if (breakdown.equals("ALL")) {
            return "All";
        }
        if (breakdown.startsWith("category:")) {
            String code = breakdown.substring("category:".length());
            return code.equals("none") ? "No category" : categories.getOrDefault(code, code);
        }
        Matcher standard = BY_STANDARD.matcher(breakdown);
        if (standard.matches()) {
            String rag = standard.group(2).equals("UNRATED")
                    ? "not rated"
                    : standard.group(2).toLowerCase(Locale.UK);
            return (standard.group(1).equals("ALL") ? "All standards" : "Standard " + standard.group(1)) + ", " + rag;
        }
        return breakdown;
    }

    /** A share as a whole percentage ("53%"); champions per partner to one decimal place ("0.7"). */
    static String figure(String indicator, @Nullable Double value, String none) {
        if (value == null) {
            return none;
        }
        return indicator.equals("CHAMPIONS_PER_PARTNER")
                ? String.format(Locale.UK, "%.1f", value)
                : Math.round(value * 100) + "%";
    }

    /** What the form of one section carries of the others' choices. */
    private static List<Hidden> keep(Optional<Period> period, @Nullable String forum, Form dates, String form) {
        List<Hidden> kept = new ArrayList<>();
        if (!form.equals("period")) {
            period.ifPresent(chosen -> kept.add(new Hidden("period", chosen.value())));
        }
        if (!form.equals("forum") && forum != null) {
            kept.add(new Hidden("forum", forum));
        }
        if (!form.equals("participation")) {
            for (String name : List.of("from", "to")) {
                DATE_PARTS.forEach(part -> kept.add(new Hidden(name + "-" + part, dates.value(name + "-" + part))));
            }
        }
        return List.copyOf(kept);
    }

    /** The API's refusal of the participation dates, by field; empty when it took them. */
    private static Map<String, String> datesRefused(PageOperations.Answer answer, String from, String to) {
        Map<String, String> refused = new LinkedHashMap<>();
        answer.argumentErrors("from").forEach((field, message) -> {
            if (field.equals("from") || field.equals("to")) {
                refused.put(field, message);
            }
        });
        if (refused.isEmpty()) {
            for (JsonNode error : answer.errors()) {
                if (error.path("path").path(0).asText().equals("participationSummary")
                        && error.path("extensions").path("code").asText().equals("BAD_USER_INPUT")) {
                    refused.put(
                            "to",
                            LocalDate.parse(to).isBefore(LocalDate.parse(from))
                                    ? "The last day must be the same as or after the first day"
                                    : "The period must be 5 years or shorter");
                }
            }
        }
        return refused;
    }

    /** This calendar year, as the participation form's fields. */
    private Map<String, String> thisYear() {
        int year = clock.year();
        Map<String, String> fields = new LinkedHashMap<>(
                DateFields.of("from", LocalDate.of(year, 1, 1).toString()));
        fields.putAll(DateFields.of("to", LocalDate.of(year, 12, 31).toString()));
        return fields;
    }

    private static Map<String, Object> isoOf(Map<String, String> fields) {
        Form form = Form.of(fields);
        return Map.of("from", DateFields.iso(form, "from"), "to", DateFields.iso(form, "to"));
    }
}
