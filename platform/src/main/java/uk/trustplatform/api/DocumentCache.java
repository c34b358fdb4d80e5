package uk.trustplatform.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
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
 * trust.graphql.document-cache-characters} of query text in all; past either, Caffeine drops the
 * documents least likely to be sent again (W-TinyLFU: by how recently and how often each was
 * sent). Both bounds, because a document's syntax tree takes about 25 bytes a character of its
 * text: a thousand documents at the text limit, which validate and are then refused for too many
 * aliases, would otherwise hold some 400 MB. Both are one weight: a document weighs its length,
 * but no less than the characters divided by the documents, so the characters bound the count too.
 */
@Singleton
final class DocumentCache implements PreparsedDocumentProvider {

    static final String LOOKUPS = "trust.graphql.document.cache";

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final long maxCharacters;
    private final Counter hits;
    private final Counter misses;

    DocumentCache(
            @Value("${trust.graphql.document-cache-size:1000}") int maxDocuments,
            @Value("${trust.graphql.document-cache-characters:1000000}") long maxCharacters,
            MeterRegistry metrics) {
        this.maxCharacters = maxCharacters;
        int leastWeight = Math.toIntExact(Math.ceilDiv(maxCharacters, maxDocuments));
        // Eviction runs on the request that went past a bound, so the bounds hold when it returns.
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .weigher((String query, PreparsedDocumentEntry parsed) -> Math.max(query.length(), leastWeight))
                .executor(Runnable::run)
                .build();
        this.hits = metrics.counter(LOOKUPS, "result", "hit");
        this.misses = metrics.counter(LOOKUPS, "result", "miss");
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
        if (cached != null) {
            hits.increment();
            ReadOnlyGetInstrumentation.refuseUnlessQueries(
                    input.getGraphQLContext(), input.getOperationName(), cached.getDocument());
            return CompletableFuture.completedFuture(cached);
        }
        misses.increment();
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors() && input.getQuery().length() <= maxCharacters) {
            documents.put(input.getQuery(), parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }
}
