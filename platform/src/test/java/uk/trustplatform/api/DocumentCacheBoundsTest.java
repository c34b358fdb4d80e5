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
    void past_its_size_documents_are_dropped_until_the_count_fits() {
        DocumentCache cache = new DocumentCache(2, 1_000, new SimpleMeterRegistry());
        List<String> queries = List.of("{ a }", "{ b }", "{ c }", "{ d }", "{ e }");
        queries.forEach(query -> send(cache, query));
        parsed.clear();

        queries.forEach(query -> send(cache, query));

        assertThat(parsed).as("at most two of the five were kept").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void a_document_sent_often_is_kept_past_documents_sent_once() {
        DocumentCache cache = new DocumentCache(2, 1_000, new SimpleMeterRegistry());

        send(cache, "{ often }");
        send(cache, "{ often }");
        send(cache, "{ often }");
        send(cache, "{ a }");
        send(cache, "{ b }");
        send(cache, "{ c }");
        send(cache, "{ often }");

        assertThat(parsed).containsExactly("{ often }", "{ a }", "{ b }", "{ c }");
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
