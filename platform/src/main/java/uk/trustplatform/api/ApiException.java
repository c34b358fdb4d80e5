package uk.trustplatform.api;

import java.util.Objects;

/**
 * A failure whose message is safe and useful to show the caller, with the code it is reported
 * under. Anything else thrown while fetching data is masked.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message it was made with: every one is made with one, for the caller to read. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "an ApiException is made with its message");
    }
}
