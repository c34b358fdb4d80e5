package uk.trustplatform.tenancy;

/** What sort of partnership a tenant is. */
public enum TenantKind {
    CHILDRENS_TRUST,
    STRATEGIC_PARTNERSHIP,
    SAFEGUARDING_PARTNERSHIP
}
