package uk.trustplatform.identity;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakTenantIdentities.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeycloakRealm keycloak;

    KeycloakTenantIdentities(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Reconciled reconcile(TenantDefinition definition, boolean enabled) {
        Steps steps = new Steps(keycloak);
        try {
            String organisation = steps.organisation(definition, enabled);
            AdminAccount admin = steps.admin(
                    definition.admin(), organisation, keycloak.settings().invitesNewAdmins());
            return new Reconciled(List.copyOf(steps.changes), admin, steps::undo);
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

    /** One reconciliation: the changes made so far and how to undo them, newest first. */
    private static final class Steps {
        private final KeycloakRealm keycloak;
        private final RealmResource realm;
        private final List<String> changes = new ArrayList<>();
        private final Deque<Runnable> undos = new ArrayDeque<>();

        Steps(KeycloakRealm keycloak) {
            this.keycloak = keycloak;
            this.realm = keycloak.realm();
        }

        String organisation(TenantDefinition definition, boolean enabled) {
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
                        () -> CreatedResponseUtil.getCreatedId(
                                realm.organizations().create(wanted)));
                undos.push(() -> realm.organizations().get(id).delete().close());
                changes.add("created Keycloak organization " + definition.slug());
                return id;
            }
            OrganizationRepresentation current = found.get();
            if (!sameOrganisation(current, wanted)) {
                wanted.setId(current.getId());
                OrganizationResource resource = realm.organizations().get(current.getId());
                step("update organization", () -> expectSuccess("update organization", resource.update(wanted)));
                undos.push(() -> resource.update(current).close());
                changes.add("updated Keycloak organization " + definition.slug());
            }
            return current.getId();
        }

        AdminAccount admin(TenantDefinition.AdminDefinition admin, String organisation, boolean invite) {
            String email = admin.email().toLowerCase(Locale.ROOT);
            Optional<UserRepresentation> found = step(
                    "find tenant admin account",
                    () -> realm.users().searchByEmail(email, true).stream().findFirst());
            String password = null;
            String userId;
            if (found.isPresent()) {
                userId = found.get().getId();
            } else {
                UserRepresentation user = new UserRepresentation();
                user.setUsername(email);
                user.setEmail(email);
                user.setFirstName(admin.firstName());
                user.setLastName(admin.lastName());
                user.setEnabled(true);
                user.setEmailVerified(!invite);
                userId = step(
                        "create tenant admin account",
                        () -> CreatedResponseUtil.getCreatedId(realm.users().create(user)));
                undos.push(() -> realm.users().get(userId).remove());
                changes.add("created tenant admin account " + email);
                if (invite) {
                    step("send the tenant admin an invitation", () -> {
                        realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
                        return null;
                    });
                } else {
                    password = generatedPassword();
                    String chosen = password;
                    step("set the tenant admin's password", () -> {
                        realm.users().get(userId).resetPassword(credential(chosen));
                        return null;
                    });
                }
            }
            grantTenantAdmin(userId, email);
            joinOrganisation(userId, organisation, email);
            return new AdminAccount(email, password, found.isEmpty() && invite);
        }

        private void grantTenantAdmin(String userId, String email) {
            Set<String> roles = step(
                    "read the admin's roles",
                    () -> realm.users().get(userId).roles().realmLevel().listEffective().stream()
                            .map(RoleRepresentation::getName)
                            .collect(Collectors.toSet()));
            if (roles.contains(Role.TENANT_ADMIN.tokenName())) {
                return;
            }
            RoleRepresentation role = step(
                    "find the tenant-admin role",
                    () -> realm.roles().get(Role.TENANT_ADMIN.tokenName()).toRepresentation());
            step("grant the tenant-admin role", () -> {
                realm.users().get(userId).roles().realmLevel().add(List.of(role));
                return null;
            });
            undos.push(() -> realm.users().get(userId).roles().realmLevel().remove(List.of(role)));
            changes.add("granted tenant-admin to " + email);
        }

        private void joinOrganisation(String userId, String organisation, String email) {
            OrganizationResource resource = realm.organizations().get(organisation);
            boolean member = step(
                    "read the organization's members",
                    () -> resource.members().search(email, true, null, null).stream()
                            .anyMatch(m -> m.getId().equals(userId)));
            if (member) {
                return;
            }
            step(
                    "add the admin to the organization",
                    () -> expectSuccess("add member", resource.members().addMember(userId)));
            undos.push(() -> resource.members().member(userId).delete().close());
            changes.add("added " + email + " to the organization");
        }

        void undo() {
            while (!undos.isEmpty()) {
                try {
                    undos.pop().run();
                } catch (RuntimeException e) {
                    LOG.error("Could not undo an onboarding step in Keycloak; check the realm by hand", e);
                }
            }
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

    /** Runs one step, turning Keycloak's refusal into a failure that names the step. */
    static <T> T step(String name, Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException refused) {
            throw new IdentityStepFailed(
                    name,
                    "Keycloak answered " + refused.getResponse().getStatus() + " "
                            + refused.getResponse().getStatusInfo().getReasonPhrase() + errorOf(refused.getResponse()),
                    refused);
        } catch (ProcessingException unreachable) {
            throw new IdentityStepFailed(
                    name, "Keycloak could not be reached: " + unreachable.getMessage(), unreachable);
        }
    }

    static Void expectSuccess(String name, Response response) {
        try (response) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new WebApplicationException(response);
            }
            return null;
        }
    }

    private static String errorOf(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body.containsKey("errorMessage") ? body.get("errorMessage") : body.get("error");
            return message == null ? "" : " (" + message + ")";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static CredentialRepresentation credential(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        return credential;
    }

    static String generatedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
