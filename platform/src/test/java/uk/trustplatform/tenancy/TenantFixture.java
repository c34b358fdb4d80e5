package uk.trustplatform.tenancy;

import java.time.LocalDate;
import java.util.UUID;

/** Tenants as the seeds describe them, for tests to arrange. */
final class TenantFixture {

    private final Tenants tenants;
    private final Councils councils;
    private final TenantTransactions transactions;

    TenantFixture(Tenants tenants, Councils councils, TenantTransactions transactions) {
        this.tenants = tenants;
        this.councils = councils;
        this.transactions = transactions;
    }

    /** Cumbria's 2011–14 Children's Trust: one county council, replaced in 2023 by two unitaries. */
    Tenant cumbriaWithSuccessors(String slug) {
        return transactions.inTenant(null, true, () -> registerCumbria(slug));
    }

    private Tenant registerCumbria(String slug) {
        Tenant tenant = tenants.save(new Tenant(
                UUID.randomUUID(),
                slug,
                "Cumbria Children's Trust (" + slug + ")",
                TenantKind.CHILDRENS_TRUST,
                Region.NORTH_WEST,
                TenantStatus.ACTIVE,
                0));
        council(tenant, "E10000006", "Cumbria County Council", null, LocalDate.of(2023, 3, 31), null);
        council(tenant, "E06000063", "Cumberland", LocalDate.of(2023, 4, 1), null, "E10000006");
        council(tenant, "E06000064", "Westmorland and Furness", LocalDate.of(2023, 4, 1), null, "E10000006");
        return tenant;
    }

    private void council(Tenant tenant, String gss, String name, LocalDate from, LocalDate to, String predecessor) {
        councils.save(new Council(UUID.randomUUID(), tenant.id(), gss, name, from, to, predecessor));
    }
}
