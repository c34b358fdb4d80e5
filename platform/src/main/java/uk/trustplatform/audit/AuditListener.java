package uk.trustplatform.audit;

import java.util.UUID;

/**
 * Told of every change the audit trail records, in the same transaction: for features that keep
 * something derived from other features' data up to date (benchmark indicators).
 */
public interface AuditListener {

    /**
     * @param entityType the GraphQL type of what changed, for example {@code Action}
     */
    void recorded(UUID tenantId, String action, String entityType);
}
