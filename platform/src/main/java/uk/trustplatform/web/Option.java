package uk.trustplatform.web;

import org.jspecify.annotations.Nullable;

/** One choice of radios, checkboxes or a select: what is sent, and what the person reads. */
public record Option(String value, String label, @Nullable String hint) {

    public Option(String value, String label) {
        this(value, label, null);
    }
}
