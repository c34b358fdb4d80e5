package uk.trustplatform.configuration;

/**
 * Where an edition of a document stands. A draft may change; a strategy draft becomes endorsed
 * once a partner endorses it; a published edition never changes again; publishing the next
 * edition supersedes it.
 */
public enum DocumentStatus {
    DRAFT,
    ENDORSED,
    PUBLISHED,
    SUPERSEDED;

    boolean editable() {
        return this == DRAFT || this == ENDORSED;
    }
}
