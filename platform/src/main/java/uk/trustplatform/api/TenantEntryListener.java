package uk.trustplatform.api;

/**
 * Told when a request's transaction has been bound to its tenant, before any of the request's
 * work; the audit feature records a platform operator's reach into a tenant here.
 */
public interface TenantEntryListener {

    void entered(RequestContext request, String operation);
}
