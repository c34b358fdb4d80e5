package uk.trustplatform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An opaque global id: the type name and the row's UUID, base64url-encoded. Clients must not
 * parse it; the server decodes it and checks the type before looking anything up.
 */
public record GlobalId(String type, UUID uuid) {

    public String encode() {
        String raw = type + ":" + uuid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String type, UUID uuid) {
        return new GlobalId(type, uuid).encode();
    }

    /** The decoded id, or empty for anything that is not an id this server issued (and for none). */
    public static Optional<GlobalId> decode(@Nullable String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1))));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The UUID when {@code id} is a global id of {@code expectedType}; empty otherwise. */
    public static Optional<UUID> decode(@Nullable String id, String expectedType) {
        return decode(id).filter(g -> g.type().equals(expectedType)).map(GlobalId::uuid);
    }
}
