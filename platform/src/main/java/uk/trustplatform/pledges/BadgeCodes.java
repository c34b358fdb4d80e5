package uk.trustplatform.pledges;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The unguessable code in a badge's verification address: 16 random bytes, base64url without
 * padding, so always 22 letters, digits, {@code -} or {@code _}. Issued here, and recognised here,
 * so that an address that cannot hold a badge's code is answered "not found" without a lookup.
 */
final class BadgeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private BadgeCodes() {}

    static String issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the form of a code this class issues. */
    static boolean couldBe(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
