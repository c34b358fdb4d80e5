package uk.trustplatform.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The GOV.UK tag colour each status shows in, so that one status looks the same on every page. */
public final class Tags {

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("DRAFT", "light-blue"),
            Map.entry("SUBMITTED", "blue"),
            Map.entry("APPROVED", "green"),
            Map.entry("RETURNED", "orange"),
            Map.entry("NOT_STARTED", "grey"),
            Map.entry("IN_PROGRESS", "blue"),
            Map.entry("COMPLETE", "green"),
            Map.entry("RED", "red"),
            Map.entry("AMBER", "yellow"),
            Map.entry("GREEN", "green"),
            Map.entry("INVITED", "blue"),
            Map.entry("SIGNED", "light-blue"),
            Map.entry("REGISTERED", "green"),
            Map.entry("RENEWAL_DUE", "yellow"),
            Map.entry("LAPSED", "red"),
            Map.entry("WITHDRAWN", "grey"),
            Map.entry("NOT_INVITED", "grey"),
            Map.entry("PUBLISHED", "green"),
            Map.entry("ENDORSED", "turquoise"),
            Map.entry("SUPERSEDED", "grey"));

    private Tags() {}

    /** The colour of a status code's tag; null for the default (dark blue). */
    public static @Nullable String colour(@Nullable String code) {
        return code == null ? null : COLOURS.get(code);
    }
}
