package uk.trustplatform.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A problem with a mutation's input that the caller can correct; returned in the payload, with
 * nothing written.
 */
public record UserError(List<String> field, String message, Code code) {

    public enum Code {
        REQUIRED,
        INVALID_FORMAT,
        TOO_LONG,
        NOT_FOUND,
        CONFLICT,
        NOT_ALLOWED
    }

    public static UserError of(Code code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }

    /** The same problem, its field a path below {@code parent}. */
    public UserError under(String parent) {
        return new UserError(Stream.concat(Stream.of(parent), field.stream()).toList(), message, code);
    }

    /**
     * A step the record's state does not allow, naming the states that do: "The plan is DRAFT; only
     * a plan that is APPROVED or SUBMITTED can be returned." {@code more} follows it (what to do
     * instead), or is empty.
     */
    public static UserError notInState(
            String thing, Enum<?> state, Collection<? extends Enum<?>> allowed, String done, String more) {
        String states = allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "));
        return notInState(thing, state, "only a " + thing + " that is " + states + " can be " + done + "." + more);
    }

    /**
     * A step the record's state does not allow, {@code why} said in words after the state: "The plan
     * is SUBMITTED; nothing changes while the board decides."
     */
    public static UserError notInState(String thing, Enum<?> state, String why) {
        return of(Code.NOT_ALLOWED, "The " + thing + " is " + state + "; " + why, "input", "id");
    }

    /** The thing named by an input id does not exist, or the caller may not see it (the two look the same). */
    public static UserError notFound(String field, String what) {
        return of(Code.NOT_FOUND, "No " + what + " has this id.", "input", field);
    }

    /** The conflict when the {@code version} sent is missing or not the {@code current} one; empty when it is. */
    public static Optional<UserError> staleVersion(String what, long current, Number sent) {
        if (sent != null && sent.longValue() == current) {
            return Optional.empty();
        }
        return Optional.of(conflict(what, current, sent == null ? -1 : sent.longValue()));
    }

    /** A stale {@code version}: someone else saved first, and nothing was overwritten. */
    public static UserError conflict(String what, long saved, long sent) {
        return of(
                Code.CONFLICT,
                "Someone else changed the %s since you read it (now version %d, you sent %d). Reload it and make your change again."
                        .formatted(what, saved, sent),
                "input",
                "version");
    }
}
