package uk.trustplatform.audit;

import java.util.UUID;
import uk.trustplatform.api.GlobalId;

/** The record an audit entry is about, by its GraphQL type and id. */
record AuditedObject(String type, UUID uuid) {

    public String id() {
        return GlobalId.encode(type, uuid);
    }

    public String kind() {
        return Words.of(type);
    }
}
