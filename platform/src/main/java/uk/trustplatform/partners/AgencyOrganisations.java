package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.audit.AgencyRecords;

/** An agency's organisations for its part of the audit trail: itself and the services below it (their people name them). */
@Singleton
final class AgencyOrganisations implements AgencyRecords {

    private final ReadingPartnerOrganisations reading;

    AgencyOrganisations(ReadingPartnerOrganisations reading) {
        this.reading = reading;
    }

    @Override
    public Set<UUID> of(Caller caller) {
        PartnerScope scope = reading.scope(caller);
        return scope.wholeTenant()
                ? Set.of()
                : Objects.requireNonNull(
                        scope.organisations(), "a scope short of the whole tenant lists its organisations");
    }
}
