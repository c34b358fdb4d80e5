package uk.trustplatform.api;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, so that the operations a client sends again and
 * again are parsed and validated once, not on every request. The key is the text alone: the
 * parser's limits, the schema and the validation rules are fixed for the life of the server.
 *
 * <p>Only documents that parsed and validated cleanly are kept; one that failed is parsed and
 * validated again each time it is sent, so it keeps failing with the same error. Of the checks
 * made on a document, the ones made at execution (query limits, introspection) run for a cached
 * document as for a new one; of those made before validation, {@link OperationTypeInstrumentation}
 * depends on the text and the schema only, so a cached document has passed it, while {@link
 * ReadOnlyGetInstrumentation} depends on the request too, and is made again here for each.
 *
 * <p>At most {@code trust.graphql.document-cache-size} documents of at most {@code
 * trust.graphql.document-cache-characters} of query text in all, the least recently used dropped
 * first. Both bounds, because a document's syntax tree takes about 25 bytes a character of its
 * text: a thousand documents at the text limit, which validate and are then refused for too many
 * aliases, would otherwise hold some 400 MB.
 */
@Singleton
final class DocumentCache implements PreparsedDocumentProvider {

    static final String LOOKUPS = "trust.graphql.document.cache";

    private final LinkedHashMap<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxDocuments;
    private final long maxCharacters;
    private long characters;
    private final Counter hits;
    private final Counter misses;

    DocumentCache(
            @Value("${trust.graphql.document-cache-size:1000}") int maxDocuments,
            @Value("${trust.graphql.document-cache-characters:1000000}") long maxCharacters,
            MeterRegistry metrics) {
        this.maxDocuments = maxDocuments;
        this.maxCharacters = maxCharacters;
        this.hits = metrics.counter(LOOKUPS, "result", "hit");
        this.misses = metrics.counter(LOOKUPS, "result", "miss");
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = cached(input.getQuery());
        if (cached != null) {
            hits.increment();
            ReadOnlyGetInstrumentation.refuseUnlessQueries(
                    input.getGraphQLContext(), input.getOperationName(), cached.getDocument());
            return CompletableFuture.completedFuture(cached);
        }
        misses.increment();
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors()) {
            keep(input.getQuery(), parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    private synchronized PreparsedDocumentEntry cached(String query) {
        return documents.get(query);
    }

    private synchronized void keep(String query, PreparsedDocumentEntry parsed) {
        if (query.length() > maxCharacters || documents.put(query, parsed) != null) {
            return;
        }
        characters += query.length();
        Iterator<String> leastRecentlyUsed = documents.keySet().iterator();
        while (documents.size() > maxDocuments || characters > maxCharacters) {
            characters -= leastRecentlyUsed.next().length();
            leastRecentlyUsed.remove();
        }
    }
}
