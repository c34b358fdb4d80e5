package uk.trustplatform.pledges;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/** Reads Section 11 audits for a caller, always through {@link PledgeAccess}. */
@Singleton
final class ReadingSection11Audits implements NodeResolver {

    /** Audits, latest round first. */
    static final CursorShape CURSORS = CursorShape.of("section11Audits", Part.INTEGER, Part.UUID);

    static final String ENTRIES_OF_AUDIT = "section11EntriesOfAudit";
    static final String AUDITS_BY_ID = "section11AuditsById";

    /** An entry with the audit it belongs to. */
    record Located(Section11Audit audit, Section11Entry entry) {}

    private final Section11Audits audits;
    private final Section11Entries entries;
    private final PartnerDirectory partners;

    ReadingSection11Audits(Section11Audits audits, Section11Entries entries, PartnerDirectory partners) {
        this.audits = audits;
        this.entries = entries;
        this.partners = partners;
    }

    Connection<Section11Audit> page(Caller caller, PageRequest page) {
        return partners.page(
                caller,
                page,
                (tenantId, everyone, organisations, afterRound, afterId, limit) -> audits.page(
                        tenantId,
                        everyone,
                        organisations,
                        afterRound == null ? null : Integer.valueOf(afterRound),
                        afterId,
                        limit),
                row -> page.cursor(row.round(), row.id()));
    }

    Optional<Section11Audit> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return audits.findById(id).filter(audit -> PledgeAccess.canRead(scope, audit.partnerOrganisationId()));
    }

    Optional<Located> visibleEntry(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        return entries.findById(id)
                .flatMap(entry -> visible(caller, entry.auditId()).map(audit -> new Located(audit, entry)));
    }

    @Override
    public Set<String> types() {
        return Set.of(Section11Audit.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    /** The audits of these ids the current request's caller may see: a loader's batch. */
    Map<UUID, Section11Audit> visible(Set<UUID> ids) {
        Caller caller = RequestContext.currentCaller();
        if (!caller.inTenant()) {
            return Map.of();
        }
        PartnerScope scope = partners.scope(caller);
        return audits.findByIdIn(ids).stream()
                .filter(audit -> PledgeAccess.canRead(scope, audit.partnerOrganisationId()))
                .collect(Collectors.toMap(Section11Audit::id, Function.identity()));
    }

    /** Loaded only for audits the caller has already been shown. */
    Map<UUID, List<Section11Entry>> entriesOf(Set<UUID> auditIds) {
        return PerRequestLoader.grouped(
                auditIds,
                entries.ofAudits(RequestContext.currentCaller().requireTenant(), auditIds),
                Section11Entry::auditId);
    }
}
