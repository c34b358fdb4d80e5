package uk.trustplatform.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code web_session}: a signed-in browser's tokens. */
record StoredSession(
        byte[] idHash,
        String subject,
        String displayName,
        String csrfToken,
        String accessToken,
        Instant accessExpiresAt,
        @Nullable String refreshToken,
        @Nullable Instant refreshExpiresAt,
        @Nullable String idToken,
        Instant lastSeenAt) {

    StoredSession withTokens(KeycloakTokens.Issued tokens) {
        return new StoredSession(
                idHash,
                subject,
                displayName,
                csrfToken,
                tokens.accessToken(),
                tokens.accessExpiresAt(),
                tokens.refreshToken() == null ? refreshToken : tokens.refreshToken(),
                tokens.refreshToken() == null ? refreshExpiresAt : tokens.refreshExpiresAt(),
                tokens.idToken() == null ? idToken : tokens.idToken(),
                lastSeenAt);
    }
}
