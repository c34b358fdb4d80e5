package uk.trustplatform.webhooks;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uk.trustplatform.api.Environments;

/**
 * Endpoints' signing secrets: made in the Standard Webhooks form ({@code whsec_} and base64 of 32
 * random bytes), shown once, and kept only encrypted with AES-GCM under the platform's key
 * ({@code TRUST_WEBHOOKS_SECRET_KEY}), so that a dump of the database alone cannot sign a delivery.
 * Created with the context, so a platform started without a key (production has no default) stops
 * at start-up rather than at the first registration.
 *
 * <p>Stored as a key-version byte, the nonce, then the ciphertext and its tag; the tenant's and
 * the endpoint's ids are the associated data, so a sealed secret copied to another row does not
 * open there. This layout replaced V30's first one (nonce, ciphertext, tag, no associated data)
 * before V30 was released: no production row had the old one, so no data migration was written,
 * and an old devstack row simply no longer opens (its deliveries fail saying so).
 */
@Context
@Requires(notEnv = Environments.MIGRATION_JOB)
final class SigningSecrets {

    static final String PREFIX = "whsec_";
    /** The key the secret was sealed under: the first byte stored, so a rotation can tell keys apart. */
    private static final byte KEY_VERSION = 1;

    private static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SigningSecrets(@Value("${trust.webhooks.secret-key}") String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("TRUST_WEBHOOKS_SECRET_KEY is not base64", notBase64);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("TRUST_WEBHOOKS_SECRET_KEY must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new secret as the receiver is given it. */
    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The bytes an HMAC is keyed with: the base64 after the prefix, decoded. */
    static byte[] keyBytes(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** The secret of the tenant's endpoint sealed for storage in that endpoint's row. */
    byte[] seal(UUID tenantId, UUID endpointId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, tenantId, endpointId)
                    .doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(KEY_VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook signing secret could not be sealed", e);
        }
    }

    /**
     * The secret back from the endpoint's row; empty when it does not open: sealed under another
     * key (rotated) or another key version, changed, or copied from another row.
     */
    Optional<String> open(UUID tenantId, UUID endpointId, byte[] stored) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != KEY_VERSION) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES);
        try {
            byte[] secret = cipher(Cipher.DECRYPT_MODE, nonce, tenantId, endpointId)
                    .doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return Optional.of(new String(secret, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException notOurs) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID tenantId, UUID endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(32)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .putLong(endpointId.getMostSignificantBits())
                .putLong(endpointId.getLeastSignificantBits())
                .array());
        return cipher;
    }
}
