package uk.trustplatform.pledges;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.api.WorkflowStep;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.StandardsFrameworkContent;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.partners.PartnerScope;
import uk.trustplatform.pledges.ModerateSection11Audit.ModeratedEntry;
import uk.trustplatform.pledges.Section11Audit.Status;

/**
 * Section 11 self-audits: a statutory partner rates itself against every criterion of the
 * pledge's standards (Luton: "statutory partners who are subject to the S.11 audit"), with
 * narrative and evidence; the board moderates; the next round starts from this one's entries.
 */
@Singleton
final class KeepingSection11Audits {

    private static final WorkflowStep<Section11Audit> STEP =
            new WorkflowStep<>("Section 11 audit", Section11Audit::version);

    record AuditOutcome(@Nullable Section11Audit section11Audit, List<UserError> userErrors) {

        static AuditOutcome refused(UserError problem) {
            return new AuditOutcome(null, List.of(problem));
        }
    }

    record EntryOutcome(@Nullable Section11Entry section11Entry, List<UserError> userErrors) {

        static EntryOutcome refused(UserError problem) {
            return new EntryOutcome(null, List.of(problem));
        }
    }

    /** The longest narrative or evidence an entry keeps. */
    private static final int TEXT_MAX = 4000;

    private final Section11Audits audits;
    private final Section11Entries entries;
    private final ReadingSection11Audits reading;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final LondonClock clock;

    KeepingSection11Audits(
            Section11Audits audits,
            Section11Entries entries,
            ReadingSection11Audits reading,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            DomainEvents events,
            LondonClock clock) {
        this.clock = clock;
        this.audits = audits;
        this.entries = entries;
        this.reading = reading;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
        this.events = events;
    }

