package uk.trustplatform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A text as its author broke it into lines (a criterion's list, a pasted paragraph), one paragraph a line. */
public final class Paragraphs {

    private Paragraphs() {}

    public static List<String> of(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
