package uk.trustplatform.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The text of feedback codes: 12 characters from 29 that cannot be mistaken for one another read
 * aloud or handwritten (no 0/O, 1/I/L, U/V), in three groups of four: {@code K7QM-4XHT-9PWC}.
 * 29^12 is about 3.5 × 10^17 (58 bits): at ten refusals per address per quarter hour, a thousand
 * addresses guessing for a year against a partnership with a thousand live codes would find one
 * with a chance of about one in a million. Codes are compared in any case, with or without spaces
 * and hyphens.
 */
final class CodeTexts {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeTexts() {}

    /** A new code, grouped for reading aloud. */
    static String issue() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without spaces and hyphens, letters upper-cased. */
    static String normal(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the normal text has the form of a code issued here: guessing never needs any other. */
    static boolean couldBe(String normal) {
        return normal.length() == LENGTH && normal.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