    AuditOutcome start(Caller caller, StartSection11Audit start) {
        UUID tenantId = caller.requireTenant();
        Optional<PartnerOrganisation> partner = GlobalId.decode(start.partnerOrganisationId(), PartnerOrganisation.TYPE)
                .flatMap(id -> partners.visible(caller, id));
        if (partner.isEmpty()) {
            return AuditOutcome.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireActingFor(caller, partner.get().id());
        int round = start.round();
        List<UserError> problems = new ArrayList<>();
        if (!partner.get().statutory()) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    partner.get().name()
                            + " is not a statutory partner; only statutory partners complete the Section 11 audit.",
                    "input",
                    "partnerOrganisationId"));
        }
        if (round < 2000 || round > clock.year() + 1) {
            problems.add(
                    UserError.of(Code.NOT_ALLOWED, "The round is a year from 2000 to next year.", "input", "round"));
        } else if (audits.existsByPartnerOrganisationIdAndRound(partner.get().id(), round)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    partner.get().name() + " already has an audit for " + round + ".",
                    "input",
                    "round"));
        }
        Optional<StandardsFrameworkContent> framework = configuration
                .pledge()
                .flatMap(pledge -> configuration.framework(pledge.content().framework()));
        if (framework.isEmpty()) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "The tenant has no published pledge with a published standards framework to audit against.",
                    "input",
                    "partnerOrganisationId"));
        }
        Section11Audit earlier = null;
        if (start.carryForwardFromId() != null) {
            earlier = GlobalId.decode(start.carryForwardFromId(), Section11Audit.TYPE)
                    .flatMap(id -> reading.visible(caller, id))
                    .filter(found ->
                            found.partnerOrganisationId().equals(partner.get().id()) && found.round() < round)
                    .orElse(null);
            if (earlier == null) {
                problems.add(UserError.of(
                        Code.NOT_FOUND,
                        "This partner has no earlier audit with this id.",
                        "input",
                        "carryForwardFromId"));
            }
        }
        if (!problems.isEmpty()) {
            return new AuditOutcome(null, problems);
        }
        Section11Audit saved = audits.save(new Section11Audit(
                UUID.randomUUID(),
                tenantId.toString(),
                partner.get().id(),
                round,
                framework.get().key(),
                Status.DRAFT,
                null,
                earlier == null ? null : earlier.id(),
                null,
                null,
                0));
        Map<String, Section11Entry> carried = earlier == null
                ? Map.of()
                : entries.ofAudits(tenantId, List.of(earlier.id())).stream()
                        .collect(Collectors.toMap(Section11Entry::criterion, Function.identity()));
        int position = 0;
        for (StandardsFrameworkContent.Standard standard : framework.get().standards()) {
            List<StandardsFrameworkContent.Criterion> criteria =
                    standard.criteria().isEmpty()
                            ? List.of(new StandardsFrameworkContent.Criterion(standard.number(), standard.title()))
                            : standard.criteria();
            for (StandardsFrameworkContent.Criterion criterion : criteria) {
                Section11Entry before = carried.get(criterion.number());
                entries.save(new Section11Entry(
                        UUID.randomUUID(),
                        tenantId.toString(),
                        saved.id(),
                        position++,
                        standard.number(),
                        criterion.number(),
                        criterion.text(),
                        before == null ? null : before.rag(),
                        before == null ? null : before.narrative(),
                        before == null ? null : before.evidence(),
                        null,
                        null,
                        0));
            }
        }
        audit.record(tenantId, "Section11Audit.started", Section11Audit.TYPE, saved.id(), null, saved);
        return new AuditOutcome(saved, List.of());
    }

    EntryOutcome saveEntry(Caller caller, SaveSection11Entry rating) {
        UUID tenantId = caller.requireTenant();
        Optional<ReadingSection11Audits.Located> found =
                GlobalId.decode(rating.id(), Section11Entry.TYPE).flatMap(id -> reading.visibleEntry(caller, id));
        if (found.isEmpty()) {
            return EntryOutcome.refused(UserError.notFound("id", "audit entry"));
        }
        Section11Audit owner = found.get().audit();
        Section11Entry current = found.get().entry();
        requireActingFor(caller, owner.partnerOrganisationId());
        long version = rating.version();
        if (current.version() != version) {
            return EntryOutcome.refused(UserError.conflict("audit entry", current.version(), version));
        }
        if (!owner.status().open()) {
            return EntryOutcome.refused(
                    UserError.notInState("audit", owner.status(), "entries change while it is a draft or returned."));
        }
        List<UserError> problems = new ArrayList<>();
        String narrative = rating.narrative();
        String evidence = rating.evidence();
        Inputs.optional(problems, "narrative", narrative, TEXT_MAX);
        Inputs.optional(problems, "evidence", evidence, TEXT_MAX);
        if (!problems.isEmpty()) {
            return new EntryOutcome(null, problems);
        }
        try {
            Section11Entry saved = entries.update(current.rated(rating.rag(), narrative, evidence));
            audit.record(tenantId, "Section11Audit.entryRated", Section11Audit.TYPE, owner.id(), current, saved);
            return new EntryOutcome(saved, List.of());
        } catch (OptimisticLockException raced) {
            return EntryOutcome.refused(UserError.conflict("audit entry", current.version() + 1, version));
        }
    }

    AuditOutcome submit(Caller caller, Section11Transition submission) {
        return move(
                caller,
                submission,
                true,
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    if (!current.status().open()) {
                        problems.add(UserError.notInState(
                                "audit", current.status(), "only a draft or returned audit is submitted."));
                    }
                    long unrated = entries.ofAudits(current.tenantUuid(), List.of(current.id())).stream()
                            .filter(entry -> entry.rag() == null)
                            .count();
                    if (unrated > 0) {
                        problems.add(UserError.of(
                                Code.NOT_ALLOWED,
                                unrated + " criteria are not rated yet; rate every criterion before submitting.",
                                "input",
                                "id"));
                    }
                    return problems;
                },
                current -> current.submitted(clock.now()),
                "submitted");
    }

    AuditOutcome moderate(Caller caller, ModerateSection11Audit moderation) {
        boolean accept = moderation.accept();
        String comment = moderation.comment();
        List<ModeratedEntry> moderated = moderation.entries();
        Map<UUID, Section11Entry> byId = new HashMap<>();
        return move(
                caller,
                moderation.step(),
                false,
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    if (current.status() != Status.SUBMITTED) {
                        problems.add(UserError.notInState(
                                "audit", current.status(), "only a submitted audit is moderated."));
                    }
                    if (!accept && (comment == null || comment.isEmpty())) {
                        problems.add(UserError.of(Code.REQUIRED, "Say why the audit is returned.", "input", "comment"));
                    }
                    entries.ofAudits(current.tenantUuid(), List.of(current.id()))
                            .forEach(entry -> byId.put(entry.id(), entry));
                    for (int i = 0; i < moderated.size(); i++) {
                        Optional<UUID> id = GlobalId.decode(moderated.get(i).id(), Section11Entry.TYPE);
                        if (id.isEmpty() || !byId.containsKey(id.get())) {
                            problems.add(UserError.of(
                                    Code.NOT_FOUND,
                                    "This audit has no entry with this id.",
                                    "input",
                                    "entries",
                                    String.valueOf(i),
                                    "id"));
                        }
                    }
                    return problems;
                },
                current -> {
                    for (ModeratedEntry entry : moderated) {
                        Section11Entry before = Objects.requireNonNull(
                                byId.get(GlobalId.decode(entry.id())
                                        .orElseThrow()
                                        .uuid()),
                                "the check refuses an entry the audit does not have");
                        entries.update(before.moderated(entry.moderatedRag(), entry.comment()));
                    }
                    return current.moderated(accept ? Status.MODERATED : Status.RETURNED, comment, clock.now());
                },
                accept ? "moderated" : "returned");
    }

    /** One step of an audit's workflow, as {@link WorkflowStep} takes every feature's. */
    private AuditOutcome move(
            Caller caller,
            Section11Transition step,
            boolean partnerStep,
            Function<Section11Audit, List<UserError>> check,
            Function<Section11Audit, Section11Audit> change,
            String done) {
        UUID tenantId = caller.requireTenant();
        WorkflowStep.Outcome<Section11Audit> outcome = STEP.take(
                GlobalId.decode(step.id(), Section11Audit.TYPE).flatMap(id -> reading.visible(caller, id)),
                step.version(),
                current -> requireAllowed(caller, current, partnerStep),
                check,
                current -> audits.update(change.apply(current)),
                (before, after) -> {
                    audit.record(tenantId, "Section11Audit." + done, Section11Audit.TYPE, after.id(), before, after);
                    // A return is the board's moderation too: the event says which way it went.
                    events.publish(
                            tenantId,
                            done.equals("submitted")
                                    ? EventKind.SECTION11_AUDIT_SUBMITTED
                                    : EventKind.SECTION11_AUDIT_MODERATED,
                            Section11Audit.TYPE,
                            after.id(),
                            after.partnerOrganisationId(),
                            Map.of("status", after.status().name(), "round", after.round()));
                });
        return new AuditOutcome(outcome.saved(), outcome.userErrors());
    }

    private void requireAllowed(Caller caller, Section11Audit audit, boolean partnerStep) {
        if (partnerStep) {
            requireActingFor(caller, audit.partnerOrganisationId());
        } else if (!PledgeAccess.moderates(caller)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only the board (its members and the tenant admin) moderates audits.");
        }
    }

    private void requireActingFor(Caller caller, UUID organisation) {
        PartnerScope scope = partners.scope(caller);
        if (!PledgeAccess.canActFor(caller, scope, organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only a tenant admin or the organisation's own partner lead keeps its audit.");
        }
    }
}
