package uk.trustplatform.api;

import java.util.function.Supplier;

/**
 * Where one GraphQL operation runs: one database transaction, isolated to the caller's tenant.
 * The tenancy feature provides it.
 */
public interface RequestScope {

    /** Runs the whole operation in one transaction for the caller's tenant (or none). */
    <T> T execute(RequestContext request, String operation, Supplier<T> work);

    /** Runs one mutation field so that, if it fails, its writes are undone and the others' kept. */
    <T> T atomically(Supplier<T> mutation);
}
