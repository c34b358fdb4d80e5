package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.step;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * A tenant admin registers a partner agency's system as a Keycloak client-credentials client.
 * Its tokens carry the tenant (organization claim), the agency (partner_organisation claim), the
 * platform API audience and the partner-integration role, all fixed on the client, so the system
 * acts for that agency only.
 */
@Singleton
final class RegisteringPartnerIntegration {

    /** The client's attributes that say whose it is and since when; {@link KeepingPartnerIntegrations} reads them. */
    static final String PARTNER_ATTRIBUTE = "trust.partner_organisation";

    static final String REGISTERED_AT_ATTRIBUTE = "trust.registered_at";

    /** Every partner system's client id starts so: the tenant's are found by it. */
    static String clientIdPrefix(String tenantSlug) {
        return "partner-" + tenantSlug + "-";
    }

    /** The new client, or why none was made. */
    record Registered(
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String tokenUrl,
            List<UserError> userErrors) {

        static Registered refused(UserError problem) {
            return new Registered(null, null, null, List.of(problem));
        }
    }

    private final KeycloakRealm keycloak;
    private final Nodes nodes;
    private final AuditTrail audit;
    private final LondonClock clock;

    RegisteringPartnerIntegration(KeycloakRealm keycloak, Nodes nodes, AuditTrail audit, LondonClock clock) {
        this.keycloak = keycloak;
        this.nodes = nodes;
        this.audit = audit;
        this.clock = clock;
    }

    Registered register(Caller caller, String partnerOrganisationId, String name) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may register partner integrations.");
        }
        UUID partner = GlobalId.decode(partnerOrganisationId, SchemaTypes.PARTNER_ORGANISATION)
                .filter(id ->
                        nodes.find(SchemaTypes.PARTNER_ORGANISATION, id, caller).isPresent())
                .orElse(null);
        if (partner == null) {
            return Registered.refused(UserError.of(
                    Code.NOT_FOUND, "No partner organisation has this id.", "input", "partnerOrganisationId"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            return Registered.refused(
                    UserError.of(Code.REQUIRED, "Name the system in 1 to 100 characters.", "input", "name"));
        }
        String tenantSlug = caller.requireTenantSlug();
        RealmResource realm = keycloak.realm();
        String clientId =
                clientIdPrefix(tenantSlug) + UUID.randomUUID().toString().substring(0, 8);
        String id = step(
                "create the client",
                () -> CreatedResponseUtil.getCreatedId(
                        realm.clients().create(client(clientId, name.strip(), tenantSlug, partner, clock.instant()))));
        try {
            String secret = step(
                    "read the client secret",
                    () -> realm.clients().get(id).getSecret().getValue());
            RoleRepresentation role = step(
                    "find the partner-integration role",
                    () -> realm.roles()
                            .get(Role.PARTNER_INTEGRATION.tokenName())
                            .toRepresentation());
            step("grant the partner-integration role", () -> {
                String serviceAccount =
                        realm.clients().get(id).getServiceAccountUser().getId();
                realm.users().get(serviceAccount).roles().realmLevel().add(List.of(role));
                return null;
            });
            audit.record(
                    tenantId,
                    "PartnerIntegration.registered",
                    SchemaTypes.PARTNER_ORGANISATION,
                    partner,
                    null,
                    Map.of("clientId", clientId, "name", name.strip()));
            return new Registered(clientId, secret, tokenUrl(), List.of());
        } catch (RuntimeException failed) {
            realm.clients().get(id).remove();
            throw failed;
        }
    }

    private String tokenUrl() {
        KeycloakSettings settings = keycloak.settings();
        return settings.serverUrl() + "/realms/" + settings.realm() + "/protocol/openid-connect/token";
    }

    private static ClientRepresentation client(
            String clientId, String name, String tenantSlug, UUID partner, Instant registeredAt) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("Partner integration of " + tenantSlug + ", acting for partner organisation " + partner);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setAttributes(Map.of(
                KeycloakRealm.TENANT_ATTRIBUTE,
                tenantSlug,
                PARTNER_ATTRIBUTE,
                partner.toString(),
                REGISTERED_AT_ATTRIBUTE,
                registeredAt.toString()));
        client.setProtocolMappers(List.of(
                mapper(
                        "platform API audience",
                        "oidc-audience-mapper",
                        Map.of("included.client.audience", "trust-platform-api", "access.token.claim", "true")),
                mapper(
                        "tenant",
                        "oidc-hardcoded-claim-mapper",
                        Map.of(
                                "claim.name", "organization",
                                "claim.value", "[\"" + tenantSlug + "\"]",
                                "jsonType.label", "JSON",
                                "access.token.claim", "true")),
                mapper(
                        "partner organisation",
                        "oidc-hardcoded-claim-mapper",
                        Map.of(
                                "claim.name", "partner_organisation",
                                "claim.value", partner.toString(),
                                "jsonType.label", "String",
                                "access.token.claim", "true"))));
        return client;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
