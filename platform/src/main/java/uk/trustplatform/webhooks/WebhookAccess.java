package uk.trustplatform.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;

/**
 * Who keeps webhook endpoints: a tenant admin all of the tenant's (the partnership's own and every
 * agency's); an agency's partner lead its own agency's only. Nobody else sees them: their URLs and
 * delivery logs say which systems a partner runs.
 */
final class WebhookAccess {

    private WebhookAccess() {}

    /**
     * The organisation whose endpoints the caller keeps: empty for a tenant admin (every one), the
     * agency for its partner lead; anyone else is refused.
     */
    static Optional<UUID> keeperScope(Caller caller) {
        caller.requireTenant();
        if (caller.administersTenant()) {
            return Optional.empty();
        }
        if (caller.has(Role.PARTNER_LEAD) && caller.partnerOrganisationId() != null) {
            return Optional.of(caller.partnerOrganisationId());
        }
        throw new ApiException(
                ErrorCode.FORBIDDEN,
                "Only a tenant admin, or an agency's partner lead for its own agency, keeps webhook endpoints.");
    }

    /** Whether the caller keeps the endpoint of this organisation (null: the partnership's). */
    static boolean keeps(Caller caller, @Nullable UUID organisation) {
        if (!caller.inTenant()) {
            return false;
        }
        if (caller.administersTenant()) {
            return true;
        }
        return caller.has(Role.PARTNER_LEAD)
                && organisation != null
                && organisation.equals(caller.partnerOrganisationId());
    }
}
