package uk.trustplatform.configuration;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;

/**
 * Writing, revising and publishing a tenant's configuration documents. A draft changes in place
 * (optimistic locking); a published edition never changes; revising starts the next edition as a
 * draft copy; publishing supersedes the edition in force.
 */
@Singleton
final class EditingDocuments {

    /** An edition as saved, or every reason it was not. */
    record Outcome(@Nullable DocumentView document, List<UserError> userErrors) {

        static Outcome refused(List<UserError> problems) {
            return new Outcome(null, List.copyOf(problems));
        }

        static Outcome refused(UserError problem) {
            return refused(List.of(problem));
        }
    }

    private final DocumentRecords records;
    private final ReadingDocuments reading;
    private final DocumentCodec codec;
    private final Endorsements endorsements;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final LondonClock clock;

    EditingDocuments(
            DocumentRecords records,
            ReadingDocuments reading,
            DocumentCodec codec,
            Endorsements endorsements,
            AuditTrail audit,
            DomainEvents events,
            LondonClock clock) {
        this.clock = clock;
        this.records = records;
        this.reading = reading;
        this.codec = codec;
        this.endorsements = endorsements;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Creates a document (no id) or changes a draft edition.
     *
     * @param version the version the caller read (-1 when none was sent), needed to change one
     * @param input where the content sits in the caller's input, for error paths, e.g. ["input", "strategy"]
     */
    Outcome save(
            Caller caller,
            DocumentKind kind,
            @Nullable String id,
            long version,
            DocumentContent content,
            String... input) {
        UUID tenantId = caller.requireTenant();
        if (id == null) {
            if (!DocumentAccess.canCreate(caller)) {
                throw forbidden();
            }
            return create(tenantId, kind, content, null, null, input);
        }
        DocumentRecord current = GlobalId.decode(id, kind.graphQLType())
                .flatMap(uuid -> reading.visible(caller, uuid))
                .orElse(null);
        if (current == null) {
            return Outcome.refused(notFound());
        }
        if (!DocumentAccess.canChange(caller, current)) {
            throw forbidden();
        }
        if (!current.status().editable()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Edition " + current.edition() + " is " + current.status()
                            + " and cannot change; revise it to start edition " + (current.edition() + 1) + ".",
                    "input",
                    "id"));
        }
        if (current.version() != version) {
            return Outcome.refused(conflict(current, version));
        }
        List<UserError> problems = new ArrayList<>(checked(tenantId, content, Standards.none(), input));
        if (DocumentKeys.chosenByAuthor(content)
                && !current.key().equals(DocumentKeys.of(content, current.partnerOrganisationId()))) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "The key is fixed once created (it is " + current.key() + "); create a new document for another.",
                    path(input, "key")));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        // A changed strategy needs endorsing afresh.
        if (current.status() == DocumentStatus.ENDORSED) {
            endorsements.clear(tenantId, current.id());
        }
        DocumentRecord changed = current.withContent(
                codec.write(content), content.periodStart(), content.periodEnd(), DocumentStatus.DRAFT);
        try {
            DocumentRecord saved = records.update(changed);
            audit.record(
                    tenantId,
                    kind.graphQLType() + ".changed",
                    kind.graphQLType(),
                    saved.id(),
                    codec.asMap(codec.read(kind, current.content())),
                    codec.asMap(content));
            return new Outcome(codec.view(saved), List.of());
        } catch (OptimisticLockException raced) {
            return Outcome.refused(conflict(current, version));
        }
    }

    /** A new document's first edition, as a draft. */
    Outcome create(
            UUID tenantId,
            DocumentKind kind,
            DocumentContent content,
            @Nullable UUID partner,
            @Nullable String basedOn,
            String... input) {
        List<UserError> problems = creationProblems(tenantId, kind, content, partner, Standards.none(), input);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        DocumentRecord saved = records.save(new DocumentRecord(
                UUID.randomUUID(),
                tenantId.toString(),
                kind,
                DocumentKeys.of(content, partner),
                1,
                DocumentStatus.DRAFT,
                partner,
                basedOn,
                content.periodStart(),
                content.periodEnd(),
                codec.write(content),
                null,
                0));
        audit.record(
                tenantId, kind.graphQLType() + ".created", kind.graphQLType(), saved.id(), null, codec.asMap(content));
        return new Outcome(codec.view(saved), List.of());
    }

    /**
     * Why a new document could not be created: its content's problems, or a document already keyed so.
     *
     * @param alongside frameworks being created in the same step, which the content may refer to
     */
    List<UserError> creationProblems(
            UUID tenantId,
            DocumentKind kind,
            DocumentContent content,
            @Nullable UUID partner,
            Standards alongside,
            String... input) {
        List<UserError> problems = new ArrayList<>(checked(tenantId, content, alongside, input));
        String key = DocumentKeys.of(content, partner);
        if (records.lastEdition(tenantId, kind.name(), key) > 0) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "There is already a " + kind.graphQLType() + " '" + key + "'; change or revise it instead.",
                    input));
        }
        return problems;
    }

    /** Starts the next edition of a published or superseded document. */
    Outcome revise(Caller caller, String id) {
        UUID tenantId = caller.requireTenant();
        DocumentRecord current = anyKind(caller, id);
        if (current == null) {
            return Outcome.refused(notFound());
        }
        if (!DocumentAccess.canChange(caller, current)) {
            throw forbidden();
        }
        if (current.status().editable()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Edition " + current.edition() + " is still a draft; change it instead.",
                    "input",
                    "id"));
        }
        int last = records.lastEdition(tenantId, current.kind().name(), current.key());
        if (records.findByKindAndKeyOrderByEditionDesc(current.kind(), current.key())
                .getFirst()
                .status()
                .editable()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Edition " + last + " is already being drafted; change it instead.",
                    "input",
                    "id"));
        }
        DocumentRecord next = records.save(new DocumentRecord(
                UUID.randomUUID(),
                current.tenantId(),
                current.kind(),
                current.key(),
                last + 1,
                DocumentStatus.DRAFT,
                current.partnerOrganisationId(),
                "edition:" + current.id(),
                current.periodStart(),
                current.periodEnd(),
                current.content(),
                null,
                0));
        audit.record(
                tenantId,
                current.kind().graphQLType() + ".revised",
                current.kind().graphQLType(),
                next.id(),
                null,
                Map.of("edition", next.edition(), "revisedFrom", current.id()));
        return new Outcome(codec.view(next), List.of());
    }

    /** Puts a draft edition in force, superseding the one before it. */
    Outcome publish(Caller caller, PublishDocument publication) {
        String id = publication.id();
        long version = publication.version();
        UUID tenantId = caller.requireTenant();
        DocumentRecord current = anyKind(caller, id);
        if (current == null) {
            return Outcome.refused(notFound());
        }
        if (!DocumentAccess.canChange(caller, current)) {
            throw forbidden();
        }
        if (!current.status().editable()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Edition " + current.edition() + " is already " + current.status() + ".",
                    "input",
                    "id"));
        }
        if (current.version() != version) {
            return Outcome.refused(conflict(current, version));
        }
        if (current.kind() == DocumentKind.STRATEGY && current.status() != DocumentStatus.ENDORSED) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED, "A strategy is published once partners have endorsed it.", "input", "id"));
        }
        DocumentContent content = codec.read(current.kind(), current.content());
        List<UserError> problems = content.problems(Problems.at("input", "document"), reading.publishedStandards());
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        return new Outcome(codec.view(publishNow(tenantId, current)), List.of());
    }

    /** Supersedes what is in force for the same key (and a strategy's period), then publishes. */
    DocumentRecord publishNow(UUID tenantId, DocumentRecord draft) {
        List<DocumentRecord> inForce = new ArrayList<>();
        records.findByKindAndKeyAndStatus(draft.kind(), draft.key(), DocumentStatus.PUBLISHED)
                .ifPresent(inForce::add);
        if (draft.kind() == DocumentKind.STRATEGY && draft.partnerOrganisationId() == null) {
            records
                    .findByKindAndStatusAndPeriodStartAndPeriodEnd(
                            draft.kind(),
                            DocumentStatus.PUBLISHED,
                            Objects.requireNonNull(
                                    draft.periodStart(), "the check refuses a strategy without its period"),
                            Objects.requireNonNull(
                                    draft.periodEnd(), "the check refuses a strategy without its period"))
                    .stream()
                    .filter(other ->
                            inForce.stream().noneMatch(seen -> seen.id().equals(other.id())))
                    .forEach(inForce::add);
        }
        for (DocumentRecord previous : inForce) {
            records.update(previous.withStatus(DocumentStatus.SUPERSEDED, previous.publishedAt()));
        }
        DocumentRecord published = records.update(draft.withStatus(DocumentStatus.PUBLISHED, clock.now()));
        audit.record(
                tenantId,
                draft.kind().graphQLType() + ".published",
                draft.kind().graphQLType(),
                published.id(),
                null,
                Map.of(
                        "edition",
                        published.edition(),
                        "superseded",
                        inForce.stream().map(DocumentRecord::id).toList()));
        events.publish(
                tenantId,
                EventKind.CONFIGURATION_PUBLISHED,
                draft.kind().graphQLType(),
                published.id(),
                published.partnerOrganisationId(),
                Map.of("kind", draft.kind().name(), "key", published.key(), "edition", published.edition()));
        return published;
    }

    private @Nullable DocumentRecord anyKind(Caller caller, String id) {
        return GlobalId.decode(id)
                .filter(global -> reading.types().contains(global.type()))
                .flatMap(global -> reading.visible(caller, global.uuid()))
                .orElse(null);
    }

    private List<UserError> checked(UUID tenantId, DocumentContent content, Standards alongside, String... input) {
        Standards standards = reading.draftingStandards(tenantId);
        for (var framework : alongside.byFramework().entrySet()) {
            standards = standards.with(framework.getKey(), framework.getValue());
        }
        if (content instanceof StandardsFrameworkContent framework) {
            standards = standards.with(framework.key(), framework.numbers());
        }
        return content.problems(Problems.at(input), standards);
    }

    private static String[] path(String[] input, String field) {
        String[] path = Arrays.copyOf(input, input.length + 1);
        path[input.length] = field;
        return path;
    }

    private static UserError notFound() {
        return UserError.of(Code.NOT_FOUND, "No document has this id.", "input", "id");
    }

    private static UserError conflict(DocumentRecord current, long sent) {
        return UserError.conflict("edition", current.version(), sent);
    }

    private static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may change the tenant's configuration.");
    }
}
