package uk.trustplatform.audit;

import java.util.Locale;
import java.util.regex.Pattern;

/** The trail's names (types, actions, fields) in words: {@code Section11Audit} is "Section 11 audit". */
final class Words {

    /** Where a name's words meet: before a capital after a small letter or digit, and around a run of digits. */
    private static final Pattern BOUNDARY =
            Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");

    private Words() {}

    static String of(String name) {
        String words = BOUNDARY.splitAsStream(name)
                .map(word -> word.toLowerCase(Locale.UK))
                .reduce((left, right) -> left + " " + right)
                .orElse("");
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An action as recorded ({@code ActionPlan.submitted}) in words: "Action plan submitted". */
    static String ofAction(String action) {
        int dot = action.indexOf('.');
        if (dot < 0) {
            return of(action);
        }
        return of(action.substring(0, dot)) + " "
                + of(action.substring(dot + 1)).toLowerCase(Locale.UK);
    }
}
