package uk.trustplatform.configuration;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.PerRequestLoader;

/**
 * The configuration documents other features' fields name (a plan's template edition, a
 * registration's pledge), loaded in one query for a whole list, under the same read rules as
 * {@code node(id:)}.
 */
@Factory
public final class DocumentLoaders {

    /** Loads a document the caller may see by its id, to a ConfigurationDocument; null otherwise. */
    public static final String BY_ID = "configurationDocumentsById";

    @Singleton
    PerRequestLoader<UUID, DocumentView> documentsById(ReadingDocuments reading) {
        return PerRequestLoader.of(BY_ID, reading::visible);
    }
}
