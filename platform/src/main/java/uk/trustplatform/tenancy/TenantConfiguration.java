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

    /** Publishes what differs from what is in force; one line per change, none when it all matches. */
    List<String> apply(UUID tenantId, JsonNode configuration);
}
