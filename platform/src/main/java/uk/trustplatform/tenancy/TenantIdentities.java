package uk.trustplatform.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.ErrorCode;

/**
 * The identity provider's side of a tenant: its organization and its first admin account. The
 * identity feature implements it against Keycloak.
 */
public interface TenantIdentities {

    /**
     * Makes the organization and admin account match the definition, changing only what differs.
     * If a step fails, what this call already did is undone before {@link IdentityStepFailed} is thrown.
     *
     * @param enabled whether the organization admits sign-ins (not while the tenant is suspended or archived)
     */
    Reconciled reconcile(TenantDefinition definition, boolean enabled);

    /** Undoes a reconciliation that succeeded, when the database side then failed. */
    void undo(Reconciled reconciled);

    /** Opens or closes the organization to sign-ins. */
    void setEnabled(String slug, boolean enabled);

    /**
     * What a reconciliation did.
     *
     * @param changes one line per change, empty when everything already matched
     * @param adminAccount the admin's sign-in, with a temporary password only when one was just made
     * @param undo how to put the identity provider back as it was
     */
    record Reconciled(List<String> changes, AdminAccount adminAccount, Runnable undo) {}

    /**
     * @param temporaryPassword set only when the account was created with a generated password (development)
     * @param invitationSent true when the admin was sent an email to set their own password (production)
     */
    record AdminAccount(String username, @Nullable String temporaryPassword, boolean invitationSent) {}

    /** A step at the identity provider failed; what the reconciliation did before it has been undone. */
    final class IdentityStepFailed extends ApiException {
        private final String step;

        public IdentityStepFailed(String step, String reason, @Nullable Throwable cause) {
            super(ErrorCode.IDENTITY_PROVIDER_FAILED, "Stopped at step '" + step + "': " + reason);
            initCause(cause);
            this.step = step;
        }

        public String step() {
            return step;
        }
    }
}
