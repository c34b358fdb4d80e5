package uk.trustplatform.api;

import java.util.Optional;

/**
 * Characters no text sent to the platform may hold: the C0 control characters other than tab,
 * line feed and carriage return, and UTF-16 surrogates that are not one half of a pair.
 * PostgreSQL cannot store NUL at all, and an unpaired surrogate is not text in any encoding; the
 * other control characters are never typed by people and only garble exports, logs and the
 * partners' systems downstream.
 */
public final class UnsafeCharacters {

    /** Said after a refusal, so the caller knows what text may hold. */
    public static final String RULE =
            "text may hold tabs and line breaks, but no other control characters and no unpaired" + " surrogates";

    private UnsafeCharacters() {}

    /** The first unsafe character of the text, described ("a control character (U+0000)"), or empty. */
    public static Optional<String> firstIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("a control character (" + codePoint(c) + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("an unpaired surrogate (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return "U+%04X".formatted((int) c);
    }
}
