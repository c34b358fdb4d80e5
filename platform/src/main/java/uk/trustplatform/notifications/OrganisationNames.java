package uk.trustplatform.notifications;

import java.util.Optional;
import java.util.UUID;

/**
 * The name of the partner organisation an event is about, for its email to say whom it concerns.
 * The partners feature answers it: the features that publish events depend on notifications, so
 * notifications may not depend on them.
 */
public interface OrganisationNames {

    /** The organisation's name, read inside the email worker's transaction for its tenant. */
    Optional<String> of(UUID tenantId, UUID organisation);
}
