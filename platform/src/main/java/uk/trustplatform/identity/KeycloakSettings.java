package uk.trustplatform.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * How the platform administers its Keycloak realm (prefix {@code trust.keycloak}). In production
 * a confidential client with the realm-management roles manage-users, manage-clients,
 * manage-realm and view-realm ({@code adminClientSecret}); in development the bootstrap admin.
 *
 * @param serverUrl Keycloak's base address, for example https://sso.example.gov.uk
 * @param realm the platform's realm
 * @param adminRealm the realm the administering client or user belongs to
 * @param adminClientId the administering client
 * @param adminClientSecret its secret, for the client-credentials grant
 * @param adminUsername a user to administer with instead (development)
 * @param adminPassword that user's password
 * @param newAdmins how a new tenant admin gets in: {@code invitation} (Keycloak emails them) or
 *     {@code generated-password} (printed once; development only)
 */
@ConfigurationProperties("trust.keycloak")
record KeycloakSettings(
        String serverUrl,
        String realm,
        String adminRealm,
        String adminClientId,
        @Nullable String adminClientSecret,
        @Nullable String adminUsername,
        @Nullable String adminPassword,
        String newAdmins) {

    boolean invitesNewAdmins() {
        return "invitation".equals(newAdmins);
    }
}
