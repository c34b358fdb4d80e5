package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.step;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.representations.idm.ClientRepresentation;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * A tenant admin sees the partner systems registered in the tenant and withdraws one. The systems
 * are Keycloak clients, not rows of the platform's, so they are found by the tenant each client
 * names in its attributes; a client of another tenant is as absent as one that does not exist.
 */
@Singleton
final class KeepingPartnerIntegrations {

    /** Keycloak answers a search with pages; a tenant's systems fit in one this size. */
    private static final int MOST_CLIENTS = 1000;

    /** A registered system as the API shows it; {@code partnerOrganisation} null when the caller cannot see it. */
    record Integration(
            String clientId,
            String name,
            @Nullable Object partnerOrganisation,
            @Nullable OffsetDateTime registeredAt) {}

    record Withdrawn(@Nullable String clientId, List<UserError> userErrors) {}

    private final KeycloakRealm keycloak;
    private final Nodes nodes;
    private final AuditTrail audit;

    KeepingPartnerIntegrations(KeycloakRealm keycloak, Nodes nodes, AuditTrail audit) {
        this.keycloak = keycloak;
        this.nodes = nodes;
        this.audit = audit;
    }

    List<Integration> list(Caller caller) {
        requireAdmin(caller);
        return clients(caller).stream()
                .map(client -> new Integration(
                        client.getClientId(),
                        client.getName() == null ? client.getClientId() : client.getName(),
                        partner(client)
                                .flatMap(partner -> nodes.find(SchemaTypes.PARTNER_ORGANISATION, partner, caller))
                                .orElse(null),
                        registeredAt(client)))
                .sorted(Comparator.comparing(Integration::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Integration::clientId))
                .toList();
    }

    Withdrawn withdraw(Caller caller, @Nullable String clientId) {
        UUID tenantId = caller.requireTenant();
        requireAdmin(caller);
        Optional<ClientRepresentation> client = clients(caller).stream()
                .filter(found -> found.getClientId().equals(clientId))
                .findFirst();
        if (client.isEmpty()) {
            return new Withdrawn(
                    null,
                    List.of(UserError.of(
                            Code.NOT_FOUND,
                            "No partner system of this partnership has this client id.",
                            "input",
                            "clientId")));
        }
        // Found by the id asked for: that id, never null.
        String removed = client.get().getClientId();
        step("remove the client", () -> {
            keycloak.realm().clients().get(client.get().getId()).remove();
            return null;
        });
        audit.record(
                tenantId,
                "PartnerIntegration.withdrawn",
                SchemaTypes.PARTNER_ORGANISATION,
                partner(client.get()).orElse(null),
                Map.of("clientId", removed, "name", String.valueOf(client.get().getName())),
                null);
        return new Withdrawn(removed, List.of());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may see and withdraw partner systems.");
        }
    }

    /** The caller's tenant's partner-system clients: found by their id's prefix, kept only if they name the tenant. */
    private List<ClientRepresentation> clients(Caller caller) {
        String slug = caller.requireTenantSlug();
        String prefix = RegisteringPartnerIntegration.clientIdPrefix(slug);
        return step(
                        "find the partner systems",
                        () -> keycloak.realm().clients().findAll(prefix, false, true, 0, MOST_CLIENTS))
                .stream()
                .filter(client -> client.getClientId().startsWith(prefix))
                .filter(client -> client.getAttributes() != null
                        && slug.equals(client.getAttributes().get(KeycloakRealm.TENANT_ATTRIBUTE)))
                .toList();
    }

    private static Optional<UUID> partner(ClientRepresentation client) {
        String value = client.getAttributes().get(RegisteringPartnerIntegration.PARTNER_ATTRIBUTE);
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static @Nullable OffsetDateTime registeredAt(ClientRepresentation client) {
        String value = client.getAttributes().get(RegisteringPartnerIntegration.REGISTERED_AT_ATTRIBUTE);
        return value == null ? null : Instant.parse(value).atOffset(ZoneOffset.UTC);
    }
}
