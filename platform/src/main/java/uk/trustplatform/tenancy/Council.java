package uk.trustplatform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/**
 * A council a partnership covers, by ONS GSS code, for the dates the code applied. Reorganised
 * councils keep their record; their successors name them as predecessor.
 */
@MappedEntity(value = "tenant_council", namingStrategy = ColumnNames.class)
public record Council(
        @Id UUID id,
        UUID tenantId,
        String gssCode,
        String name,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String predecessorGssCode) {}
