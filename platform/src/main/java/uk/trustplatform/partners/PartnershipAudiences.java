package uk.trustplatform.partners;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.trustplatform.notifications.DomainEvent;
import uk.trustplatform.notifications.EventAudience;
import uk.trustplatform.notifications.EventKind;

/**
 * Who of the partnership's own people is emailed about what (notifications): an agency's partner
 * leads, and the board. Here, beside the tables of people, since notifications may not depend on
 * the features whose events it sends.
 */
@Factory
final class PartnershipAudiences {

    /** What an agency's partner leads hear of, when the event names their agency. */
    static final Set<EventKind> AGENCY_KINDS = EnumSet.of(
            EventKind.ACTION_PLAN_RETURNED,
            EventKind.ACTION_PLAN_APPROVED,
            EventKind.ACTION_OVERDUE,
            EventKind.PLEDGE_INVITED,
            EventKind.PLEDGE_REGISTERED,
            EventKind.PLEDGE_RENEWAL_DUE,
            EventKind.PLEDGE_LAPSED,
            EventKind.SECTION11_AUDIT_MODERATED,
            EventKind.FEEDBACK_OVERDUE,
            EventKind.RECOMMENDATION_OVERDUE);

    /** What the people on the partnership's top-level governance bodies hear of. */
    static final Set<EventKind> BOARD_KINDS = EnumSet.of(
            EventKind.ACTION_PLAN_SUBMITTED,
            EventKind.SECTION11_AUDIT_SUBMITTED,
            EventKind.FEEDBACK_OVERDUE,
            EventKind.RECOMMENDATION_OVERDUE,
            EventKind.CONFIGURATION_PUBLISHED);

    @Bean
    @Named("agency-leads")
    EventAudience agencyLeads(PeopleToTell people) {
        return audience(
                AGENCY_KINDS,
                event -> event.partnerOrganisationId() == null
                        ? List.of()
                        : people.leadsOf(event.tenantId(), event.partnerOrganisationId()));
    }

    @Bean
    @Named("board")
    EventAudience board(PeopleToTell people) {
        return audience(BOARD_KINDS, event -> people.board(event.tenantId()));
    }

    private static EventAudience audience(
            Set<EventKind> kinds, Function<DomainEvent, List<PeopleToTell.Contact>> contacts) {
        return new EventAudience() {
            @Override
            public Set<EventKind> kinds() {
                return kinds;
            }

            @Override
            public List<Recipient> of(DomainEvent event) {
                return contacts.apply(event).stream()
                        .map(contact -> new Recipient(contact.address(), contact.name()))
                        .toList();
            }
        };
    }
}
