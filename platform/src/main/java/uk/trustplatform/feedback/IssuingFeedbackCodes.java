package uk.trustplatform.feedback;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.feedback.FeedbackSubject.Subject;
import uk.trustplatform.feedback.FeedbackSubjects.Named;

/**
 * Issuing, reissuing and withdrawing a subject's feedback code: the subject's keeper (each kind
 * says who: a tenant admin, or the partner lead who keeps or answers it), once the participants
 * have been told what was done. The code's
 * text is returned once, when issued, and never kept.
 */
@Singleton
final class IssuingFeedbackCodes {

    /** How long a code is accepted: long enough for a term's participants to look back, then it lapses. */
    static final int DAYS_ACCEPTED = 90;

    /** What a change returns: the code as kept (and, when issued, its text), or why nothing changed. */
    record Changed(@Nullable String code, @Nullable FeedbackCode feedbackCode, List<UserError> userErrors) {

        static Changed refused(UserError problem) {
            return new Changed(null, null, List.of(problem));
        }
    }

    private final FeedbackSubjects subjects;
    private final FeedbackCodes codes;
    private final AuditTrail audit;
    private final LondonClock clock;

    IssuingFeedbackCodes(FeedbackSubjects subjects, FeedbackCodes codes, AuditTrail audit, LondonClock clock) {
        this.clock = clock;
        this.subjects = subjects;
        this.codes = codes;
        this.audit = audit;
    }

    /**
     * Issues the subject's first code, or replaces the one it has (of the {@code version} last read):
     * the old code then matches nothing.
     */
    Changed issue(Caller caller, FeedbackCodeStep step) {
        UUID tenantId = caller.requireTenant();
        String subjectId = step.subjectId();
        Optional<Kept> found = kept(caller, subjectId);
        if (found.isEmpty()) {
            return Changed.refused(notFound(subjectId));
        }
        Kept subject = found.get();
        if (subject.subject().told().isEmpty()) {
            return Changed.refused(
                    UserError.of(Code.NOT_ALLOWED, subject.named().kind().notToldYet(), "input", "subjectId"));
        }
        long version = step.version();
        Optional<FeedbackCode> before = current(tenantId, subject);
        if (before.isPresent() && before.get().version() != version) {
            return Changed.refused(conflict(before, version));
        }
        LocalDate today = clock.today();
        FeedbackCode issued = new FeedbackCode(
                tenantId,
                subject.named().kind().type(),
                subject.named().id(),
                today,
                today.plusDays(DAYS_ACCEPTED),
                null,
                before.map(code -> code.version() + 1).orElse(0L));
        String text = CodeTexts.issue();
        byte[] hash = CodeTexts.sha256(CodeTexts.normal(text));
        boolean written = before.isEmpty()
                ? codes.insert(issued, hash)
                : codes.reissue(issued, hash, before.get().version());
        if (!written) {
            return Changed.refused(conflict(current(tenantId, subject), version));
        }
        audit.record(
                tenantId,
                issued.subjectKind() + ".feedbackCodeIssued",
                issued.subjectKind(),
                issued.subjectId(),
                before.orElse(null),
                issued);
        return new Changed(text, issued, List.of());
    }

    /** Withdraws the subject's code, of the {@code version} last read. */
    Changed withdraw(Caller caller, FeedbackCodeStep step) {
        UUID tenantId = caller.requireTenant();
        String subjectId = step.subjectId();
        Optional<Kept> found = kept(caller, subjectId);
        if (found.isEmpty()) {
            return Changed.refused(notFound(subjectId));
        }
        Kept subject = found.get();
        long version = step.version();
        Optional<FeedbackCode> before = current(tenantId, subject);
        if (before.isEmpty()) {
            return Changed.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "It has no feedback code to withdraw: none has been issued.",
                    "input",
                    "subjectId"));
        }
        if (before.get().version() != version) {
            return Changed.refused(conflict(before, version));
        }
        LocalDate today = clock.today();
        if (before.get().withdrawnOn() != null) {
            return Changed.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Its code was withdrawn on " + before.get().withdrawnOn() + " already.",
                    "input",
                    "subjectId"));
        }
        if (!codes.withdraw(before.get(), today, version)) {
            return Changed.refused(conflict(current(tenantId, subject), version));
        }
        FeedbackCode withdrawn = new FeedbackCode(
                before.get().tenantId(),
                before.get().subjectKind(),
                before.get().subjectId(),
                before.get().issuedOn(),
                before.get().expiresOn(),
                today,
                version + 1);
        audit.record(
                tenantId,
                withdrawn.subjectKind() + ".feedbackCodeWithdrawn",
                withdrawn.subjectKind(),
                withdrawn.subjectId(),
                before.get(),
                withdrawn);
        return new Changed(null, withdrawn, List.of());
    }

    private record Kept(Named named, Subject subject) {}

    /** The subject the caller may keep; empty when it cannot see it, refused when it may only read it. */
    private Optional<Kept> kept(Caller caller, String subjectId) {
        Optional<Kept> found = subjects.named(subjectId)
                .flatMap(named -> named.kind().visible(caller, named.id()).map(subject -> new Kept(named, subject)));
        if (found.isPresent() && !found.get().subject().keptByCaller()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the partner lead who keeps it may issue or withdraw its feedback code.");
        }
        return found;
    }

    private Optional<FeedbackCode> current(UUID tenantId, Kept subject) {
        return codes.of(tenantId, subject.named().kind().type(), subject.named().id());
    }

    /** Named as the id's kind names its records; an id of no kind that has codes as any of them. */
    private UserError notFound(String subjectId) {
        String what = subjects.named(subjectId)
                .map(named -> named.kind().noun())
                .orElse("activity, inspection or recommendation");
        return UserError.notFound("subjectId", what);
    }

    private static UserError conflict(Optional<FeedbackCode> kept, long sent) {
        return UserError.conflict(
                "feedback code", kept.map(FeedbackCode::version).orElse(-1L), sent);
    }
}
