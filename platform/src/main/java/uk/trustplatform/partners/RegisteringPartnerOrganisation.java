package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;

/** A tenant admin adds an organisation to the partner hierarchy; a partner lead adds a service below its own. */
@Singleton
final class RegisteringPartnerOrganisation {

    private final PartnerOrganisations organisations;
    private final ReadingPartnerOrganisations reading;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;

    RegisteringPartnerOrganisation(
            PartnerOrganisations organisations,
            ReadingPartnerOrganisations reading,
            InForceConfiguration configuration,
            AuditTrail audit) {
        this.organisations = organisations;
        this.reading = reading;
        this.configuration = configuration;
        this.audit = audit;
    }

    PartnerOrganisationPayload register(Caller caller, PartnerOrganisationInput input) {
        UUID tenantId = caller.requireTenant();
        PartnerScope scope = reading.scope(caller);
        PartnerOrganisation parent =
                input.parent().flatMap(id -> reading.visible(caller, id)).orElse(null);
        if (!PartnerOrganisationAccess.canRegisterUnder(caller, scope, parent)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin may register partner organisations; a partner lead adds services below their own.");
        }
        List<UserError> problems = new ArrayList<>(input.problems(configuration.partnerCategories()));
        if (input.parentId() != null && parent == null && input.parent().isPresent()) {
            problems.add(PartnerOrganisationInput.parentNotFound());
        }
        boolean standing = input.category() != null || input.statutory();
        if (standing && !PartnerOrganisationAccess.decidesStanding(caller)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "A partner's category and statutory status are the tenant admin's to set.",
                    "input",
                    input.category() != null ? "category" : "statutory"));
        }
        if (!problems.isEmpty()) {
            return PartnerOrganisationPayload.refused(problems);
        }
        PartnerOrganisation saved = organisations.save(new PartnerOrganisation(
                UUID.randomUUID(),
                tenantId.toString(),
                input.checkedName(),
                input.organisationIdentifier(),
                parent == null ? null : parent.id(),
                input.category(),
                input.sector(),
                input.statutory(),
                0));
        ReadingPartnerOrganisations.hierarchyChanged();
        audit.record(tenantId, "PartnerOrganisation.registered", PartnerOrganisation.TYPE, saved.id(), null, saved);
        return PartnerOrganisationPayload.saved(saved);
    }
}
