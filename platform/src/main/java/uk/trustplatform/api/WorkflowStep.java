package uk.trustplatform.api;

import io.micronaut.data.exceptions.OptimisticLockException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One step of a record's workflow (a self-assessment submitted or reviewed, a Section 11 audit
 * submitted or moderated), the same in every feature: found among what the caller may see,
 * allowed, at the version the caller read, without problems, then changed, saved and audited. A
 * change made meanwhile by someone else is a conflict, never an overwrite.
 *
 * @param <T> the record
 */
public record WorkflowStep<T>(String what, ToLongFunction<T> versionOf) {

    /** The record as the step left it, or why nothing was changed. */
    public record Outcome<T>(@Nullable T saved, List<UserError> userErrors) {}

    /**
     * @param found the record, if the caller may see it
     * @param version the version the caller read
     * @param allowed throws {@link ApiException} when the caller may not take this step
     * @param check the step's problems with the record as it is
     * @param changeAndSave the record changed and saved
     * @param audited records the change (before, after) in the audit trail
     */
    public Outcome<T> take(
            Optional<T> found,
            long version,
            Consumer<T> allowed,
            Function<T, List<UserError>> check,
            UnaryOperator<T> changeAndSave,
            BiConsumer<T, T> audited) {
        if (found.isEmpty()) {
            return refused(List.of(UserError.notFound("id", what)));
        }
        T current = found.get();
        allowed.accept(current);
        long read = versionOf.applyAsLong(current);
        if (read != version) {
            return refused(List.of(UserError.conflict(what, read, version)));
        }
        List<UserError> problems = check.apply(current);
        if (!problems.isEmpty()) {
            return refused(problems);
        }
        try {
            T saved = changeAndSave.apply(current);
            audited.accept(current, saved);
            return new Outcome<>(saved, List.of());
        } catch (OptimisticLockException raced) {
            return refused(List.of(UserError.conflict(what, read + 1, version)));
        }
    }

    private Outcome<T> refused(List<UserError> problems) {
        return new Outcome<>(null, problems);
    }
}
