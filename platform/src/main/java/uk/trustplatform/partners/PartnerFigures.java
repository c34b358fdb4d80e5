package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * A top-level partner's counts over its whole hierarchy (its services and teams included): the
 * figures behind the board's gaps and the tenant's benchmark indicators.
 *
 * @param category the partner's category code; null when it has none
 */
public record PartnerFigures(
        UUID partnerOrganisationId, @Nullable String category, int strategicLeads, int champions) {}
