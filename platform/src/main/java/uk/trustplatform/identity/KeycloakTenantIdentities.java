package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.expectSuccess;
import static uk.trustplatform.identity.KeycloakSteps.step;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.TenantDefinition;
import uk.trustplatform.tenancy.TenantIdentities;

/**
 * A tenant in Keycloak: one organization (alias = the tenant's slug, with the council's email
 * domains) and the tenant admin's account, a member of it with the tenant-admin role. Each step
 * that changes Keycloak pushes its undo, so a failure part-way leaves Keycloak as it was.
 */
@Singleton
final class KeycloakTenantIdentities implements TenantIdentities {

    private final KeycloakRealm keycloak;

    KeycloakTenantIdentities(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Reconciled reconcile(TenantDefinition definition, boolean enabled) {
        KeycloakSteps steps = new KeycloakSteps(keycloak.realm());
        try {
            String organisation = organisation(steps, definition, enabled);
            TenantDefinition.AdminDefinition admin = definition.admin();
            KeycloakSteps.Account account = steps.account(
                    "tenant admin",
                    new KeycloakSteps.Person(admin.email(), admin.firstName(), admin.lastName(), Map.of()),
                    keycloak.settings().invitesNewAdmins());
            steps.grant(account.userId(), Role.TENANT_ADMIN, account.username());
            steps.join(account.userId(), organisation, account.username());
            return new Reconciled(
                    steps.changes(),
                    new AdminAccount(account.username(), account.temporaryPassword(), account.invitationSent()),
                    steps::undo);
        } catch (IdentityStepFailed failed) {
            steps.undo();
            throw failed;
        }
    }

    @Override
    public void undo(Reconciled reconciled) {
        reconciled.undo().run();
    }

    @Override
    public void setEnabled(String slug, boolean enabled) {
        RealmResource realm = keycloak.realm();
        keycloak.organisation(slug).ifPresent(organisation -> {
            if (organisation.isEnabled() != enabled) {
                organisation.setEnabled(enabled);
                expectSuccess(
                        "enable or disable organization",
                        realm.organizations().get(organisation.getId()).update(organisation));
            }
        });
    }

    /** The tenant's organization, created or brought up to date; its id. */
    private String organisation(KeycloakSteps steps, TenantDefinition definition, boolean enabled) {
        RealmResource realm = steps.realm();
        OrganizationRepresentation wanted = new OrganizationRepresentation();
        wanted.setName(definition.name());
        wanted.setAlias(definition.slug());
        wanted.setEnabled(enabled);
        wanted.setDescription("Trust Platform tenant " + definition.slug());
        wanted.singleAttribute(KeycloakRealm.TENANT_ATTRIBUTE, definition.slug());
        definition.emailDomains().forEach(domain -> wanted.addDomain(new OrganizationDomainRepresentation(domain)));
        Optional<OrganizationRepresentation> found =
                step("find organization", () -> keycloak.organisation(definition.slug()));
        if (found.isEmpty()) {
            String id = step(
                    "create organization",
                    () -> CreatedResponseUtil.getCreatedId(realm.organizations().create(wanted)));
            steps.changed(
                    "created Keycloak organization " + definition.slug(),
                    () -> realm.organizations().get(id).delete().close());
            return id;
        }
        OrganizationRepresentation current = found.get();
        if (!sameOrganisation(current, wanted)) {
            wanted.setId(current.getId());
            OrganizationResource resource = realm.organizations().get(current.getId());
            step("update organization", () -> expectSuccess("update organization", resource.update(wanted)));
            steps.changed(
                    "updated Keycloak organization " + definition.slug(),
                    () -> resource.update(current).close());
        }
        return current.getId();
    }

    private static boolean sameOrganisation(OrganizationRepresentation current, OrganizationRepresentation wanted) {
        return Objects.equals(current.getName(), wanted.getName())
                && Objects.equals(current.isEnabled(), wanted.isEnabled())
                && domains(current).equals(domains(wanted));
    }

    private static Set<String> domains(OrganizationRepresentation organisation) {
        return organisation.getDomains() == null
                ? Set.of()
                : organisation.getDomains().stream()
                        .map(OrganizationDomainRepresentation::getName)
                        .collect(Collectors.toSet());
    }
}
