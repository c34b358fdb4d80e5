package uk.trustplatform.isolation;

import uk.trustplatform.notifications.PreferenceLinks;
import uk.trustplatform.testing.TestCalendar;

/**
 * The link at the foot of a world's emails, for an address of its partnership, signed with the key
 * application-test.yml gives the platform: what the reader of such an email holds.
 */
final class PreferenceLinkCodes {

    private static final PreferenceLinks LINKS = new PreferenceLinks("SwyXAWhabDvRAzfzN6ZHjibJIR8qFnyLFdY9FKToT8c=");

    private PreferenceLinkCodes() {}

    static String of(World world) {
        return LINKS.sign(
                world.tenant().id(),
                "reader@" + world.tenant().slug() + ".example",
                TestCalendar.today().plusDays(30));
    }
}
