package uk.trustplatform.pledges;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
import uk.trustplatform.configuration.InForceConfiguration.Edition;
import uk.trustplatform.configuration.PledgeContent;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * The register's lifecycle: the tenant admin invites a partner to sign the published pledge; the
 * partner's lead signs it (or the admin records the signed form returned on paper); the admin
 * registers it, issuing the badge; the partner renews it before its renewal date or withdraws it.
 * Every transition is audited; a transition the pledge's state does not allow is refused, saying
 * which states allow it.
 */
@Singleton
final class KeepingPledgeRegister {

    private static final int REASON_MAX = 2000;

    /** The event each step of the register announces. */
    private static final Map<String, EventKind> EVENTS = Map.of(
            "signed", EventKind.PLEDGE_SIGNED,
            "registered", EventKind.PLEDGE_REGISTERED,
            "renewed", EventKind.PLEDGE_RENEWED,
            "withdrawn", EventKind.PLEDGE_WITHDRAWN);

    /** A registration as saved, or why nothing was. */
    record Outcome(@Nullable PledgeRegistration pledgeRegistration, List<UserError> userErrors) {

        static Outcome refused(UserError problem) {
            return new Outcome(null, List.of(problem));
        }
    }

    private static final WorkflowStep<PledgeRegistration> STEP =
            new WorkflowStep<>("pledge registration", PledgeRegistration::version);

    private final PledgeRegistrations registrations;
    private final ReadingPledgeRegister reading;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final PledgeRenewals renewals;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final LondonClock clock;

    KeepingPledgeRegister(
            PledgeRegistrations registrations,
            ReadingPledgeRegister reading,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            PledgeRenewals renewals,
            AuditTrail audit,
            DomainEvents events,
            LondonClock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.reading = reading;
        this.partners = partners;
        this.configuration = configuration;
        this.renewals = renewals;
        this.audit = audit;
        this.events = events;
    }

