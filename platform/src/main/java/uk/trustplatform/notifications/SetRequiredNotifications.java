package uk.trustplatform.notifications;

import java.util.List;
import uk.trustplatform.api.InputFields;

/** The kinds of email everyone in the partnership must get, replacing those at the version read. */
record SetRequiredNotifications(List<EventKind> kinds, long version) {

    static SetRequiredNotifications from(InputFields input) {
        return new SetRequiredNotifications(
                input.strings("kinds").stream().map(EventKind::valueOf).toList(), input.version("version"));
    }
}
