package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.UserError;
import uk.trustplatform.audit.AuditTrail;

/** A tenant admin adds an organisation to the tenant's partner hierarchy. */
@Singleton
final class RegisteringPartnerOrganisation {

    private final PartnerOrganisations organisations;
    private final ReadingPartnerOrganisations reading;
    private final AuditTrail audit;

    RegisteringPartnerOrganisation(
            PartnerOrganisations organisations, ReadingPartnerOrganisations reading, AuditTrail audit) {
        this.organisations = organisations;
        this.reading = reading;
        this.audit = audit;
    }

    PartnerOrganisationPayload register(Caller caller, PartnerOrganisationInput input) {
        UUID tenantId = caller.requireTenant();
        if (!PartnerOrganisationAccess.canRegister(caller)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may register partner organisations.");
        }
        List<UserError> problems = new ArrayList<>(input.problems());
        UUID parent = input.parent().orElse(null);
        if (parent != null && reading.visible(caller, parent).isEmpty()) {
            problems.add(PartnerOrganisationInput.parentNotFound());
        }
        if (!problems.isEmpty()) {
            return PartnerOrganisationPayload.refused(problems);
        }
        PartnerOrganisation saved = organisations.save(new PartnerOrganisation(
                UUID.randomUUID(), tenantId.toString(), input.name(), input.organisationIdentifier(), parent, 0));
        audit.record(tenantId, "PartnerOrganisation.registered", PartnerOrganisation.TYPE, saved.id(), null, saved);
        return PartnerOrganisationPayload.saved(saved);
    }
}
