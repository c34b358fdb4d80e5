package uk.trustplatform.partners;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * Adding, changing and removing the people of partner organisations, and inviting one to sign in
 * as the organisation's partner lead. Tenant admins keep anyone's; a partner lead keeps the people
 * of its organisation and of the services below it.
 */
@Singleton
final class KeepingPartnerPeople {

    /** What a change to a person returns: the person as saved, or why nothing was. */
    record Saved(@Nullable PartnerPerson partnerPerson, List<UserError> userErrors) {

        static Saved refused(UserError problem) {
            return new Saved(null, List.of(problem));
        }
    }

    record Removed(@Nullable String removedId, List<UserError> userErrors) {}

    record Invited(
            @Nullable PartnerPerson partnerPerson,
            @Nullable String username,
            @Nullable String temporaryPassword,
            boolean invitationSent,
            List<UserError> userErrors) {

        static Invited refused(UserError problem) {
            return new Invited(null, null, null, false, List.of(problem));
        }
    }

    private final PartnerPeople people;
    private final ReadingPartnerPeople reading;
    private final ReadingPartnerOrganisations organisations;
    private final PartnerLeadAccounts accounts;
    private final AuditTrail audit;
    private final LondonClock clock;

    KeepingPartnerPeople(
            PartnerPeople people,
            ReadingPartnerPeople reading,
            ReadingPartnerOrganisations organisations,
            PartnerLeadAccounts accounts,
            AuditTrail audit,
            LondonClock clock) {
        this.clock = clock;
        this.people = people;
        this.reading = reading;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    Saved save(Caller caller, SavePartnerPerson person) {
        caller.requireTenant();
        String id = person.id();
        return id == null ? add(caller, person) : change(caller, id, person);
    }

    private Saved add(Caller caller, SavePartnerPerson person) {
        Optional<PartnerOrganisation> organisation = GlobalId.decode(
                        person.partnerOrganisationId(), PartnerOrganisation.TYPE)
                .flatMap(id -> organisations.visible(caller, id));
        if (organisation.isEmpty()) {
            return Saved.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireKeeper(caller, organisation.get().id());
        PartnerPersonInput details = person.details();
        List<UserError> problems = details.problems();
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        PartnerPerson saved = people.save(new PartnerPerson(
                UUID.randomUUID(),
                caller.requireTenant().toString(),
                organisation.get().id(),
                details.checkedName(),
                details.jobTitle(),
                details.email(),
                details.telephone(),
                details.roleNames(),
                null,
                0));
        audit.record(caller.requireTenant(), "PartnerPerson.added", PartnerPerson.TYPE, saved.id(), null, saved);
        return new Saved(saved, List.of());
    }

    private Saved change(Caller caller, String id, SavePartnerPerson person) {
        Optional<PartnerPerson> found = find(caller, id);
        if (found.isEmpty()) {
            return Saved.refused(UserError.notFound("id", "person"));
        }
        PartnerPerson current = found.get();
        requireKeeper(caller, current.partnerOrganisationId());
        if (person.version() != current.version()) {
            return Saved.refused(UserError.conflict("person", current.version(), person.version()));
        }
        PartnerPersonInput details = person.details();
        List<UserError> problems = details.problems();
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        PartnerPerson changed = new PartnerPerson(
                current.id(),
                current.tenantId(),
                current.partnerOrganisationId(),
                details.checkedName(),
                details.jobTitle(),
                details.email(),
                details.telephone(),
                details.roleNames(),
                current.invitedAt(),
                current.version());
        try {
            PartnerPerson saved = people.update(changed);
            audit.record(
                    caller.requireTenant(), "PartnerPerson.changed", PartnerPerson.TYPE, saved.id(), current, saved);
            return new Saved(saved, List.of());
        } catch (OptimisticLockException raced) {
            return Saved.refused(UserError.conflict("person", current.version() + 1, person.version()));
        }
    }

    Removed remove(Caller caller, String id, long version) {
        caller.requireTenant();
        Optional<PartnerPerson> found = find(caller, id);
        if (found.isEmpty()) {
            return new Removed(null, List.of(UserError.notFound("id", "person")));
        }
        PartnerPerson current = found.get();
        requireKeeper(caller, current.partnerOrganisationId());
        if (current.version() != version) {
            return new Removed(null, List.of(UserError.conflict("person", current.version(), version)));
        }
        people.delete(current);
        audit.record(caller.requireTenant(), "PartnerPerson.removed", PartnerPerson.TYPE, current.id(), current, null);
        return new Removed(id, List.of());
    }

    Invited invite(Caller caller, String personId) {
        caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may invite partner leads.");
        }
        Optional<PartnerPerson> found = find(caller, personId);
        if (found.isEmpty()) {
            return Invited.refused(UserError.notFound("personId", "person"));
        }
        PartnerPerson person = found.get();
        if (person.email() == null) {
            return Invited.refused(UserError.of(
                    Code.REQUIRED,
                    "Give " + person.name() + " a work email before inviting them.",
                    "input",
                    "personId"));
        }
        PartnerLeadAccounts.Invitation invitation = accounts.invite(
                caller.requireTenantSlug(), person.partnerOrganisationId(), person.email(), person.name());
        if (invitation.refusal() != null) {
            return Invited.refused(UserError.of(Code.NOT_ALLOWED, invitation.refusal(), "input", "personId"));
        }
        String username = Objects.requireNonNull(invitation.username(), "an invitation not refused names the sign-in");
        PartnerPerson invited = people.update(person.invited(clock.now()));
        audit.record(
                caller.requireTenant(),
                "PartnerPerson.invitedAsPartnerLead",
                PartnerPerson.TYPE,
                person.id(),
                null,
                Map.of("username", username, "partnerOrganisationId", person.partnerOrganisationId()));
        return new Invited(invited, username, invitation.temporaryPassword(), invitation.invitationSent(), List.of());
    }

    private Optional<PartnerPerson> find(Caller caller, String id) {
        return GlobalId.decode(id, PartnerPerson.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
    }

    private void requireKeeper(Caller caller, UUID organisation) {
        if (!PartnerOrganisationAccess.keeps(caller, organisations.scope(caller), organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may keep its people.");
        }
    }
}
