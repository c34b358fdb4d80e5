package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signed part of the link in every email that lets its reader choose which emails they get,
 * without an account (board members of agencies have none): the partnership, the address and the
 * day the link stops working, with an HMAC-SHA256 of the three under the platform's key. Whoever
 * holds the link may change that address's choices in that partnership, and nothing else. Public
 * so that tests make the links an email would carry.
 */
@Singleton
public final class PreferenceLinks {

    /** Who a valid link speaks for. */
    record Holder(UUID tenantId, String address) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The shortest key taken: as long as the HMAC-SHA256 it keys, so the key is never the weaker part. */
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    /** Refuses a key that is set but is not base64 of at least 32 bytes (random: {@code head -c32 /dev/urandom | base64}). */
    public PreferenceLinks(@Value("${trust.notifications.link-key:}") String key) {
        if (key.isBlank()) {
            this.key = new byte[0];
            return;
        }
        try {
            this.key = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("TRUST_NOTIFICATIONS_LINK_KEY is not base64", notBase64);
        }
        if (this.key.length < KEY_BYTES) {
            throw new IllegalStateException(
                    "TRUST_NOTIFICATIONS_LINK_KEY must be at least " + KEY_BYTES + " bytes, base64-encoded");
        }
    }

    /** Whether a key is set: without one no link can be made or trusted. */
    boolean keyed() {
        return key.length > 0;
    }

    /** The link's token for {@code address} in the tenant, working until the end of {@code lastDay}. */
    public String sign(UUID tenantId, String address, LocalDate lastDay) {
        String claims = tenantId + "|" + lastDay + "|" + address.toLowerCase(Locale.ROOT);
        byte[] text = claims.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(text) + "." + ENCODER.encodeToString(mac(text));
    }

    /** Who the token speaks for, if it is one this platform signed and it still works {@code today}. */
    Optional<Holder> verify(@Nullable String token, LocalDate today) {
        if (!keyed() || token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] text = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(text), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] claims = new String(text, StandardCharsets.UTF_8).split("\\|", 3);
            if (claims.length != 3 || LocalDate.parse(claims[1]).isBefore(today)) {
                return Optional.empty();
            }
            return Optional.of(new Holder(UUID.fromString(claims[0]), claims[2]));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] text) {
        if (!keyed()) {
            throw new IllegalStateException("Set TRUST_NOTIFICATIONS_LINK_KEY to sign preference links");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
