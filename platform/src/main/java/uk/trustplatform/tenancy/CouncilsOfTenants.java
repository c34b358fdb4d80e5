package uk.trustplatform.tenancy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.trustplatform.api.PerRequestLoader;

/** Loads the councils of many tenants in one query. */
@Singleton
final class CouncilsOfTenants implements PerRequestLoader<UUID, List<Council>> {

    static final String NAME = "councilsOfTenants";
    private final Councils councils;

    CouncilsOfTenants(Councils councils) {
        this.councils = councils;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<UUID, List<Council>> loadAll(Set<UUID> tenantIds) {
        return councils.findByTenantIdInOrderByGssCode(tenantIds).stream()
                .collect(Collectors.groupingBy(Council::tenantId));
    }
}
