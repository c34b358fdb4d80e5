package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on email preferences and required notifications, as the isolation suite and the permission matrix drive them. */
final class NotificationCatalogue {

    private NotificationCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.emailPreferences",
                        world -> new Request(
                                "query ($link: String!) { emailPreferences(link: $link) { partnershipName"
                                        + " choices { kind description choice required version } } }",
                                Map.of("link", PreferenceLinkCodes.of(world))),
                        (reply, world) -> reply.data()
                                        .path("emailPreferences")
                                        .path("choices")
                                        .size()
                                > 0,
                        EVERYONE),
                save(
                        "setEmailPreferences",
                        "SetEmailPreferencesInput",
                        "emailPreferences",
                        world -> Map.of(
                                "link",
                                PreferenceLinkCodes.of(world),
                                "choices",
                                List.of(Map.of(
                                        "kind", "ACTION_PLAN_RETURNED", "choice", "DAILY_DIGEST", "version", 0))),
                        EVERYONE),
                new Operation(
                        "Query.requiredNotifications",
                        world -> new Request("{ requiredNotifications { kinds version } }", Map.of()),
                        (reply, world) ->
                                reply.data().path("requiredNotifications").has("version"),
                        MEMBERS),
                save(
                        "setRequiredNotifications",
                        "SetRequiredNotificationsInput",
                        "requiredNotifications",
                        world -> Map.of("kinds", List.of("PLEDGE_LAPSED"), "version", 0),
                        ADMINS));
    }
}
