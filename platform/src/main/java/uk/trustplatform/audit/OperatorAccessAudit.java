package uk.trustplatform.audit;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.TenantEntryListener;

/** Every request in which a platform operator reaches into a tenant leaves an entry in that tenant's trail. */
@Singleton
final class OperatorAccessAudit implements TenantEntryListener {

    static final String ACTION = "PlatformOperator.accessed";
    private final AuditTrail trail;

    OperatorAccessAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void entered(RequestContext request, String operation) {
        Caller caller = request.caller();
        if (caller.operatorNamedTenant()) {
            trail.record(
                    Objects.requireNonNull(caller.tenantId(), "an operator who names a tenant acts in it"),
                    ACTION,
                    "Operation",
                    null,
                    null,
                    Map.of("operation", operation));
        }
    }
}
