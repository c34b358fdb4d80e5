package uk.trustplatform.configuration;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.PropertyDataFetcher;
import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;

/**
 * Fetches a document type's fields: the edition's own (id, key, edition, status, version, basedOn,
 * publishedAt, editions) from its record, every other field from its content by name.
 */
final class DocumentFields implements DataFetcher<Object> {

    private final ReadingDocuments reading;

    DocumentFields(ReadingDocuments reading) {
        this.reading = reading;
    }

    @Override
    public @Nullable Object get(DataFetchingEnvironment env) throws Exception {
        DocumentView view = Fetched.source(env);
        DocumentRecord record = view.record();
        return switch (env.getField().getName()) {
            case "id" -> GlobalId.encode(view.graphQLType(), record.id());
            case "key" -> record.key();
            case "edition" -> record.edition();
            case "status" -> record.status();
            case "version" -> record.version();
            case "basedOn" -> record.basedOn();
            case "publishedAt" -> record.publishedAt();
            case "editions" -> record.tenantId() == null ? List.of(view) : reading.editions(Callers.of(env), record);
            default ->
                PropertyDataFetcher.fetching(env.getField().getName())
                        .get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env)
                                .source(view.content())
                                .build());
        };
    }
}
