package uk.trustplatform.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.UUID;

/** A council's children's partnership using the platform. */
@MappedEntity("tenant")
public record Tenant(
        @Id UUID id,
        String slug,
        String name,
        TenantKind kind,
        Region region,
        TenantStatus status,
        @Version long version) {

    static final String TYPE = "Tenant";
}
