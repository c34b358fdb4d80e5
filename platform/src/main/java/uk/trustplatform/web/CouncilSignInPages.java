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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant admin lets the council's staff sign in with the council's own accounts: the steps at
 * the council's identity provider written out with this platform's own addresses, the providers
 * already linked, and the form that links one (as the API's {@code linkIdentityProvider} does).
 */
@Controller("/{tenant}/admin/sign-in")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class CouncilSignInPages {

    /** The link's questions, in the order the page asks them; the API's input fields. */
    static final List<String> QUESTIONS = List.of(
            "alias",
            "displayName",
            "emailDomain",
            "issuer",
            "authorizationUrl",
            "tokenUrl",
            "clientId",
            "clientSecret");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins administrators;
    private final ErrorPages errors;

    CouncilSignInPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            TenantAdmins administrators,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.administrators = administrators;
        this.errors = errors;
    }

    public record Link(String alias, String displayName, String emailDomain, String redirectUri) {}

    public record SignIn(List<String> emailDomains, String redirectUriTemplate, List<Link> identityProviders) {}

    /** @param linked the alias just linked, for the banner; null otherwise */
    public record SignInPage(
            String slug, SignIn signIn, Form form, @Nullable String linked) {

        public List<Option> domains() {
            return signIn.emailDomains().stream()
                    .map(domain -> new Option(domain, domain))
                    .toList();
        }
    }

    @Get
    HttpResponse<?> show(String tenant, @Nullable @QueryValue String linked, HttpRequest<?> request) {
        TenantAdmins.Admin admin = administrators.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        return page(admin.member(), Form.empty(), linked, HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = administrators.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        MemberPages.Member member = admin.member();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tenantSlug", tenant);
        QUESTIONS.forEach(question -> input.put(question, form.value(question)));
        PageOperations.Answer answer =
                operations.run("pages/linkIdentityProvider", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "linkIdentityProvider", "alias");
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create("/" + tenant + "/admin/sign-in?linked="
                    + URLEncoder.encode(form.value("alias").strip(), StandardCharsets.UTF_8)));
        }
        // The secret is never sent back to the browser, even to be corrected.
        Map<String, List<String>> kept = new LinkedHashMap<>(form.values());
        kept.remove("clientSecret");
        // The summary lists the problems in the order the page asks the questions.
        Map<String, String> refused = new LinkedHashMap<>();
        QUESTIONS.stream()
                .filter(submission.errors()::containsKey)
                .forEach(question -> refused.put(question, submission.errors().get(question)));
        submission.errors().forEach(refused::putIfAbsent);
        return page(member, new Form(kept, Map.of()).withErrors(refused), null, HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> page(
            MemberPages.Member member, Form form, @Nullable String linked, HttpStatus status, HttpRequest<?> request) {
        PageOperations.Answer answer =
                operations.run("pages/councilSignIn", Map.of("slug", member.tenantSlug()), member.caller(), request);
        SignIn signIn = answer.as("tenantSignIn", SignIn.class);
        if (signIn == null) {
            return errors.refused(
                    member.visitor(), request, String.valueOf(answer.errorCode()), answer.correlationId());
        }
        String title = (form.hasErrors() ? "Error: " : "") + "Sign-in with the council's own accounts";
        return templates.page(
                status,
                "councilSignIn",
                members.layout(member, title, answer, request),
                new SignInPage(member.tenantSlug(), signIn, form, linked));
    }
}
