package uk.trustplatform.api;

import java.util.List;

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
}
