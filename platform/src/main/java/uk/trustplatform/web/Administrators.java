package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The first step of every administration page: the visitor signed in to the partnership, the
 * form's token checked when there is a form, and only the tenant admin let on. Anyone else finds
 * no such page, as if it did not exist.
 */
@Singleton
public final class Administrators {

    private final MemberPages members;
    private final ErrorPages errors;

    Administrators(MemberPages members, ErrorPages errors) {
        this.members = members;
        this.errors = errors;
    }

    /** The admin at the page, or the answer that refuses the visitor (exactly one is non-null). */
    public record Admin(MemberPages.Member member, HttpResponse<?> refusal) {}

    public Admin of(String tenant, @Nullable Form form, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return new Admin(null, members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return new Admin(null, errors.forbidden(member.visitor(), request));
        }
        if (!member.caller().administersTenant()) {
            return new Admin(null, errors.notFound(member.visitor(), request));
        }
        return new Admin(member, null);
    }
}
