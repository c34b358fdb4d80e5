package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import uk.trustplatform.api.Caller;

/**
 * What every members' page of a partnership does first: finds the signed-in member, or sends a
 * visitor to sign in, or answers "page not found" to someone signed in elsewhere, exactly as for a
 * page that does not exist.
 */
@Singleton
public final class MemberPages {

    private final Visitors visitors;
    private final ErrorPages errors;

    MemberPages(Visitors visitors, ErrorPages errors) {
        this.visitors = visitors;
        this.errors = errors;
    }

    /** A member of the partnership looking at one of its pages. */
    public record Member(Visitor visitor, String tenantSlug) {

        public Caller caller() {
            return visitor.caller();
        }
    }

    public Optional<Member> of(String tenantSlug, HttpRequest<?> request) {
        if (!Visitors.isSlug(tenantSlug)) {
            return Optional.empty();
        }
        return visitors.member(request, tenantSlug).map(visitor -> new Member(visitor, tenantSlug));
    }

    /** The answer to someone who is not a signed-in member: sign in first, or no such page. */
    public HttpResponse<?> refuse(String tenantSlug, HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        if (!Visitors.isSlug(tenantSlug) || visitor.signedIn()) {
            return errors.notFound(visitor, request);
        }
        String back = URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8);
        MutableHttpResponse<?> toSignIn =
                HttpResponse.seeOther(URI.create("/" + tenantSlug + "/sign-in?return=" + back));
        // A session that ended (idle for too long) leaves its cookie behind: forget it.
        return Visitors.hadSession(request)
                ? toSignIn.cookie(visitors.expired(Visitors.SESSION_COOKIE, "/"))
                : toSignIn;
    }

    /** The layout of a members' page; the partnership's name comes from the page's own operation ({@code tenant}). */
    public Layout layout(Member member, String title, PageOperations.Answer answer, HttpRequest<?> request) {
        var tenant = answer.data().path("tenant");
        return visitors.layout(
                member.visitor(),
                title,
                new Layout.Partnership(member.tenantSlug(), tenant.path("name").asText(member.tenantSlug())),
                request);
    }
}
