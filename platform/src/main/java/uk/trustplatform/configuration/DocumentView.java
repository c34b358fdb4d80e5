package uk.trustplatform.configuration;

import uk.trustplatform.api.NodeType;

/** One edition as the API shows it: its record and its typed content. */
record DocumentView(DocumentRecord record, DocumentContent content) implements NodeType.Typed {

    @Override
    public String graphQLType() {
        return record.kind().graphQLType();
    }
}
