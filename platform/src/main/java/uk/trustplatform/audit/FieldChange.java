package uk.trustplatform.audit;

import io.micronaut.core.annotation.Nullable;

/** One field's values before and after a change, as display text. */
record FieldChange(
        String field, @Nullable String before, @Nullable String after) {}
