package uk.trustplatform.pledges;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The pledge register's figures for the features built on it (benchmarking). */
@Singleton
public final class PledgeFigures {

    private final PledgeRegistrations registrations;

    PledgeFigures(PledgeRegistrations registrations) {
        this.registrations = registrations;
    }

    /** The organisations of the current transaction's tenant with a current pledge on {@code day}. */
    public Set<UUID> pledgedOn(UUID tenantId, LocalDate day) {
        return registrations.current(tenantId, day).stream()
                .map(PledgeRegistration::partnerOrganisationId)
                .collect(Collectors.toSet());
    }
}
