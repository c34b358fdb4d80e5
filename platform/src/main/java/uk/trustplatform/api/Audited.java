package uk.trustplatform.api;

import java.util.UUID;

/**
 * A record whose changes the audit trail keeps under its id, so that the API can say who changed
 * it last (the {@code lastChange} field): what a person needs to know when their edit meets a
 * newer version.
 */
public interface Audited {
    UUID id();
}
