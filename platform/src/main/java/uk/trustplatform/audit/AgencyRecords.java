package uk.trustplatform.audit;

import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.Caller;

/**
 * Which records are one agency's, for a partner lead who reads only its own agency's part of the
 * audit trail. Implemented by each feature that keeps agencies' records: those features record
 * into the trail, so the trail cannot call them.
 */
public interface AgencyRecords {

    /**
     * The ids of this feature's records that belong to the organisations the caller speaks for
     * (its agency and the services below it): an entry is the agency's when it is about one of
     * them, or when its state names one of them as its organisation or plan.
     */
    Set<UUID> of(Caller caller);
}
