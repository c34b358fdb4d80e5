package uk.trustplatform.configuration;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.tenancy.TenantTransactions;

/** Reads configuration documents for a caller, always through {@link DocumentAccess}. */
@Singleton
final class ReadingDocuments implements NodeResolver {

    private final DocumentRecords records;
    private final DocumentCodec codec;
    private final TenantTransactions transactions;

    ReadingDocuments(DocumentRecords records, DocumentCodec codec, TenantTransactions transactions) {
        this.records = records;
        this.codec = codec;
        this.transactions = transactions;
    }

    /** The cursors of a kind's list, by key: one shape per kind, so one list's cursor is refused by another. */
    static CursorShape cursors(DocumentKind kind) {
        return CursorShape.of(kind.name(), Part.TEXT);
    }

    /** One page of a kind's documents by key: the newest edition each caller may see. */
    Connection<DocumentView> page(Caller caller, DocumentKind kind, PageRequest page) {
        UUID tenantId = caller.requireTenant();
        boolean wholeTenant = caller.seesWholeTenant();
        // Members who do not see the whole tenant see what is in force, and strategy drafts to endorse.
        boolean publishedOnly = !wholeTenant && kind != DocumentKind.STRATEGY;
        List<DocumentRecord> rows = records.newestByKey(
                tenantId,
                kind.name(),
                publishedOnly,
                wholeTenant,
                caller.partnerOrganisationId(),
                page.continues() ? page.afterKey(0) : null,
                page.fetchSize());
        List<DocumentView> views = rows.stream()
                .filter(row -> DocumentAccess.canRead(caller, row))
                .map(codec::view)
                .toList();
        return Connection.fromRowsPlusOne(
                views, page, view -> page.cursor(view.record().key()));
    }

    /** The newest edition of the tenant's only document of a kind (vocabularies), if the caller may see it. */
    Optional<DocumentView> single(Caller caller, DocumentKind kind) {
        return page(caller, kind, PageRequest.firstPage(cursors(kind), 1)).edges().stream()
                .map(edge -> edge.node())
                .findFirst();
    }

    /** The documents of these ids the current request's caller may see: a loader's batch. */
    Map<UUID, DocumentView> visible(Set<UUID> ids) {
        Caller caller = RequestContext.currentCaller();
        return records.findByIdIn(ids).stream()
                .filter(row -> DocumentAccess.canRead(caller, row))
                .collect(Collectors.toMap(DocumentRecord::id, codec::view));
    }

    Optional<DocumentRecord> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        return records.findById(id).filter(row -> DocumentAccess.canRead(caller, row));
    }

    /** Every edition of the document the caller may see, newest first. */
    List<DocumentView> editions(Caller caller, DocumentRecord document) {
        UUID tenant = UUID.fromString(
                Objects.requireNonNull(document.tenantId(), "a starter kit's document is shown as its only edition"));
        if (tenant.equals(caller.tenantId())) {
            return records.findByKindAndKeyOrderByEditionDesc(document.kind(), document.key()).stream()
                    .filter(row -> DocumentAccess.canRead(caller, row))
                    .map(codec::view)
                    .toList();
        }
        // Another tenant's document, read through its published configuration: its published
        // editions, read in its own transaction (in the caller's, the same kind and key would find
        // the caller's own tenant's documents).
        return transactions
                .inTenant(
                        tenant,
                        false,
                        () -> records.findByKindAndKeyOrderByEditionDesc(document.kind(), document.key()))
                .stream()
                .filter(DocumentAccess::publishedToAnyone)
                .map(codec::view)
                .toList();
    }

    /** The published frameworks' standards, for checking what publishing a document refers to. */
    Standards publishedStandards() {
        return standards(records.findByKindAndStatus(DocumentKind.STANDARDS_FRAMEWORK, DocumentStatus.PUBLISHED));
    }

    /** The newest edition of every framework, for checking what a draft refers to. */
    Standards draftingStandards(UUID tenantId) {
        return standards(
                records.newestByKey(tenantId, DocumentKind.STANDARDS_FRAMEWORK.name(), false, false, null, null, 1000));
    }

    private Standards standards(List<DocumentRecord> frameworks) {
        Map<String, Set<String>> byKey = new HashMap<>();
        frameworks.forEach(row ->
                byKey.put(row.key(), ((StandardsFrameworkContent) codec.read(row.kind(), row.content())).numbers()));
        return new Standards(Map.copyOf(byKey));
    }

    @Override
    public Set<String> types() {
        return Arrays.stream(DocumentKind.values())
                .map(DocumentKind::graphQLType)
                .collect(Collectors.toSet());
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).map(codec::view).orElse(null);
    }
}
