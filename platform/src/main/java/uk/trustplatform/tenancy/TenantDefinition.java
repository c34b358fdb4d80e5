package uk.trustplatform.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * A council's partnership as a platform operator onboards it, read from
 * {@code tenants/<slug>/tenant.yaml} and checked against {@code tenants/tenant.schema.json}. Its
 * {@code configuration} section (strategy, standards, template, charter, pledge, vocabularies) is
 * kept as read and handed to {@link TenantConfiguration}.
 */
public record TenantDefinition(
        String slug,
        String name,
        TenantKind kind,
        Region region,
        List<CouncilDefinition> councils,
        List<String> emailDomains,
        AdminDefinition admin,
        @Nullable JsonNode configuration) {

    public TenantDefinition {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
        councils = List.copyOf(councils);
    }

    /** A council the partnership covers, by GSS code, with the dates the code applied. */
    public record CouncilDefinition(
            String gssCode,
            String name,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String predecessorGssCode) {}

    /** The first tenant admin. */
    public record AdminDefinition(String email, String firstName, String lastName) {}
}
