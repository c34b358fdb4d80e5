package uk.trustplatform.partners;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;

/** A tenant admin keeps the partnership's governance bodies and who sits on them. */
@Singleton
final class KeepingGovernanceBodies {

    /** A body as saved, or why nothing was. */
    record Outcome(@Nullable GovernanceBody governanceBody, List<UserError> userErrors) {

        static Outcome refused(UserError problem) {
            return new Outcome(null, List.of(problem));
        }
    }

    private final GovernanceBodies bodies;
    private final GovernanceMemberships memberships;
    private final ReadingGovernanceBodies reading;
    private final ReadingPartnerOrganisations organisations;
    private final ReadingPartnerPeople people;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;

    KeepingGovernanceBodies(
            GovernanceBodies bodies,
            GovernanceMemberships memberships,
            ReadingGovernanceBodies reading,
            ReadingPartnerOrganisations organisations,
            ReadingPartnerPeople people,
            InForceConfiguration configuration,
            AuditTrail audit) {
        this.bodies = bodies;
        this.memberships = memberships;
        this.reading = reading;
        this.organisations = organisations;
        this.people = people;
        this.configuration = configuration;
        this.audit = audit;
    }

    Outcome save(Caller caller, SaveGovernanceBody sent) {
        UUID tenantId = requireAdmin(caller);
        GovernanceBody current = null;
        if (sent.id() != null) {
            current = body(caller, sent.id()).orElse(null);
            if (current == null) {
                return Outcome.refused(UserError.notFound("id", "governance body"));
            }
            if (sent.version() != current.version()) {
                return Outcome.refused(UserError.conflict("body", current.version(), sent.version()));
            }
        }
        UUID self = current == null ? UUID.randomUUID() : current.id();
        String name = sent.name();
        String type = sent.type();
        String parentId = sent.parentId();
        List<UserError> problems = new ArrayList<>();
        Inputs.required(problems, "name", name, 200, "Give the body a name.");
        if (name != null && bodies.nameTaken(tenantId, name, self)) {
            problems.add(
                    UserError.of(Code.NOT_ALLOWED, "Another body is already called " + name + ".", "input", "name"));
        }
        Inputs.required(problems, "type", type, 40, "Say what kind of body it is.");
        Inputs.code(problems, "type", type, configuration.governanceBodyTypes(), "governance body types");
        UUID parent = null;
        if (parentId != null) {
            parent = body(caller, parentId).map(GovernanceBody::id).orElse(null);
            if (parent == null) {
                problems.add(UserError.notFound("parentId", "governance body"));
            } else if (bodies.chain(tenantId, parent).contains(self)) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "A body cannot report to itself or to a body that reports to it.",
                        "input",
                        "parentId"));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        GovernanceBody wanted = new GovernanceBody(
                self,
                tenantId.toString(),
                Objects.requireNonNull(name, "the check refuses a body without a name"),
                Objects.requireNonNull(type, "the check refuses a body without a type"),
                parent,
                current == null ? 0 : current.version());
        try {
            GovernanceBody saved = current == null ? bodies.save(wanted) : bodies.update(wanted);
            audit.record(
                    tenantId,
                    current == null ? "GovernanceBody.created" : "GovernanceBody.changed",
                    GovernanceBody.TYPE,
                    saved.id(),
                    current,
                    saved);
            return new Outcome(saved, List.of());
        } catch (OptimisticLockException raced) {
            GovernanceBody changed = Objects.requireNonNull(current, "only an update checks the version it replaces");
            return Outcome.refused(UserError.conflict("body", changed.version() + 1, changed.version()));
        }
    }

    Outcome addMembership(Caller caller, AddGovernanceMembership membership) {
        UUID tenantId = requireAdmin(caller);
        Optional<GovernanceBody> body = body(caller, membership.governanceBodyId());
        if (body.isEmpty()) {
            return Outcome.refused(UserError.notFound("governanceBodyId", "governance body"));
        }
        Optional<PartnerOrganisation> organisation = GlobalId.decode(
                        membership.partnerOrganisationId(), PartnerOrganisation.TYPE)
                .flatMap(id -> organisations.visible(caller, id));
        if (organisation.isEmpty()) {
            return Outcome.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        UUID organisationId = organisation.get().id();
        UUID person = null;
        String personId = membership.personId();
        if (personId != null) {
            Optional<PartnerPerson> found =
                    GlobalId.decode(personId, PartnerPerson.TYPE).flatMap(id -> people.visible(caller, id));
            boolean ofOrganisation = found.isPresent()
                    && organisations
                            .subtree(tenantId, organisationId)
                            .contains(found.get().partnerOrganisationId());
            if (!ofOrganisation) {
                return Outcome.refused(UserError.of(
                        Code.NOT_FOUND, "No person of that organisation has this id.", "input", "personId"));
            }
            person = found.get().id();
        }
        String role = membership.role();
        List<UserError> problems = new ArrayList<>();
        Inputs.optional(problems, "role", role, 100);
        boolean seated = person == null
                ? memberships.existsByGovernanceBodyIdAndPartnerOrganisationIdAndPartnerPersonIdIsNull(
                        body.get().id(), organisationId)
                : memberships.existsByGovernanceBodyIdAndPartnerOrganisationIdAndPartnerPersonId(
                        body.get().id(), organisationId, person);
        if (seated) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "This organisation already sits on the body in that way.",
                    "input",
                    "partnerOrganisationId"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        GovernanceMembership saved = memberships.save(new GovernanceMembership(
                UUID.randomUUID(), tenantId.toString(), body.get().id(), organisationId, person, role));
        audit.record(tenantId, "GovernanceMembership.added", GovernanceMembership.TYPE, saved.id(), null, saved);
        return new Outcome(body.get(), List.of());
    }

    Outcome removeMembership(Caller caller, String id) {
        UUID tenantId = requireAdmin(caller);
        Optional<GovernanceMembership> found =
                GlobalId.decode(id, GovernanceMembership.TYPE).flatMap(memberships::findById);
        if (found.isEmpty()) {
            return Outcome.refused(UserError.notFound("id", "membership"));
        }
        memberships.delete(found.get());
        audit.record(
                tenantId,
                "GovernanceMembership.removed",
                GovernanceMembership.TYPE,
                found.get().id(),
                found.get(),
                null);
        return new Outcome(bodies.findById(found.get().governanceBodyId()).orElseThrow(), List.of());
    }

    private Optional<GovernanceBody> body(Caller caller, String id) {
        return GlobalId.decode(id, GovernanceBody.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
    }

    private static UUID requireAdmin(Caller caller) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may keep the governance bodies.");
        }
        return tenantId;
    }
}
