package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * The identity provider's side of a partner lead: a sign-in bound to one partner organisation,
 * with the partner-lead role, in the tenant's organization. The identity feature implements it
 * against Keycloak.
 */
public interface PartnerLeadAccounts {

    /**
     * Makes (or completes) the person's sign-in as the organisation's partner lead. If a step fails,
     * what this call already did is undone before the failure is thrown.
     */
    Invitation invite(String tenantSlug, UUID partnerOrganisation, String email, String fullName);

    /**
     * What the invitation did.
     *
     * @param temporaryPassword set only when the account was made with a generated password (development)
     * @param invitationSent true when the person was emailed to set their own password
     * @param refusal why no sign-in was given, when the person cannot be made this organisation's lead
     */
    record Invitation(
            @Nullable String username,
            @Nullable String temporaryPassword,
            boolean invitationSent,
            @Nullable String refusal) {}
}
