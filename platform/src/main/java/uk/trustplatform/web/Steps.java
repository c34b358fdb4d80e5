package uk.trustplatform.web;

import io.micronaut.http.HttpResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page's first steps (signing the visitor in, checking a form's token, letting on only those the
 * page is for, reading what it shows): what they found, or the answer that refuses the visitor.
 * Every page answers a refusal before anything else, so a refused one carries nothing more; that
 * leaves what a page found as its own record with every part there, rather than one whose parts a
 * refusal may have left missing.
 *
 * @param found what the page works on, with the member it was read for; null when refused
 * @param refusal the answer that turns the visitor away; null when the page may go on
 */
record Steps<T>(@Nullable T found, @Nullable HttpResponse<?> refusal) {

    /** Steps that found what the page works on: the page goes on with it. */
    static <T> Steps<T> found(T found) {
        return new Steps<>(found, null);
    }

    /** Steps that end in {@code refusal}: the page answers it, and nothing else. */
    static <T> Steps<T> refused(HttpResponse<?> refusal) {
        return new Steps<>(null, refusal);
    }

    /** What the steps found, once {@link #refusal} is null. */
    @Override
    public T found() {
        return Objects.requireNonNull(found, "a page's first steps that are not refused have found what it works on");
    }
}
