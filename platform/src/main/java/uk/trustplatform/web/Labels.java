package uk.trustplatform.web;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the API's codes read on a page. */
public final class Labels {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("CHILDRENS_TRUST", "Children's trust"),
            Map.entry("STRATEGIC_PARTNERSHIP", "Children and young people's strategic partnership"),
            Map.entry("SAFEGUARDING_PARTNERSHIP", "Safeguarding children partnership"),
            Map.entry("YORKSHIRE_AND_THE_HUMBER", "Yorkshire and the Humber"),
            Map.entry("EAST_OF_ENGLAND", "East of England"));

    private Labels() {}

    /** A code such as {@code IN_PROGRESS} in sentence case, "In progress", unless it has words of its own. */
    public static String of(@Nullable String code) {
        if (code == null) {
            return "";
        }
        String own = WORDS.get(code);
        if (own != null) {
            return own;
        }
        String words = code.toLowerCase(Locale.UK).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An English region, a proper name: {@code SOUTH_EAST} is "South East". */
    public static String region(String code) {
        String own = WORDS.get(code);
        if (own != null) {
            return own;
        }
        StringBuilder words = new StringBuilder();
        for (String word : of(code).split(" ")) {
            words.append(words.isEmpty() ? "" : " ")
                    .append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        return words.toString();
    }
}
