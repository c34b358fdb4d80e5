package uk.trustplatform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.Role;

/**
 * Records who changed what, when, in which tenant, with the state before and after. Entries are
 * written in the same transaction as the change, so there is never a change without its entry,
 * and the runtime role may only append (migration V4 revokes UPDATE and DELETE).
 */
@Singleton
public final class AuditTrail {

    private final AuditEvents events;
    private final ObjectMapper json;

    AuditTrail(AuditEvents events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * Appends an entry in the current tenant for the current request's caller.
     *
     * @param action what happened, for example {@code PartnerOrganisation.updated}
     * @param before the state before, or null for a creation
     * @param after the state after, or null for a deletion
     */
    public void record(
            UUID tenantId,
            String action,
            String entityType,
            @Nullable UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {
        RequestContext request = RequestContext.current().orElse(null);
        Caller caller = request == null ? null : request.caller();
        events.append(
                tenantId,
                UUID.randomUUID(),
                actor(caller),
                caller == null ? null : caller.name(),
                caller == null
                        ? ""
                        : caller.roles().stream().map(Role::tokenName).sorted().collect(Collectors.joining(",")),
                action,
                entityType,
                entityId,
                toJson(before),
                toJson(after),
                request == null ? null : request.correlationId());
    }

    private static String actor(@Nullable Caller caller) {
        if (caller == null) {
            return "system";
        }
        String subject = caller.subject();
        return subject != null ? subject : "anonymous";
    }

    private @Nullable String toJson(@Nullable Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state of " + state.getClass().getSimpleName() + " is not JSON", e);
        }
    }
}
