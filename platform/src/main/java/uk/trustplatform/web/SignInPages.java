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
import java.util.Map;
import uk.trustplatform.identity.BrowserSignIn;
import uk.trustplatform.identity.BrowserSignIn.NotSignedIn;
import uk.trustplatform.identity.BrowserSignIn.SignedIn;

/**
 * Signing in and out: from a partnership's "Sign in" through Keycloak's own sign-in page and back
 * to the person's start page in that partnership; signing out ends Keycloak's session too.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SignInPages {

    private static final String ATTEMPT_COOKIE = "trust_sign_in";
    private static final String ATTEMPT_PATH = "/sign-in";
    private static final long ATTEMPT_SECONDS = 600;

    /** Where an operator's sign-in started from, in place of a partnership: no slug can be empty. */
    private static final String PLATFORM = "";

    private final BrowserSignIn signIn;
    private final Visitors visitors;
    private final PageTemplates templates;
    private final PageOperations operations;
    private final ErrorPages errors;

    SignInPages(
            BrowserSignIn signIn,
            Visitors visitors,
            PageTemplates templates,
            PageOperations operations,
            ErrorPages errors) {
        this.signIn = signIn;
        this.visitors = visitors;
        this.templates = templates;
        this.operations = operations;
        this.errors = errors;
    }

    /** Why a sign-in failed; nothing on the signed-out page. */
    public record Message(@Nullable String text) {}

    /** @param operator whether the person is a platform operator, whose pages are no partnership's */
    public record Choice(List<PublicPages.Partnership> partnerships, boolean operator) {}

    @Get("/{tenant}/sign-in")
    HttpResponse<?> begin(String tenant, @Nullable @QueryValue("return") String returnPath, HttpRequest<?> request) {
        if (!Visitors.isSlug(tenant)) {
            return errors.notFound(Visitor.anonymous(), request);
        }
        BrowserSignIn.Attempt attempt = signIn.begin(tenant, returnPath);
        return HttpResponse.seeOther(attempt.signInAt())
                .cookie(visitors.cookie(ATTEMPT_COOKIE, attempt.cookie(), ATTEMPT_PATH, ATTEMPT_SECONDS));
    }

    /**
     * A platform operator's sign-in, from no partnership's page: operators are members of none,
     * so they come back to the operator's pages rather than to a partnership's.
     */
    @Get("/operator/sign-in")
    HttpResponse<?> beginAsOperator() {
        BrowserSignIn.Attempt attempt = signIn.begin(PLATFORM, OperatorPages.HOME);
        return HttpResponse.seeOther(attempt.signInAt())
                .cookie(visitors.cookie(ATTEMPT_COOKIE, attempt.cookie(), ATTEMPT_PATH, ATTEMPT_SECONDS));
    }

    @Get("/sign-in/callback")
    HttpResponse<?> callback(
            @Nullable @QueryValue String code,
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String error,
            HttpRequest<?> request) {
        String attempt = request.getCookies()
                .findCookie(ATTEMPT_COOKIE)
                .map(cookie -> cookie.getValue())
                .orElse(null);
        BrowserSignIn.Outcome outcome = error != null
                ? new NotSignedIn("Keycloak did not sign you in.")
                : signIn.complete(code, state, attempt, request);
        if (outcome instanceof NotSignedIn refused) {
            return templates
                    .page(
                            HttpStatus.BAD_REQUEST,
                            "signInProblem",
                            visitors.layout(Visitor.anonymous(), "You could not be signed in", null, request),
                            new Message(refused.reason()))
                    .cookie(visitors.expired(ATTEMPT_COOKIE, ATTEMPT_PATH));
        }
        SignedIn signedIn = (SignedIn) outcome;
        return HttpResponse.seeOther(URI.create(landing(signedIn)))
                .cookie(visitors.sessionCookie(signedIn.sessionCookie()))
                .cookie(visitors.expired(ATTEMPT_COOKIE, ATTEMPT_PATH));
    }

    /** Where a person lands: the page they were on, or their start page in the partnership they chose. */
    private static String landing(SignedIn signedIn) {
        if (signedIn.tenantSlug().equals(PLATFORM)) {
            return signedIn.returnPath();
        }
        if (signedIn.tenants().contains(signedIn.tenantSlug())) {
            String home = "/" + signedIn.tenantSlug();
            return signedIn.returnPath().equals(home) ? home + "/start" : signedIn.returnPath();
        }
        if (signedIn.tenants().size() == 1) {
            return "/" + signedIn.tenants().getFirst() + "/start";
        }
        return "/choose-partnership";
    }

    /** A person in several partnerships (or none) chooses where to go. */
    @Get("/choose-partnership")
    HttpResponse<String> choose(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        List<String> memberships = visitors.memberships(request);
        List<PublicPages.Partnership> theirs = operations
                .run("pages/partnerships", Map.of(), visitor.caller(), request)
                .list("partnerships", PublicPages.Partnership.class)
                .stream()
                .filter(partnership -> memberships.contains(partnership.slug()))
                .toList();
        return templates.page(
                "choosePartnership",
                visitors.layout(visitor, "Choose a partnership", null, request),
                new Choice(theirs, OperatorVisits.isOperator(visitor)));
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(@Nullable @Body String body, HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        if (!visitor.signedIn()) {
            return HttpResponse.seeOther(URI.create("/signed-out"))
                    .cookie(visitors.expired(Visitors.SESSION_COOKIE, "/"));
        }
        if (!Visitors.csrfMatches(visitor, FormBody.parse(body))) {
            return errors.forbidden(visitor, request);
        }
        String cookie = request.getCookies()
                .findCookie(Visitors.SESSION_COOKIE)
                .map(found -> found.getValue())
                .orElse(null);
        return HttpResponse.seeOther(signIn.signOut(cookie, "/signed-out"))
                .cookie(visitors.expired(Visitors.SESSION_COOKIE, "/"));
    }

    /**
     * Keeps a session alive when the person asks to stay signed in (the timeout warning's button,
     * with JavaScript): looking the session up is what renews it.
     */
    @Get("/session/keep-alive")
    HttpResponse<?> keepAlive(HttpRequest<?> request) {
        return visitors.platformVisitor(request).signedIn()
                ? HttpResponse.noContent().header("Cache-Control", "no-store")
                : HttpResponse.status(HttpStatus.UNAUTHORIZED).header("Cache-Control", "no-store");
    }

    @Get("/signed-out")
    HttpResponse<String> signedOut(HttpRequest<?> request) {
        return templates.page(
                "signedOut",
                visitors.layout(Visitor.anonymous(), "You have signed out", null, request),
                new Message(null));
    }
}
