package uk.trustplatform.feedback;

import static uk.trustplatform.api.Inputs.optional;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.feedback.FeedbackSubject.Told;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantStatus;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * What anyone holding a feedback code reads and answers, without signing in: the code is looked up
 * in the partnership whose address it was entered at, bound to that partnership alone (on the
 * request's connection: TenantTransactions.inTenant), so it can only ever find that partnership's
 * subject. A made-up code, another partnership's, an expired
 * or a withdrawn one are one and the same "not recognised": one query, the same answer.
 */
@Singleton
final class HearingBack {

    static final int WORDS_MAX = 1000;

    /** What the answer mutation returns. */
    record Answered(boolean answered, List<UserError> userErrors) {}

    /** A code found live: its subject, and what its participants were told. */
    private record Found(UUID tenantId, FeedbackCode code, Told told) {}

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final FeedbackSubjects subjects;
    private final FeedbackCodes codes;
    private final FeedbackAnswers answers;
    private final RefusedCodes refusals;
    private final LondonClock clock;

    HearingBack(
            TenantDirectory directory,
            TenantTransactions transactions,
            FeedbackSubjects subjects,
            FeedbackCodes codes,
            FeedbackAnswers answers,
            RefusedCodes refusals,
            LondonClock clock) {
        this.clock = clock;
        this.directory = directory;
        this.transactions = transactions;
        this.subjects = subjects;
        this.codes = codes;
        this.answers = answers;
        this.refusals = refusals;
    }

    /** What the code's participants were told; null when the code is not recognised. */
    @Nullable
    Told told(String slug, String code, @Nullable String address) {
        return find(slug, code, address).map(Found::told).orElse(null);
    }

    /** Records one participant's answer, with the optional words they gave. */
    Answered answer(AnswerHeardBack answer, @Nullable String address) {
        String heard = answer.heard();
        String words = answer.words();
        List<UserError> problems = new ArrayList<>();
        if (heard == null) {
            problems.add(UserError.of(
                    Code.REQUIRED, "Say whether you heard what happened because of what you said.", "input", "heard"));
        }
        optional(problems, "words", words, WORDS_MAX);
        if (heard == null || !problems.isEmpty()) {
            return new Answered(false, problems);
        }
        Optional<Found> found = find(answer.tenantSlug(), answer.code(), address);
        if (found.isEmpty()) {
            return new Answered(
                    false,
                    List.of(UserError.of(
                            Code.NOT_FOUND,
                            "This code is not recognised. Check it is the one you were given; codes stop working"
                                    + " after a while.",
                            "input",
                            "code")));
        }
        FeedbackCode code = found.get().code();
        transactions.inTenant(found.get().tenantId(), false, () -> {
            answers.add(
                    code.tenantId(), code.subjectKind(), code.subjectId(), Heard.valueOf(heard), words, clock.today());
            return null;
        });
        return new Answered(true, List.of());
    }

    private Optional<Found> find(String slug, String typed, @Nullable String address) {
        if (refusals.exhausted(address)) {
            throw new ApiException(
                    ErrorCode.TOO_MANY_REQUESTS,
                    "Too many codes that were not recognised have come from your connection. Wait "
                            + refusals.window().toMinutes() + " minutes, then try again.");
        }
        String normal = CodeTexts.normal(typed);
        byte[] hash = CodeTexts.sha256(normal);
        LocalDate today = clock.today();
        Optional<UUID> tenant = Optional.ofNullable(slug)
                .flatMap(directory::findBySlug)
                .filter(found -> found.status() == TenantStatus.ACTIVE)
                .map(Tenant::id);
        Optional<Found> found = tenant.flatMap(tenantId -> transactions.inTenant(
                tenantId,
                false,
                () -> codes.live(tenantId, hash, today)
                        .flatMap(code -> subjects.ofType(code.subjectKind())
                                .flatMap(kind -> kind.told(code.subjectId()))
                                .map(told -> new Found(tenantId, code, told)))));
        // Only a guess that could have found a code counts: one shaped like a code, at an open partnership.
        if (found.isEmpty() && tenant.isPresent() && CodeTexts.couldBe(normal)) {
            refusals.record(address);
        }
        return found;
    }
}
