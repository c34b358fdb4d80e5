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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The partnership's settings for its admin: how many participation champions it asks of each
 * partner, how long before a pledge's renewal date it is listed as due, how long a youth forum's
 * recommendation may wait for its reply, how long a kite mark holds, and its quiet periods (the
 * times of year kept clear of consultation, such as the exam season), added and removed one at a
 * time. Only the tenant admin finds this page.
 */
@Controller("/{tenant}/admin/settings")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminSettingsPages {

    private static final String SETTINGS = "settings";

    /** What the notification says after each change. */
    private static final Map<String, String> BANNERS = Map.of(
            "saved", "The settings are saved",
            "added", "The quiet period is added",
            "removed", "The quiet period is removed");

    private static final String CHAMPIONS = "minimumParticipationChampions";
    private static final String NOTICE = "renewalNoticeDays";
    private static final String REPLY_DAYS = "recommendationReplyDays";
    private static final String KITE_MARK_MONTHS = "kiteMarkValidMonths";
    private static final String PERIOD = "periodName";
    private static final String FIRST_DAY = "firstDay";
    private static final String LAST_DAY = "lastDay";

    /** How the page's questions are named in a sentence, for the API's refusals that name the field. */
    private static final Map<String, String> WORDS = Map.of(
            CHAMPIONS, "The participation champions asked of each partner",
            NOTICE, "The renewal notice",
            REPLY_DAYS, "The time a youth forum waits for its reply",
            KITE_MARK_MONTHS, "The time a kite mark holds");

    /** Each number's question, and what to enter when it is not a whole number. */
    private static final Map<String, String> WHOLE_NUMBERS = orderedOf(
            CHAMPIONS, "Enter the participation champions asked of each partner as a whole number",
            NOTICE, "Enter the renewal notice as a whole number of days",
            REPLY_DAYS, "Enter the time a youth forum waits for its reply as a whole number of days",
            KITE_MARK_MONTHS, "Enter the time a kite mark holds as a whole number of months");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins admins;
    private final ErrorPages errors;

    AdminSettingsPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            TenantAdmins admins,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.admins = admins;
        this.errors = errors;
    }

    public record QuietPeriod(String name, String firstDay, String lastDay) {

        public String from() {
            return Dates.day(firstDay);
        }

        public String to() {
            return Dates.day(lastDay);
        }
    }

    public record Settings(
            int minimumParticipationChampions,
            int renewalNoticeDays,
            int recommendationReplyDays,
            int kiteMarkValidMonths,
            List<QuietPeriod> quietPeriods,
            int version) {}

    public record SettingsPage(
            Settings settings, String href, @Nullable String banner, Form form) {}

    @Get
    HttpResponse<?> settings(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        PageOperations.Answer read = read(admin.member(), request);
        Settings settings = read.as("partnershipSettings", Settings.class);
        if (settings == null) {
            return errors.serviceProblem(admin.member().visitor(), request, read.correlationId());
        }
        Map<String, String> values = new HashMap<>();
        values.put(CHAMPIONS, String.valueOf(settings.minimumParticipationChampions()));
        values.put(NOTICE, String.valueOf(settings.renewalNoticeDays()));
        values.put(REPLY_DAYS, String.valueOf(settings.recommendationReplyDays()));
        values.put(KITE_MARK_MONTHS, String.valueOf(settings.kiteMarkValidMonths()));
        return page(
                admin.member(),
                read,
                settings,
                TenantAdmins.banner(done, BANNERS),
                Form.of(values),
                HttpStatus.OK,
                request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = admins.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        Map<String, String> notNumbers = new LinkedHashMap<>();
        // A whole number is what the API's Int is: anything else cannot be sent, so it is the page's to say.
        WHOLE_NUMBERS.forEach((question, message) -> {
            if (!form.value(question).strip().matches("\\d{1,4}")) {
                notNumbers.put(question, message);
            }
        });
        if (!notNumbers.isEmpty()) {
            return refused(admin.member(), form, notNumbers, request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("version", ActionPlanPages.number(form.value("version")));
        WHOLE_NUMBERS
                .keySet()
                .forEach(question -> input.put(
                        question, Integer.parseInt(form.value(question).strip())));
        TenantAdmins.Sent sent = admins.send(
                admin.member(), "updatePartnershipSettings", "updatePartnershipSettings", input, CHAMPIONS, request);
        return outcome(admin.member(), form, sent, "saved", request);
    }

    @Post(value = "/quiet-periods", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addQuietPeriod(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Steps<Changing> steps = changing(tenant, body, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Changing changing = steps.found();
        Form form = changing.form();
        Map<String, Object> added = new HashMap<>();
        added.put("name", form.value(PERIOD));
        added.put(FIRST_DAY, DateFields.iso(form, FIRST_DAY));
        added.put(LAST_DAY, DateFields.iso(form, LAST_DAY));
        changing.periods().add(added);
        return outcome(changing.member(), form, setQuietPeriods(changing, request), "added", request);
    }

    @Post(value = "/quiet-periods/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeQuietPeriod(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Steps<Changing> steps = changing(tenant, body, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Changing changing = steps.found();
        Form form = changing.form();
        // The period is named by what it is, not by its place in a list someone may have changed since.
        boolean removed = changing.periods()
                .removeIf(period -> Objects.equals(period.get("name"), form.value(PERIOD))
                        && Objects.equals(period.get(FIRST_DAY), form.value(FIRST_DAY))
                        && Objects.equals(period.get(LAST_DAY), form.value(LAST_DAY)));
        if (!removed) {
            return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, SETTINGS)));
        }
        return outcome(changing.member(), Form.empty(), setQuietPeriods(changing, request), "removed", request);
    }

    /** A change of the quiet periods: the admin's form and the periods as they are now. */
    private record Changing(MemberPages.Member member, Form form, List<Map<String, Object>> periods) {}

    private Steps<Changing> changing(String tenant, @Nullable String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = admins.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return Steps.refused(admin.refusal());
        }
        PageOperations.Answer read = read(admin.member(), request);
        Settings settings = read.as("partnershipSettings", Settings.class);
        if (settings == null) {
            return Steps.refused(errors.serviceProblem(admin.member().visitor(), request, read.correlationId()));
        }
        return Steps.found(new Changing(admin.member(), form, periods(settings.quietPeriods())));
    }

    /** Sends the periods of the change, at the settings' version the form was read at. */
    private TenantAdmins.Sent setQuietPeriods(Changing changing, HttpRequest<?> request) {
        Map<String, Object> input = Map.of(
                "version",
                ActionPlanPages.number(changing.form().value("version")),
                "quietPeriods",
                changing.periods());
        return admins.send(changing.member(), "setQuietPeriods", "setQuietPeriods", input, PERIOD, request);
    }

    private HttpResponse<?> outcome(
            MemberPages.Member member, Form form, TenantAdmins.Sent sent, String done, HttpRequest<?> request) {
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            return HttpResponse.seeOther(
                    URI.create(TenantAdmins.href(member.tenantSlug(), SETTINGS) + "?done=" + done));
        }
        if (submission.conflict()) {
            return refused(
                    member,
                    form,
                    Map.of(
                            CHAMPIONS,
                            "Someone else changed the settings since you opened them: they are shown as they are now. Check them and save again"),
                    request);
        }
        Map<String, String> worded = new LinkedHashMap<>();
        submission.errors().forEach((field, message) -> {
            // The new period is the last of the list sent: its questions are the form's own.
            String asked = field.replaceFirst("^quietPeriods-\\d+-", "");
            String question = asked.equals("name") ? PERIOD : asked;
            question = List.of(CHAMPIONS, NOTICE, REPLY_DAYS, KITE_MARK_MONTHS, PERIOD, FIRST_DAY, LAST_DAY)
                            .contains(question)
                    ? question
                    : PERIOD;
            worded.putIfAbsent(
                    question,
                    WORDS.containsKey(question) ? message.replaceFirst("^" + question, WORDS.get(question)) : message);
        });
        return refused(
                member,
                form,
                DateFields.worded(worded, form, Map.of(FIRST_DAY, "the first day", LAST_DAY, "the last day")),
                request);
    }

    private HttpResponse<?> refused(
            MemberPages.Member member, Form form, Map<String, String> refusals, HttpRequest<?> request) {
        PageOperations.Answer read = read(member, request);
        Settings now = read.as("partnershipSettings", Settings.class);
        if (now == null) {
            // As when the page is first read: without the settings there is no form to show again.
            return errors.serviceProblem(member.visitor(), request, read.correlationId());
        }
        return page(member, read, now, null, form.withErrors(refusals), HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> page(
            MemberPages.Member member,
            PageOperations.Answer read,
            Settings settings,
            @Nullable String banner,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        // The form always carries the version read now, so saving again after a refusal is on what is shown.
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        values.put("version", List.of(String.valueOf(settings.version())));
        return templates.page(
                status,
                "adminSettings",
                members.layout(member, (form.hasErrors() ? "Error: " : "") + "Partnership settings", read, request),
                new SettingsPage(
                        settings,
                        TenantAdmins.href(member.tenantSlug(), SETTINGS),
                        banner,
                        new Form(values, form.errors())));
    }

    private PageOperations.Answer read(MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/adminSettings", Map.of("slug", member.tenantSlug()), member.caller(), request);
    }

    /** A map in the order given (the page's order of questions), which Map.of does not keep. */
    private static Map<String, String> orderedOf(String... questionsAndMessages) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (int i = 0; i < questionsAndMessages.length; i += 2) {
            ordered.put(questionsAndMessages[i], questionsAndMessages[i + 1]);
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static List<Map<String, Object>> periods(List<QuietPeriod> saved) {
        List<Map<String, Object>> periods = new ArrayList<>();
        saved.forEach(period -> {
            Map<String, Object> each = new HashMap<>();
            each.put("name", period.name());
            each.put(FIRST_DAY, period.firstDay());
            each.put(LAST_DAY, period.lastDay());
            periods.add(each);
        });
        return periods;
    }
}
