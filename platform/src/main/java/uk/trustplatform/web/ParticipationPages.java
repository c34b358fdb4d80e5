package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.trustplatform.api.LondonClock;

/**
 * An agency's participation register, as its partner lead keeps it: the activities, one activity
 * with its feedback loop, and the calendar that shows when partners are about to ask the same
 * children at the same time.
 */
@Controller("/{tenant}/participation")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ParticipationPages {

    /** How many months the calendar shows at once. */
    static final int CALENDAR_MONTHS = 3;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final Map<String, String> SAVED = Map.of(
            "recorded", "Activity recorded",
            "changed", "Activity changed",
            "feedback", "Feedback recorded: the participants' \"you said, we did\" is saved",
            "codeWithdrawn", "Feedback code withdrawn: it no longer works");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;
    private final LondonClock clock;

    ParticipationPages(
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

    /** The partnership's words (or the platform's, where it has none) for whom an activity is aimed at and how it asks them. */
    public record Vocabularies(
            List<AgeBand> ageBands,
            List<Term> audienceGroups,
            List<Term> participationMethods,
            List<Level> hartsLadderLevels) {

        public Vocabularies {
            ageBands = ageBands == null ? List.of() : ageBands;
            audienceGroups = audienceGroups == null ? List.of() : audienceGroups;
            participationMethods = participationMethods == null ? List.of() : participationMethods;
            hartsLadderLevels = hartsLadderLevels == null ? List.of() : hartsLadderLevels;
        }

        /** The terms in force, as the page's operation read them; empty when the partnership is not active. */
        static Vocabularies of(PageOperations.Answer answer) {
            Published published = answer.as("publishedConfiguration", Published.class);
            return published == null
                    ? new Vocabularies(List.of(), List.of(), List.of(), List.of())
                    : published.termsInForce();
        }

        String audienceGroup(String code) {
            return label(audienceGroups, code);
        }

        String method(String code) {
            return label(participationMethods, code);
        }

        /** Whom an activity is for, in the tenant's words: its age bands, then its audience groups. */
        String forWhom(List<String> bands, List<String> groups) {
            return Stream.concat(bands.stream(), groups.stream().map(this::audienceGroup))
                    .collect(Collectors.joining(", "));
        }

        String methods(List<String> codes) {
            return codes.stream().map(this::method).collect(Collectors.joining(", "));
        }

        String rung(@Nullable Integer rung) {
            if (rung == null) {
                return "";
            }
            return hartsLadderLevels.stream()
                    .filter(level -> level.rung() == rung)
                    .findFirst()
                    .map(level -> "Rung " + rung + ": " + level.name())
                    .orElse("Rung " + rung);
        }

        private static String label(List<Term> terms, String code) {
            return terms.stream()
                    .filter(term -> term.code().equals(code))
                    .findFirst()
                    .map(Term::label)
                    .orElse(code);
        }
    }

    public record Published(Vocabularies termsInForce) {}

    public record Term(String code, String label, String description) {}

    public record AgeBand(String label, int fromAge, int toAge, String note) {}

    public record Level(int rung, String name, String description) {}

    public record Named(String name) {}

    public record Change(String by, String at) {}

    public record Feedback(String youSaid, String weDid, String givenOn, String method) {}

    /** One of the partnership's quiet periods, as the API sent it. */
    public record QuietPeriod(String name, String firstDay, String lastDay) {

        public String dates() {
            return period(firstDay, lastDay);
        }

        /** What an activity planned inside the period is flagged with. */
        String flag() {
            return "This activity falls in " + name + " (" + dates() + "), a quiet period";
        }

        static List<String> flags(List<QuietPeriod> periods) {
            return periods.stream().map(QuietPeriod::flag).toList();
        }
    }

    public record ListedActivity(
            String id,
            String title,
            String startsOn,
            String endsOn,
            List<String> ageBands,
            List<String> audienceGroups,
            String stage,
            Named partnerOrganisation,
            List<QuietPeriod> quietPeriods) {}

    public record Activities(List<Edge> edges, PageInfo pageInfo) {}

    public record Edge(ListedActivity node) {}

    public record PageInfo(boolean hasNextPage, String endCursor) {}

    /** The register as the page lists it. */
    public record Register(
            List<RegisterRow> activities, @Nullable String nextPage, boolean firstPage, boolean canRecord) {}

    /** @param quietPeriods the flags of the quiet periods it falls in */
    public record RegisterRow(
            String href,
            String title,
            String partner,
            String when,
            String forWhom,
            Stage stage,
            List<String> quietPeriods) {}

    /** An activity's stage as a GOV.UK tag; no colour for a stage it does not know. */
    public record Stage(String label, @Nullable String colour) {

        static Stage of(String code) {
            String colour = switch (code == null ? "" : code) {
                case "PLANNED" -> "grey";
                case "UNDER_WAY" -> "blue";
                case "AWAITING_FEEDBACK" -> "yellow";
                case "FEEDBACK_OVERDUE" -> "red";
                case "FEEDBACK_GIVEN" -> "green";
                default -> null;
            };
            return new Stage(Labels.of(code), colour);
        }
    }

    public record Activity(
            String id,
            String title,
            String purpose,
            String decisionInformed,
            String decisionStage,
            String decisionDueOn,
            String startsOn,
            String endsOn,
            List<String> ageBands,
            List<String> audienceGroups,
            List<String> methods,
            Integer participants,
            Integer ladderRung,
            String hearByRightStage,
            String feedbackDueOn,
            boolean feedbackDueAfterDecision,
            List<QuietPeriod> quietPeriods,
            String stage,
            Named partnerOrganisation,
            Feedback feedback,
            FeedbackCodePages.CodeState feedbackCode,
            FeedbackCodePages.HeardBack heardBack,
            Change lastChange) {}

    /**
     * One activity as its page shows it, with the banner of what was just saved.
     *
     * @param warnings what the API flags about its timing: quiet periods, a decision before the feedback
     */
    public record ActivityPage(
            String slug,
            String href,
            Activity activity,
            Stage stage,
            List<String> warnings,
            List<Detail> details,
            @Nullable String saved) {}

    /** One row of a summary list; one that cannot be changed has no link. */
    public record Detail(
            String key,
            String value,
            @Nullable String changeHref,
            @Nullable String changeWhat) {}

    public record CalendarEntry(
            String activityId,
            String partnerOrganisationName,
            String title,
            String startsOn,
            String endsOn,
            List<String> ageBands,
            List<String> audienceGroups,
            List<String> methods,
            List<QuietPeriod> quietPeriods) {}

    public record CalendarClash(
            String audienceKind, String audience, String from, String to, List<CalendarEntry> activities) {}

    public record CalendarData(
            List<QuietPeriod> quietPeriods, List<CalendarEntry> activities, List<CalendarClash> clashes) {}

    /** The calendar as the page shows it: the months, the quiet periods in them, what runs in them, and the clashes. */
    public record Calendar(
            String period,
            String previous,
            String previousLabel,
            String next,
            String nextLabel,
            List<QuietPeriod> quietPeriods,
            List<CalendarRow> activities,
            List<Clash> clashes) {}

    /**
     * An activity in the calendar: another partner's without its title, partner or page.
     *
     * @param quietPeriods the flags of the quiet periods it falls in
     */
    public record CalendarRow(
            String when,
            String title,
            @Nullable String href,
            String partner,
            String forWhom,
            String methods,
            List<String> quietPeriods) {}

    public record Clash(String audience, String when, List<CalendarRow> activities) {}

    @Get
    HttpResponse<?> register(String tenant, @Nullable @QueryValue String after, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Map<String, Object> variables = new HashMap<>(Map.of("slug", tenant));
        if (after != null) {
            variables.put("after", after);
        }
        PageOperations.Answer answer = operations.run(
                "pages/participationRegister", variables, member.get().caller(), request);
        if (answer.errorCode() != null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Vocabularies words = Vocabularies.of(answer);
        Activities listed = Objects.requireNonNull(
                answer.as("participationActivities", Activities.class),
                "the schema's participationActivities is non-null, and an answer with errors is refused first");
        List<RegisterRow> rows = listed.edges().stream()
                .map(Edge::node)
                .map(activity -> new RegisterRow(
                        activityHref(tenant, activity.id()),
                        activity.title(),
                        activity.partnerOrganisation().name(),
                        period(activity.startsOn(), activity.endsOn()),
                        words.forWhom(activity.ageBands(), activity.audienceGroups()),
                        Stage.of(activity.stage()),
                        QuietPeriod.flags(activity.quietPeriods())))
                .toList();
        String next = listed.pageInfo().hasNextPage()
                ? "/" + tenant + "/participation?after="
                        + URLEncoder.encode(listed.pageInfo().endCursor(), StandardCharsets.UTF_8)
                : null;
        boolean canRecord =
                !answer.data().path("viewer").path("partnerOrganisation").isNull();
        return templates.page(
                "participationRegister",
                members.layout(member.get(), "Participation register", answer, request),
                new Register(rows, next, after == null, canRecord));
    }

    @Get("/activities/{id}")
    HttpResponse<?> activity(String tenant, String id, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/participationActivity",
                Map.of("slug", tenant, "id", id),
                member.get().caller(),
                request);
        Activity activity = answer.as("activity", Activity.class);
        if (activity == null || activity.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String href = activityHref(tenant, id);
        return templates.page(
                "participationActivity",
                members.layout(member.get(), activity.title() + " – Participation register", answer, request),
                new ActivityPage(
                        tenant,
                        href,
                        activity,
                        Stage.of(activity.stage()),
                        warnings(activity),
                        details(activity, href + "/change", Vocabularies.of(answer)),
                        saved == null ? null : SAVED.get(saved)));
    }

    /** The activity's answers as summary-list rows, each with a link to its question on the form. */
    private static List<Detail> details(Activity activity, String change, Vocabularies words) {
        return List.of(
                new Detail("Run by", activity.partnerOrganisation().name(), null, null),
                new Detail("Title", activity.title(), change + "#title", "title"),
                new Detail("Why you are asking", activity.purpose(), change + "#purpose", "why you are asking"),
                new Detail(
                        "Decision it informs",
                        orNotGiven(activity.decisionInformed()),
                        change + "#decisionInformed",
                        "the decision it informs"),
                new Detail(
                        "Stage of the decision",
                        activity.decisionStage() == null ? "Not known yet" : Labels.of(activity.decisionStage()),
                        change + "#decisionStage",
                        "the stage of the decision"),
                new Detail(
                        "Decision due",
                        activity.decisionDueOn() == null ? "No date set" : Dates.day(activity.decisionDueOn()),
                        change + "#decisionDueOn",
                        "when the decision is due"),
                new Detail(
                        "When", period(activity.startsOn(), activity.endsOn()), change + "#startsOn", "when it runs"),
                new Detail(
                        "Who it is for",
                        words.forWhom(activity.ageBands(), activity.audienceGroups()),
                        change + "#ageBands",
                        "who it is for"),
                new Detail(
                        "How they take part",
                        orNotGiven(words.methods(activity.methods())),
                        change + "#methods",
                        "how they take part"),
                new Detail(
                        "Number taking part",
                        activity.participants() == null ? "Not known yet" : String.valueOf(activity.participants()),
                        change + "#participants",
                        "the number taking part"),
                new Detail(
                        "Hart's ladder of participation",
                        activity.ladderRung() == null ? "Not rated" : words.rung(activity.ladderRung()),
                        change + "#ladderRung",
                        "the rung of Hart's ladder"),
                new Detail(
                        "Hear by Right stage",
                        activity.hearByRightStage() == null ? "Not rated" : Labels.of(activity.hearByRightStage()),
                        change + "#hearByRightStage",
                        "the Hear by Right stage"),
                new Detail(
                        "Feedback due",
                        activity.feedbackDueOn() == null ? "No date set" : Dates.day(activity.feedbackDueOn()),
                        change + "#feedbackDueOn",
                        "when feedback is due"));
    }

    /** What the API flags about the activity's timing, in words. */
    private static List<String> warnings(Activity activity) {
        List<String> warnings = new ArrayList<>(QuietPeriod.flags(activity.quietPeriods()));
        if (activity.feedbackDueAfterDecision()) {
            warnings.add("The decision is due on " + Dates.day(activity.decisionDueOn())
                    + ", before feedback is due on "
                    + Dates.day(activity.feedbackDueOn()) + ": the participants would hear back after the decision is"
                    + " made");
        }
        return List.copyOf(warnings);
    }

    @Get("/calendar")
    HttpResponse<?> calendar(String tenant, @Nullable @QueryValue String from, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Optional<YearMonth> first = from == null ? Optional.of(YearMonth.from(clock.today())) : month(from);
        if (first.isEmpty()) {
            return errors.notFound(member.get().visitor(), request);
        }
        YearMonth last = first.get().plusMonths(CALENDAR_MONTHS - 1L);
        PageOperations.Answer answer = operations.run(
                "pages/participationCalendar",
                Map.of(
                        "slug",
                        tenant,
                        "from",
                        first.get().atDay(1).toString(),
                        "to",
                        last.atEndOfMonth().toString()),
                member.get().caller(),
                request);
        CalendarData data = answer.as("participationCalendar", CalendarData.class);
        if (data == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Vocabularies words = Vocabularies.of(answer);
        List<Clash> clashes = data.clashes().stream()
                .map(clash -> new Clash(
                        "AGE_BAND".equals(clash.audienceKind())
                                ? clash.audience()
                                : words.audienceGroup(clash.audience()),
                        period(clash.from(), clash.to()),
                        clash.activities().stream()
                                .map(entry -> calendarRow(tenant, entry, words))
                                .toList()))
                .toList();
        YearMonth previous = first.get().minusMonths(CALENDAR_MONTHS);
        YearMonth next = first.get().plusMonths(CALENDAR_MONTHS);
        String base = "/" + tenant + "/participation/calendar?from=";
        return templates.page(
                "participationCalendar",
                members.layout(
                        member.get(),
                        "Calendar, " + months(first.get(), last) + " – Participation register",
                        answer,
                        request),
                new Calendar(
                        months(first.get(), last),
                        base + previous,
                        months(previous, previous.plusMonths(CALENDAR_MONTHS - 1L)),
                        base + next,
                        months(next, next.plusMonths(CALENDAR_MONTHS - 1L)),
                        data.quietPeriods(),
                        data.activities().stream()
                                .map(entry -> calendarRow(tenant, entry, words))
                                .toList(),
                        clashes));
    }

    private static CalendarRow calendarRow(String tenant, CalendarEntry entry, Vocabularies words) {
        boolean readable = entry.activityId() != null;
        return new CalendarRow(
                period(entry.startsOn(), entry.endsOn()),
                readable ? entry.title() : "Another partner's activity",
                readable ? activityHref(tenant, entry.activityId()) : null,
                readable ? entry.partnerOrganisationName() : "Another partner",
                words.forWhom(entry.ageBands(), entry.audienceGroups()),
                orNotGiven(words.methods(entry.methods())),
                QuietPeriod.flags(entry.quietPeriods()));
    }

    static String activityHref(String tenant, String id) {
        return "/" + tenant + "/participation/activities/" + id;
    }

    /** "1 March 2027", or "1 March 2027 to 10 March 2027" for more than a day. */
    static String period(String from, String to) {
        return from.equals(to) ? Dates.day(from) : Dates.day(from) + " to " + Dates.day(to);
    }

    private static String orNotGiven(String text) {
        return text == null || text.isBlank() ? "Not given" : text;
    }

    private static Optional<YearMonth> month(String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            return month.getYear() < 1900 || month.getYear() > 2998 ? Optional.empty() : Optional.of(month);
        } catch (DateTimeParseException notAMonth) {
            return Optional.empty();
        }
    }

    private static String months(YearMonth first, YearMonth last) {
        return first.format(MONTH) + " to " + last.format(MONTH);
    }
}
