package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Role;

/**
 * What every page of the platform operator's does first: finds the signed-in operator, or sends a
 * visitor to the operator's sign-in, or answers "page not found" to anyone else signed in (a
 * partnership's admin or board member), as for a page that does not exist.
 */
@Singleton
public final class OperatorVisits {

    private final Visitors visitors;
    private final ErrorPages errors;

    OperatorVisits(Visitors visitors, ErrorPages errors) {
        this.visitors = visitors;
        this.errors = errors;
    }

    /** The visitor, if they are a signed-in platform operator. */
    public Optional<Visitor> of(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        return isOperator(visitor) ? Optional.of(visitor) : Optional.empty();
    }

    public static boolean isOperator(Visitor visitor) {
        return visitor.caller().has(Role.PLATFORM_OPERATOR);
    }

    /** The answer to someone who is not a signed-in operator: sign in first, or no such page. */
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        if (visitor.signedIn()) {
            return errors.notFound(visitor, request);
        }
        MutableHttpResponse<?> toSignIn = HttpResponse.seeOther(URI.create(OperatorPages.HOME + "/sign-in"));
        // A session that ended (idle for too long) leaves its cookie behind: forget it.
        return Visitors.hadSession(request)
                ? toSignIn.cookie(visitors.expired(Visitors.SESSION_COOKIE, "/"))
                : toSignIn;
    }

    /**
     * The operator who sent a form, or the answer that refuses it: a form without this session's
     * token is refused before anything else, then anyone but an operator finds no such page.
     */
    public Posted posted(Form form, HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        if (!Visitors.csrfMatches(visitor, form)) {
            return new Posted(visitor, errors.forbidden(visitor, request));
        }
        return new Posted(visitor, isOperator(visitor) ? null : errors.notFound(visitor, request));
    }

    /** @param refusal the answer when the form is refused; null when the operator may go on */
    public record Posted(Visitor visitor, @Nullable MutableHttpResponse<?> refusal) {}
}
