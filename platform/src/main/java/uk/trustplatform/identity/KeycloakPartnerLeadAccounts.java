package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.step;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.partners.PartnerLeadAccounts;
import uk.trustplatform.tenancy.TenantIdentities.IdentityStepFailed;

/**
 * A partner lead in Keycloak: an account whose {@value #PARTNER_ATTRIBUTE} attribute names the
 * organisation (the realm maps it into the token), with the partner-lead role, a member of the
 * tenant's organization. The attribute holds one organisation, so an account already bound to
 * another is refused rather than moved.
 */
@Singleton
final class KeycloakPartnerLeadAccounts implements PartnerLeadAccounts {

    static final String PARTNER_ATTRIBUTE = "partner_organisation";
    private static final String ROLE = "partner lead";

    private final KeycloakRealm keycloak;

    KeycloakPartnerLeadAccounts(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Invitation invite(String tenantSlug, UUID partnerOrganisation, String email, String fullName) {
        KeycloakSteps steps = new KeycloakSteps(keycloak.realm());
        String partner = partnerOrganisation.toString();
        try {
            OrganizationRepresentation organisation = step("find organization", () -> keycloak.organisation(tenantSlug))
                    .orElseThrow(() -> new IdentityStepFailed(
                            "find organization", "the tenant has no Keycloak organization", null));
            Optional<UserRepresentation> existing = steps.findAccount(ROLE, email);
            if (existing.isPresent()) {
                String bound = existing.get().firstAttribute(PARTNER_ATTRIBUTE);
                if (bound != null && !bound.equals(partner)) {
                    return new Invitation(
                            null,
                            null,
                            false,
                            "This email already signs in for another partner organisation; one sign-in acts for one organisation.");
                }
                if (bound == null) {
                    bind(steps, existing.get().getId(), partner, email);
                }
            }
            int space = fullName.strip().lastIndexOf(' ');
            KeycloakSteps.Account account = steps.account(
                    ROLE,
                    new KeycloakSteps.Person(
                            email,
                            space < 0 ? fullName.strip() : fullName.strip().substring(0, space),
                            space < 0 ? "" : fullName.strip().substring(space + 1),
                            Map.of(PARTNER_ATTRIBUTE, List.of(partner))),
                    keycloak.settings().invitesNewAdmins());
            steps.grant(account.userId(), Role.PARTNER_LEAD, account.username());
            steps.join(account.userId(), organisation.getId(), account.username());
            return new Invitation(account.username(), account.temporaryPassword(), account.invitationSent(), null);
        } catch (RuntimeException failed) {
            steps.undo();
            throw failed;
        }
    }

    /** Binds an existing account to the organisation, from its full representation (a brief one would wipe attributes). */
    private static void bind(KeycloakSteps steps, String userId, String partner, String email) {
        UserResource user = steps.realm().users().get(userId);
        UserRepresentation before = step("read the account", user::toRepresentation);
        UserRepresentation after = step("read the account", user::toRepresentation);
        Map<String, List<String>> attributes =
                new HashMap<>(after.getAttributes() == null ? Map.of() : after.getAttributes());
        attributes.put(PARTNER_ATTRIBUTE, List.of(partner));
        after.setAttributes(attributes);
        step("bind the account to the partner organisation", () -> {
            user.update(after);
            return null;
        });
        steps.changed("bound " + email + " to partner organisation " + partner, () -> user.update(before));
    }
}
