package uk.trustplatform.partners;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;

/** What a partner organisation mutation returns: the saved organisation, or why nothing was saved. */
record PartnerOrganisationPayload(@Nullable PartnerOrganisation partnerOrganisation, List<UserError> userErrors) {

    static PartnerOrganisationPayload saved(PartnerOrganisation organisation) {
        return new PartnerOrganisationPayload(organisation, List.of());
    }

    static PartnerOrganisationPayload refused(List<UserError> problems) {
        return new PartnerOrganisationPayload(null, problems);
    }

    static PartnerOrganisationPayload refused(UserError problem) {
        return refused(List.of(problem));
    }
}
