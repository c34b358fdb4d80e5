package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first step of every partnership-admin page: the visitor signed in to the partnership, a
 * form's token checked (when there is a form), and only the tenant admin let on. A board member
 * or partner lead finds no such page, as they would find a missing one; the board reads partners
 * and their gaps on its dashboard.
 */
@Singleton
final class TenantAdmins {

    private final PageOperations operations;
    private final MemberPages members;
    private final ErrorPages errors;

    TenantAdmins(PageOperations operations, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.members = members;
        this.errors = errors;
    }

    /**
     * The tenant admin on the page, or the answer that turns the visitor away; a visitor who is not
     * signed in is turned away as no one.
     */
    record Admin(
            MemberPages.@Nullable Member signedIn, @Nullable HttpResponse<?> refusal) {

        /** The admin, once {@link #refusal} is null: a visitor who is not turned away is signed in. */
        MemberPages.Member member() {
            return Objects.requireNonNull(signedIn, "an admin who is not turned away is signed in");
        }
    }

    /** An admin page's address: {@code /medway/admin/partners/<id>} from "medway", "partners", the id. */
    static String href(String tenant, String... below) {
        return "/" + tenant + "/admin/" + String.join("/", below);
    }

    /**
     * The fixed words of a notification after a change, chosen by the address's {@code done}:
     * nothing from the address itself is shown.
     */
    static @Nullable String banner(@Nullable String done, Map<String, String> words) {
        return done == null ? null : words.get(done);
    }

    Admin admin(String tenant, @Nullable Form form, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return new Admin(null, members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return new Admin(member, errors.forbidden(member.visitor(), request));
        }
        if (!member.caller().administersTenant()) {
            return new Admin(member, errors.notFound(member.visitor(), request));
        }
        return new Admin(member, null);
    }

    /** What a form's mutation answered, or the error page when the API refused it as a whole. */
    record Sent(Submission submission, @Nullable HttpResponse<?> refusal) {}

    /**
     * Runs the page mutation {@code pages/<operation>} with {@code input} for the admin; its
     * payload is the field {@code payloadField}, and a refusal naming no field of the form is put on
     * {@code fallbackField}.
     */
    Sent send(
            MemberPages.Member member,
            String operation,
            String payloadField,
            Object input,
            String fallbackField,
            HttpRequest<?> request) {
        PageOperations.Answer answer =
                operations.run("pages/" + operation, Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, payloadField, fallbackField);
        return submission.refusal() == null
                ? new Sent(submission, null)
                : new Sent(
                        submission,
                        errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId()));
    }
}
