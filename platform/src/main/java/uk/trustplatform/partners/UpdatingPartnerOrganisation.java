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
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;

/**
 * A tenant admin, or the organisation's own partner lead, changes its details. The caller sends
 * the version it read; if someone else saved in between, the change is refused, never merged.
 */
@Singleton
final class UpdatingPartnerOrganisation {

    private final PartnerOrganisations organisations;
    private final ReadingPartnerOrganisations reading;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;

    UpdatingPartnerOrganisation(
            PartnerOrganisations organisations,
            ReadingPartnerOrganisations reading,
            InForceConfiguration configuration,
            AuditTrail audit) {
        this.organisations = organisations;
        this.reading = reading;
        this.configuration = configuration;
        this.audit = audit;
    }

    PartnerOrganisationPayload update(Caller caller, UpdatePartnerOrganisation update) {
        String id = update.id();
        long version = update.version();
        PartnerOrganisationInput input = update.details();
        UUID tenantId = caller.requireTenant();
        Optional<PartnerOrganisation> found =
                GlobalId.decode(id, PartnerOrganisation.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
        if (found.isEmpty()) {
            return PartnerOrganisationPayload.refused(UserError.notFound("id", "partner organisation"));
        }
        PartnerOrganisation current = found.get();
        if (!PartnerOrganisationAccess.canChange(caller, reading.scope(caller), current)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only a tenant admin or the organisation's own partner lead may change it.");
        }
        if (current.version() != version) {
            return PartnerOrganisationPayload.refused(UserError.conflict("organisation", current.version(), version));
        }
        List<UserError> problems = new ArrayList<>(input.problems(configuration.partnerCategories()));
        UUID parent = input.parent().orElse(null);
        placementProblem(caller, current, parent).ifPresent(problems::add);
        standingProblem(caller, current, input).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return PartnerOrganisationPayload.refused(problems);
        }
        PartnerOrganisation changed = new PartnerOrganisation(
                current.id(),
                current.tenantId(),
                input.checkedName(),
                input.organisationIdentifier(),
                parent,
                input.category(),
                input.sector(),
                input.statutory(),
                current.version());
        PartnerOrganisation saved;
        try {
            saved = organisations.update(changed);
        } catch (OptimisticLockException raced) {
            return PartnerOrganisationPayload.refused(
                    UserError.conflict("organisation", current.version() + 1, version));
        }
        ReadingPartnerOrganisations.hierarchyChanged();
        audit.record(tenantId, "PartnerOrganisation.updated", PartnerOrganisation.TYPE, saved.id(), current, saved);
        return PartnerOrganisationPayload.saved(saved);
    }

    private Optional<UserError> placementProblem(Caller caller, PartnerOrganisation current, @Nullable UUID parent) {
        if (Objects.equals(parent, current.parentId())) {
            return Optional.empty();
        }
        if (!PartnerOrganisationAccess.decidesStanding(caller)) {
            return Optional.of(UserError.of(
                    Code.NOT_ALLOWED,
                    "Only a tenant admin may move an organisation in the hierarchy.",
                    "input",
                    "parentId"));
        }
        if (parent == null) {
            return Optional.empty();
        }
        if (reading.visible(caller, parent).isEmpty()) {
            return Optional.of(PartnerOrganisationInput.parentNotFound());
        }
        if (organisations.ancestry(caller.requireTenant(), parent).contains(current.id())) {
            return Optional.of(UserError.of(
                    Code.NOT_ALLOWED,
                    "An organisation cannot sit under itself or one of its own services.",
                    "input",
                    "parentId"));
        }
        return Optional.empty();
    }

    private static Optional<UserError> standingProblem(
            Caller caller, PartnerOrganisation current, PartnerOrganisationInput input) {
        boolean changes =
                !Objects.equals(current.category(), input.category()) || current.statutory() != input.statutory();
        if (!changes || PartnerOrganisationAccess.decidesStanding(caller)) {
            return Optional.empty();
        }
        return Optional.of(UserError.of(
                Code.NOT_ALLOWED,
                "A partner's category and statutory status are the tenant admin's to change.",
                "input",
                Objects.equals(current.category(), input.category()) ? "statutory" : "category"));
    }
}
