package uk.trustplatform.configuration;

import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.NodeType;

/** One edition as the API shows it: its record and its typed content. */
record DocumentView(DocumentRecord record, DocumentContent content) implements NodeType.Typed, Audited {

    @Override
    public String graphQLType() {
        return record.kind().graphQLType();
    }

    /** The edition's id, which the audit trail keeps its changes under. */
    @Override
    public UUID id() {
        return record.id();
    }
}
