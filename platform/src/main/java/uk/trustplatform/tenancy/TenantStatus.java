package uk.trustplatform.tenancy;

import java.util.Locale;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.ErrorCode;

/** Where a tenant is in its life on the platform. */
public enum TenantStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    ARCHIVED;

    /** Whether its members may sign in and its tokens be used: not while suspended or archived. */
    public boolean admitsMembers() {
        return this == ONBOARDING || this == ACTIVE;
    }

    /** The refusal of a member's request to a tenant in this status, one it does not admit members in. */
    public ApiException refusesMembersOf(String slug) {
        return new ApiException(
                ErrorCode.FORBIDDEN,
                "Tenant '" + slug + "' is " + name().toLowerCase(Locale.ROOT)
                        + ": its sign-ins and tokens are refused.");
    }
}
