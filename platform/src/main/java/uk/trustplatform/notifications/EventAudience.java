package uk.trustplatform.notifications;

import java.util.List;
import java.util.Set;

/**
 * Who is emailed about an event of some kinds. The notifications feature knows the partnership's
 * people (an agency's partner leads, the board); a feature whose events go to people only it knows
 * (a webhook endpoint's contact) implements this too, so the email worker need not read its tables.
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
