package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An access token that is fetched again from Keycloak a minute before it expires, as a partner
 * system or a signed-in person would: a soak outlives the realm's 5-minute tokens.
 */
final class Token {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Supplier<String> fetch;
    private @Nullable String value;
    private Instant expires = Instant.EPOCH;

    Token(Supplier<String> fetch) {
        this.fetch = fetch;
    }

    synchronized String get() {
        String current = value;
        // None yet only before the first fetch, when the epoch has long expired anyway.
        if (current == null || Instant.now().isAfter(expires.minus(MARGIN))) {
            current = fetch.get();
            value = current;
            expires = Instant.ofEpochSecond(expiry(current));
        }
        return current;
    }

    /** The {@code exp} claim; the token came straight from Keycloak, so it is read unchecked. */
    private static long expiry(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                    .path("exp")
                    .asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
