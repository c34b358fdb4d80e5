package uk.trustplatform.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.UserError;

/**
 * The {@code configuration} section of a tenant definition: checked with the rest of the
 * definition, applied in the same transaction when the tenant is onboarded. The configuration
 * feature provides it.
 */
public interface TenantConfiguration {

    /** Every problem of the section, with paths from {@code definition.configuration}. */
    List<UserError> check(JsonNode configuration);

    /**
     * Publishes what the definition writes and differs from what is in force, and copies the
     * starter kits it names as drafts the tenant has not got yet; one line per change, none when
     * it all matches.
     *
     * @param partnership the tenant's name, which a kit's copy takes where the kit names the partnership
     */
    List<String> apply(UUID tenantId, String partnership, JsonNode configuration);
}
