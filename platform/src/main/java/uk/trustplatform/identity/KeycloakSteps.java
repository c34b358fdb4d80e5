package uk.trustplatform.identity;

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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.TenantIdentities.IdentityStepFailed;

/**
 * A run of changes to Keycloak, each a named step that pushes its undo: a failure part-way is
 * reported with the step's name, and {@link #undo()} puts Keycloak back as it was.
 */
final class KeycloakSteps {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakSteps.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A person's account as the run left it. */
    record Account(String userId, String username, @Nullable String temporaryPassword, boolean invitationSent) {}

    /** Who an account is for; {@code attributes} are set only on an account this run creates. */
    record Person(String email, String firstName, String lastName, Map<String, List<String>> attributes) {}

    private final RealmResource realm;
    private final List<String> changes = new ArrayList<>();
    private final Deque<Runnable> undos = new ArrayDeque<>();

    KeycloakSteps(RealmResource realm) {
        this.realm = realm;
    }

    RealmResource realm() {
        return realm;
    }

    List<String> changes() {
        return List.copyOf(changes);
    }

    /** Records a change made, with how to undo it. */
    void changed(String change, Runnable undo) {
        undos.push(undo);
        changes.add(change);
    }

    /** The account with this email, if there is one. */
    Optional<UserRepresentation> findAccount(String role, String email) {
        return step(
                "find " + role + " account",
                () -> realm.users().searchByEmail(email.toLowerCase(Locale.ROOT), true).stream()
                        .findFirst());
    }

    /**
     * The person's account, created if there is none: with an invitation email to set their own
     * password in production, or a generated password (returned once) in development.
     *
     * @param role how the account is named in step names and changes, e.g. "tenant admin"
     */
    Account account(String role, Person person, boolean invite) {
        String email = person.email().toLowerCase(Locale.ROOT);
        Optional<UserRepresentation> found = findAccount(role, email);
        if (found.isPresent()) {
            return new Account(found.get().getId(), email, null, false);
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEnabled(true);
        user.setEmailVerified(!invite);
        user.setAttributes(person.attributes());
        String userId = step(
                "create " + role + " account",
                () -> CreatedResponseUtil.getCreatedId(realm.users().create(user)));
        changed(
                "created " + role + " account " + email,
                () -> realm.users().get(userId).remove());
        if (invite) {
            step("send the " + role + " an invitation", () -> {
                realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
                return null;
            });
            return new Account(userId, email, null, true);
        }
        String password = generatedPassword();
        step("set the " + role + "'s password", () -> {
            realm.users().get(userId).resetPassword(credential(password));
            return null;
        });
        return new Account(userId, email, password, false);
    }

    /** Grants a realm role unless the account already has it. */
    void grant(String userId, Role role, String email) {
        Set<String> roles = step(
                "read the account's roles",
                () -> realm.users().get(userId).roles().realmLevel().listEffective().stream()
                        .map(RoleRepresentation::getName)
                        .collect(Collectors.toSet()));
        if (roles.contains(role.tokenName())) {
            return;
        }
        RoleRepresentation representation = step(
                "find the " + role.tokenName() + " role",
                () -> realm.roles().get(role.tokenName()).toRepresentation());
        step("grant the " + role.tokenName() + " role", () -> {
            realm.users().get(userId).roles().realmLevel().add(List.of(representation));
            return null;
        });
        changed(
                "granted " + role.tokenName() + " to " + email,
                () -> realm.users().get(userId).roles().realmLevel().remove(List.of(representation)));
    }

    /** Makes the account a member of the organization unless it already is. */
    void join(String userId, String organisation, String email) {
        OrganizationResource resource = realm.organizations().get(organisation);
        boolean member = step(
                "read the organization's members",
                () -> resource.members().search(email, true, null, null).stream()
                        .anyMatch(m -> m.getId().equals(userId)));
        if (member) {
            return;
        }
        step(
                "add the account to the organization",
                () -> expectSuccess("add member", resource.members().addMember(userId)));
        changed(
                "added " + email + " to the organization",
                () -> resource.members().member(userId).delete().close());
    }

    /** Undoes every change of the run, newest first; an undo that fails is logged and the rest still run. */
    void undo() {
        while (!undos.isEmpty()) {
            try {
                undos.pop().run();
            } catch (RuntimeException e) {
                LOG.error("Could not undo a step in Keycloak; check the realm by hand", e);
            }
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

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
