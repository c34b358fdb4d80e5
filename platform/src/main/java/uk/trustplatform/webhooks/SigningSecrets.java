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
 */
@Context
@Requires(notEnv = Environments.MIGRATION_JOB)
final class SigningSecrets {

    static final String PREFIX = "whsec_";
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

    /** The secret sealed for storage: a fresh nonce, then the ciphertext and its tag. */
    byte[] seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** The secret back from storage; fails if the stored bytes were changed or the key is another. */
    String open(byte[] stored) {
        byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook signing secret could not be sealed or opened", e);
        }
    }
}
