package uk.trustplatform.tenancy;

/** Where a tenant is in its life on the platform. */
public enum TenantStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    ARCHIVED
}