    Outcome invite(Caller caller, String partnerId) {
        UUID tenantId = caller.requireTenant();
        Optional<PartnerOrganisation> partner =
                GlobalId.decode(partnerId, PartnerOrganisation.TYPE).flatMap(id -> partners.visible(caller, id));
        if (partner.isEmpty()) {
            return Outcome.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        if (!PledgeAccess.keepsRegister(caller)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin invites partners to sign the pledge.");
        }
        Optional<Edition<PledgeContent>> pledge = configuration.pledge();
        if (pledge.isEmpty()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_FOUND, "The tenant has no published pledge to sign.", "input", "partnerOrganisationId"));
        }
        // A pledge past its renewal date has lapsed even if the job has not marked it yet.
        renewals.lapse(tenantId, partner.get().id(), clock.today());
        boolean open = registrations
                .ofOrganisations(tenantId, List.of(partner.get().id()))
                .stream()
                .anyMatch(registration -> registration.status().open());
        if (open) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    partner.get().name()
                            + " already has a pledge in the register; invite again once it has lapsed or been withdrawn.",
                    "input",
                    "partnerOrganisationId"));
        }
        PledgeRegistration saved = registrations.save(new PledgeRegistration(
                UUID.randomUUID(),
                tenantId.toString(),
                partner.get().id(),
                pledge.get().id(),
                PledgeStatus.INVITED,
                clock.now(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0));
        audit.record(tenantId, "PledgeRegistration.invited", PledgeRegistration.TYPE, saved.id(), null, saved);
        announce(tenantId, EventKind.PLEDGE_INVITED, saved);
        return new Outcome(saved, List.of());
    }

    Outcome sign(Caller caller, SignPledge signing) {
        List<UserError> problems = new ArrayList<>();
        Signature signature = Signature.from(signing, clock.today(), problems);
        return transition(
                caller,
                signing.step(),
                Set.of(PledgeStatus.INVITED),
                "signed",
                problems,
                current -> signature.onto(current, PledgeStatus.SIGNED));
    }

    Outcome register(Caller caller, PledgeTransition registration) {
        return transition(
                caller,
                registration,
                Set.of(PledgeStatus.SIGNED),
                "registered",
                new ArrayList<>(),
                current -> current.registered(
                        clock.today(),
                        renewalDate(
                                current,
                                Objects.requireNonNull(
                                        current.signedOn(), "a signed pledge has the day it was signed")),
                        BadgeCodes.issue()));
    }

    Outcome renew(Caller caller, SignPledge renewal) {
        List<UserError> problems = new ArrayList<>();
        Signature signature = Signature.from(renewal, clock.today(), problems);
        return transition(
                caller,
                renewal.step(),
                Set.of(PledgeStatus.REGISTERED, PledgeStatus.RENEWAL_DUE),
                "renewed",
                problems,
                current ->
                        signature.onto(current, current.status()).renewedUntil(renewalDate(current, signature.on())));
    }

    Outcome withdraw(Caller caller, PledgeTransition withdrawal) {
        String reason = withdrawal.reason();
        List<UserError> problems = new ArrayList<>();
        if (reason == null) {
            problems.add(UserError.of(
                    Code.REQUIRED,
                    "Say why the pledge is withdrawn, in up to " + REASON_MAX + " characters.",
                    "input",
                    "reason"));
        }
        return transition(
                caller,
                withdrawal,
                Set.of(PledgeStatus.INVITED, PledgeStatus.SIGNED, PledgeStatus.REGISTERED, PledgeStatus.RENEWAL_DUE),
                "withdrawn",
                problems,
                current -> current.withdrawn(
                        clock.today(),
                        Objects.requireNonNull(reason, "the check refuses a withdrawal without its reason")));
    }

    /**
     * Moves a registration from one of {@code from} by {@code change}, as {@link WorkflowStep} takes
     * every feature's step. Nothing is saved unless the caller may, the version is the one stored,
     * the state allows it (as of today: a pledge past its renewal date has lapsed) and the input
     * has no problem ({@code problems}, found before the record was read).
     */
    private Outcome transition(
            Caller caller,
            PledgeTransition step,
            Set<PledgeStatus> from,
            String done,
            List<UserError> problems,
            UnaryOperator<PledgeRegistration> change) {
        UUID tenantId = caller.requireTenant();
        // Only a withdrawal keeps its reason, but a reason sent with any step is held to the same length.
        Inputs.optional(problems, "reason", step.reason(), REASON_MAX);
        WorkflowStep.Outcome<PledgeRegistration> outcome = STEP.take(
                GlobalId.decode(step.id(), PledgeRegistration.TYPE).flatMap(id -> reading.visible(caller, id)),
                step.version(),
                current -> requireAllowed(caller, current, done),
                current -> {
                    PledgeStatus now = current.statusOn(clock.today(), reading.noticeDays(tenantId));
                    return from.contains(now)
                            ? problems
                            : List.of(UserError.notInState(
                                    "pledge",
                                    now,
                                    from,
                                    done,
                                    now == PledgeStatus.LAPSED ? " Invite the partner to sign again." : ""));
                },
                current -> registrations.update(change.apply(current)),
                (before, after) -> {
                    audit.record(
                            tenantId, "PledgeRegistration." + done, PledgeRegistration.TYPE, after.id(), before, after);
                    announce(
                            tenantId,
                            Objects.requireNonNull(EVENTS.get(done), "each step of the register has its event"),
                            after);
                });
        return new Outcome(outcome.saved(), outcome.userErrors());
    }

    /** The event of a step, with what a receiver needs to act: the status, the renewal date and badge once issued. */
    private void announce(UUID tenantId, EventKind kind, PledgeRegistration registration) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", registration.status().name());
        if (registration.renewalDueOn() != null) {
            summary.put("renewalDueOn", registration.renewalDueOn().toString());
        }
        if (registration.badgeCode() != null) {
            summary.put("badgeCode", registration.badgeCode());
        }
        events.publish(
                tenantId,
                kind,
                PledgeRegistration.TYPE,
                registration.id(),
                registration.partnerOrganisationId(),
                summary);
    }

    private void requireAllowed(Caller caller, PledgeRegistration registration, String done) {
        boolean keeper = done.equals("registered")
                ? PledgeAccess.keepsRegister(caller)
                : PledgeAccess.canActFor(caller, partners.scope(caller), registration.partnerOrganisationId());
        if (!keeper) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    done.equals("registered")
                            ? "Only a tenant admin registers pledges and issues badges."
                            : "Only a tenant admin or the organisation's own partner lead may do this.");
        }
    }

    /** The renewal date: the pledge edition's renewal period after it was signed. */
    private LocalDate renewalDate(PledgeRegistration registration, LocalDate signedOn) {
        int months = configuration
                .pledgeEdition(registration.pledgeId())
                .map(edition -> edition.content().renewalMonths())
                .orElseThrow(() -> new IllegalStateException("Pledge " + registration.id() + " has lost its edition"));
        return signedOn.plusMonths(months);
    }

    /** The signature block, checked: who signed, the post they hold, for which organisation, when. */
    private record Signature(
            @Nullable String by,
            @Nullable String post,
            @Nullable String organisation,
            LocalDate on) {

        /** The registration as signed by this signature, left at {@code status}, once it has no problem. */
        PledgeRegistration onto(PledgeRegistration registration, PledgeStatus status) {
            return registration.signed(
                    Objects.requireNonNull(by, "the check refuses a signature without the signatory"),
                    Objects.requireNonNull(post, "the check refuses a signature without the post held"),
                    Objects.requireNonNull(organisation, "the check refuses a signature without the organisation"),
                    on,
                    status);
        }

        static Signature from(SignPledge signing, LocalDate today, List<UserError> problems) {
            String by = required(signing.signatory(), "signatory", problems);
            String post = required(signing.postHeld(), "postHeld", problems);
            String organisation = required(signing.onBehalfOf(), "onBehalfOf", problems);
            LocalDate on = signing.signedOn();
            if (on.isAfter(today)) {
                problems.add(
                        UserError.of(Code.NOT_ALLOWED, "A pledge is signed today or earlier.", "input", "signedOn"));
            }
            return new Signature(by, post, organisation, on);
        }

        private static @Nullable String required(@Nullable String value, String field, List<UserError> problems) {
            Inputs.required(problems, field, value, 200, "The " + field + " must not be empty.");
            return value;
        }
    }
}
