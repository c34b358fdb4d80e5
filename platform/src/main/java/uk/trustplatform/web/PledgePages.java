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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The partnership's pledge, for an agency's partner lead: reading it, signing it in its own
 * signature block (Luton's: Signed, Post Held, Organisation, Date), the badge to download once the
 * partnership has registered it, renewing it when renewal is due, and withdrawing it.
 */
@Controller("/{tenant}/pledge")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PledgePages {

    private static final String SIGNED_ON = "signedOn";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    PledgePages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record Organisation(String id, String name, Registration pledge) {}

    /** The agency's place in the register. */
    public record Registration(
            String id,
            String status,
            int version,
            String invitedAt,
            String signatory,
            String postHeld,
            String onBehalfOf,
            String signedOn,
            String registeredOn,
            String renewalDueOn,
            String endedOn,
            String withdrawnReason,
            Badge badge,
            PledgeText pledge,
            Change lastChange) {

        /** In the register with its badge: registered, or due for renewal. */
        public boolean current() {
            return status.equals("REGISTERED") || status.equals("RENEWAL_DUE");
        }

        public boolean signed() {
            return signatory != null;
        }
    }

    public record Badge(String code, String imageUrl, String verificationUrl) {}

    public record Change(String by, String at) {}

    /** The pledge as the partnership published it. */
    public record PledgeText(
            String id,
            String title,
            String statement,
            String framework,
            List<Commitment> commitments,
            List<String> signatureFields,
            int renewalMonths) {

        public PledgeText {
            commitments = commitments == null ? List.of() : commitments;
            signatureFields = signatureFields == null ? List.of() : signatureFields;
        }

        /** The signature block's own words for its {@code index}th field, in the order the API asks them. */
        public String field(int index, String otherwise) {
            return index < signatureFields.size() ? signatureFields.get(index) : otherwise;
        }
    }

    public record Commitment(String standard, String text) {}

    public record Framework(String key, List<Standard> standards) {}

    public record Standard(String number, String title) {}

    public record PledgePage(
            Organisation organisation,
            Registration registration,
            @Nullable PledgeText pledge,
            List<Framework> frameworks,
            @Nullable String banner) {

        /** "Standard 1: Strategic lead" for a commitment, from the pledge's framework. */
        public String standard(Commitment commitment) {
            String title = frameworks.stream()
                    .filter(framework -> pledge != null && framework.key().equals(pledge.framework()))
                    .flatMap(framework -> framework.standards().stream())
                    .filter(standard -> standard.number().equals(commitment.standard()))
                    .map(Standard::title)
                    .findFirst()
                    .orElse(null);
            return "Standard " + commitment.standard() + (title == null ? "" : ": " + title);
        }
    }

    /**
     * Signing (or, renewing, signing again) the signature block; or withdrawing, saying why: by the
     * agency's partner lead on its own pledge page, or by the partnership's admin for the agency
     * ({@code onBehalf}, a form returned on paper) on the board's, where a decision on a version
     * someone else replaced shows the {@code conflict}.
     *
     * @param base the page the form belongs to: it posts to {@code base/step} and goes back to {@code base}
     */
    public record PledgeForm(
            Organisation organisation,
            Registration registration,
            @Nullable PledgeText pledge,
            Form form,
            String step,
            String base,
            boolean onBehalf,
            @Nullable Conflict conflict) {

        public boolean renewing() {
            return step.equals("renew");
        }
    }

    /** A step of the pledge's life, as its page and mutation: which states it starts from. */
    enum Step {
        SIGN("sign", "signPledge", "Sign the pledge", Set.of("INVITED")),
        RENEW("renew", "renewPledge", "Renew the pledge", Set.of("REGISTERED", "RENEWAL_DUE")),
        WITHDRAW(
                "withdraw",
                "withdrawPledge",
                "Withdraw the pledge",
                Set.of("INVITED", "SIGNED", "REGISTERED", "RENEWAL_DUE"));

        final String path;
        final String mutation;
        final String title;
        final Set<String> from;

        Step(String path, String mutation, String title, Set<String> from) {
            this.path = path;
            this.mutation = mutation;
            this.title = title;
            this.from = from;
        }

        /** The form's first question, where a problem with no question of its own is put. */
        String firstQuestion() {
            return this == WITHDRAW ? "reason" : "signatory";
        }
    }

    @Get
    HttpResponse<?> show(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, request);
        Organisation organisation = organisation(answer);
        if (organisation == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Registration registration = organisation.pledge();
        PledgePage page = new PledgePage(
                organisation,
                registration,
                pledgeOf(answer, registration),
                answer.data()
                        .path("publishedConfiguration")
                        .path("standardsFrameworks")
                        .valueStream()
                        .map(framework -> answer.convert(framework, Framework.class))
                        .toList(),
                banner(done));
        return templates.page("pledge", members.layout(member.get(), "Our pledge", answer, request), page);
    }

    @Get("/sign")
    HttpResponse<?> signing(String tenant, HttpRequest<?> request) {
        return form(tenant, Step.SIGN, request);
    }

    @Post(value = "/sign", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sign(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, Step.SIGN, body, request);
    }

    @Get("/renew")
    HttpResponse<?> renewing(String tenant, HttpRequest<?> request) {
        return form(tenant, Step.RENEW, request);
    }

    @Post(value = "/renew", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renew(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, Step.RENEW, body, request);
    }

    @Get("/withdraw")
    HttpResponse<?> withdrawing(String tenant, HttpRequest<?> request) {
        return form(tenant, Step.WITHDRAW, request);
    }

    @Post(value = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return take(tenant, Step.WITHDRAW, body, request);
    }

    /** A step's form, while the pledge is where the step starts; otherwise back to the pledge. */
    private HttpResponse<?> form(String tenant, Step step, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, request);
        Organisation organisation = organisation(answer);
        if (organisation == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (organisation.pledge() == null
                || !step.from.contains(organisation.pledge().status())) {
            return HttpResponse.seeOther(URI.create("/" + tenant + "/pledge"));
        }
        Form form = Form.of(Map.of(
                "id",
                organisation.pledge().id(),
                "version",
                String.valueOf(organisation.pledge().version())));
        return formPage(member.get(), answer, organisation, step, form, HttpStatus.OK, request);
    }

    private HttpResponse<?> take(String tenant, Step step, @Nullable String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, request);
        Organisation organisation = organisation(answer);
        if (organisation == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer taken = operations.run(
                "pages/" + step.mutation,
                Map.of("input", input(step, form)),
                member.get().caller(),
                request);
        String firstQuestion = step.firstQuestion();
        Submission submission = Submission.of(taken, step.mutation, firstQuestion);
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), taken.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!submission.saved()) {
            Form shown = refused(step, submission, form);
            if (submission.conflict()) {
                shown = changedMeanwhile(form, organisation, firstQuestion);
            }
            return formPage(member.get(), answer, organisation, step, shown, HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(URI.create("/" + tenant + "/pledge?done=" + step.path));
    }

    /** The step's form as refused: each problem on its question, one about the registration on the first. */
    static Form refused(Step step, Submission submission, Form form) {
        Map<String, String> refused = new LinkedHashMap<>();
        submission
                .errors()
                .forEach((field, message) ->
                        refused.putIfAbsent(field.equals("id") ? step.firstQuestion() : field, message));
        return form.withErrors(DateFields.worded(refused, form, Map.of(SIGNED_ON, "the date of signing")));
    }

    /**
     * Someone changed the pledge after the form was opened: what was typed stays, against the
     * version now saved, so that sending it again is a decision taken knowing that.
     */
    private static Form changedMeanwhile(Form typed, Organisation organisation, String firstQuestion) {
        Registration now = organisation.pledge();
        Map<String, List<String>> values = new LinkedHashMap<>(typed.values());
        values.put("version", List.of(String.valueOf(now.version())));
        String by = now.lastChange() == null || now.lastChange().by() == null
                ? "Someone else"
                : now.lastChange().by();
        return new Form(values, Map.of())
                .withErrors(Map.of(
                        firstQuestion,
                        by + " changed your pledge after you opened this page: it is now "
                                + Labels.of(now.status()).toLowerCase(Locale.UK)
                                + ". Check it, then send the form again"));
    }

    /** The step's mutation input from its form: the registration and version, and the reason or the signature block. */
    static Map<String, Object> input(Step step, Form form) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", form.value("id"));
        input.put("version", ActionPlanPages.number(form.value("version")));
        if (step == Step.WITHDRAW) {
            input.put("reason", form.value("reason"));
            return input;
        }
        String signedOn = DateFields.iso(form, SIGNED_ON);
        input.put("signatory", form.value("signatory"));
        input.put("postHeld", form.value("postHeld"));
        input.put("onBehalfOf", form.value("onBehalfOf"));
        input.put(SIGNED_ON, signedOn == null ? "" : signedOn);
        return input;
    }

    private HttpResponse<?> formPage(
            MemberPages.Member member,
            PageOperations.Answer answer,
            Organisation organisation,
            Step step,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        Registration registration = organisation.pledge();
        return templates.page(
                status,
                step == Step.WITHDRAW ? "pledgeWithdraw" : "pledgeSign",
                members.layout(member, form.hasErrors() ? "Error: " + step.title : step.title, answer, request),
                new PledgeForm(
                        organisation,
                        registration,
                        pledgeOf(answer, registration),
                        form,
                        step.path,
                        "/" + member.tenantSlug() + "/pledge",
                        false,
                        null));
    }

    private PageOperations.Answer read(MemberPages.Member member, String tenant, HttpRequest<?> request) {
        return operations.run("pages/pledge", Map.of("slug", tenant), member.caller(), request);
    }

    private static @Nullable Organisation organisation(PageOperations.Answer answer) {
        JsonNode organisation = answer.data().path("viewer").path("partnerOrganisation");
        return organisation.isObject() ? answer.convert(organisation, Organisation.class) : null;
    }

    /**
     * The edition the agency was invited to sign, else the one the partnership publishes now; none
     * when it publishes none.
     */
    static @Nullable PledgeText pledgeOf(PageOperations.Answer answer, @Nullable Registration registration) {
        if (registration != null && registration.pledge() != null) {
            return registration.pledge();
        }
        JsonNode published = answer.data().path("publishedConfiguration").path("pledge");
        return published.isObject() ? answer.convert(published, PledgeText.class) : null;
    }

    private static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "sign" -> "You have signed the pledge";
            case "renew" -> "You have renewed the pledge";
            case "withdraw" -> "You have withdrawn the pledge";
            default -> null;
        };
    }
}
