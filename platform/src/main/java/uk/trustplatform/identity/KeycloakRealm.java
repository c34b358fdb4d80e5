package uk.trustplatform.identity;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * The platform's realm through Keycloak's admin client. The client is made on first use, so the
 * platform starts even while Keycloak is still starting.
 */
@Singleton
final class KeycloakRealm {

    static final String TENANT_ATTRIBUTE = "trust.tenant";

    private final KeycloakSettings settings;
    private volatile @Nullable Keycloak client;

    KeycloakRealm(KeycloakSettings settings) {
        this.settings = settings;
    }

    RealmResource realm() {
        return client().realm(settings.realm());
    }

    KeycloakSettings settings() {
        return settings;
    }

    /**
     * The tenant's organization. Keycloak's organization search matches names and domains, not
     * aliases, so each organization carries the tenant's slug in the {@value #TENANT_ATTRIBUTE}
     * attribute. The full representation, safe to update from.
     */
    Optional<OrganizationRepresentation> organisation(String slug) {
        // Search answers with brief representations; updating from one would wipe the attributes.
        return realm().organizations().searchByAttribute(TENANT_ATTRIBUTE + ":" + slug).stream()
                .filter(organisation -> slug.equals(organisation.getAlias()))
                .findFirst()
                .map(brief -> realm().organizations().get(brief.getId()).toRepresentation());
    }

    private Keycloak client() {
        Keycloak current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = build();
                    client = current;
                }
            }
        }
        return current;
    }

    private Keycloak build() {
        KeycloakBuilder builder = KeycloakBuilder.builder()
                .serverUrl(settings.serverUrl())
                .realm(settings.adminRealm())
                .clientId(settings.adminClientId());
        if (settings.adminClientSecret() != null) {
            return builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientSecret(settings.adminClientSecret())
                    .build();
        }
        return builder.grantType(OAuth2Constants.PASSWORD)
                .username(settings.adminUsername())
                .password(settings.adminPassword())
                .build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
