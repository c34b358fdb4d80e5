package uk.trustplatform.notifications;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.RequiredNotifications.Required;

/**
 * The kinds of event a partnership requires its people to hear of, whatever they choose (they may
 * still have them in a daily digest): read by its members, set by a tenant admin.
 */
@Singleton
final class KeepingRequiredNotifications {

    /** The required kinds in the vocabulary's order, and the version to send with a change. */
    record View(List<EventKind> kinds, long version) {

        static View of(Required required) {
            return new View(required.kinds().stream().sorted().toList(), required.version());
        }
    }

    /** The kinds as saved, or why nothing was. */
    record Saved(@Nullable View requiredNotifications, List<UserError> userErrors) {}

    private final RequiredNotifications required;
    private final EmailFanOut fanOut;
    private final AuditTrail audit;

    KeepingRequiredNotifications(RequiredNotifications required, EmailFanOut fanOut, AuditTrail audit) {
        this.required = required;
        this.fanOut = fanOut;
        this.audit = audit;
    }

    View read(Caller caller) {
        return View.of(required.of(caller.requireTenant()));
    }

    Saved save(Caller caller, SetRequiredNotifications sent) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin chooses which emails are required.");
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        List<UserError> problems = new ArrayList<>();
        for (int i = 0; i < sent.kinds().size(); i++) {
            EventKind kind = sent.kinds().get(i);
            if (!fanOut.kindsEmailed().contains(kind)) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "No one is emailed about " + kind.words() + ", so it cannot be required.",
                        "input",
                        "kinds",
                        Integer.toString(i)));
            }
            kinds.add(kind);
        }
        Required current = required.of(tenantId);
        UserError.staleVersion("required emails", current.version(), sent.version())
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        Optional<Required> saved = required.save(tenantId, kinds, current);
        if (saved.isEmpty()) {
            return new Saved(
                    null, List.of(UserError.conflict("required emails", current.version() + 1, current.version())));
        }
        audit.record(
                tenantId,
                "NotificationRequirement.set",
                "NotificationRequirement",
                saved.get().id(),
                View.of(current),
                View.of(saved.get()));
        return new Saved(View.of(saved.get()), List.of());
    }
}
