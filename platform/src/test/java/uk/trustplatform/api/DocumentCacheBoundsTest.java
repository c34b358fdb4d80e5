package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many documents, and how much text, the {@link DocumentCache} keeps; no server, no database. */
class DocumentCacheBoundsTest {

    private final List<String> parsed = new ArrayList<>();

    @Test
    void past_its_size_the_least_recently_used_document_is_dropped() {
        DocumentCache cache = new DocumentCache(2, 1_000, new SimpleMeterRegistry());

        send(cache, "{ a }");
        send(cache, "{ b }");
        send(cache, "{ a }");
        send(cache, "{ c }");
        send(cache, "{ a }");
        send(cache, "{ b }");

        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
    }

    @Test
    void past_its_characters_documents_are_dropped_until_the_text_fits() {
        DocumentCache cache = new DocumentCache(100, 12, new SimpleMeterRegistry());

        send(cache, "{ a }");
        send(cache, "{ b }");
        send(cache, "{ long }");
        send(cache, "{ long }");
        send(cache, "{ a }");
        send(cache, "{ far too long }");
        send(cache, "{ far too long }");

        assertThat(parsed)
                .containsExactly("{ a }", "{ b }", "{ long }", "{ a }", "{ far too long }", "{ far too long }");
    }

    private void send(DocumentCache cache, String query) {
        cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), input -> {
                    parsed.add(input.getQuery());
                    return new PreparsedDocumentEntry(Document.newDocument().build());
                })
                .join();
    }
}
