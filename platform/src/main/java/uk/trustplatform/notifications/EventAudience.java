package uk.trustplatform.notifications;

import java.util.List;
import java.util.Set;

/**
 * Who is emailed about an event of some kinds. The feature that knows the people implements it
 * (partners: an agency's partner leads, the board; webhooks: an endpoint's contact), so the email
 * worker reads no other feature's tables and depends on none of the features that publish events.
 */
public interface EventAudience {

    /** The kinds this audience answers for. */
    Set<EventKind> kinds();

    /** The people to tell of {@code event}, read inside the email worker's transaction for its tenant. */
    List<Recipient> of(DomainEvent event);

    /**
     * One person to email.
     *
     * @param address their work email
     * @param name how to greet them
     */
    record Recipient(String address, String name) {}
}
