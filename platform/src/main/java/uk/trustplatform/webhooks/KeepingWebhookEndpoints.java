package uk.trustplatform.webhooks;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * Registers, pauses, resumes and removes webhook endpoints, each change audited (never the
 * secret). A registration's secret is in its outcome and nowhere else readable.
 */
@Singleton
final class KeepingWebhookEndpoints {

    /** Endpoints an agency may have: each event about it is posted to each. */
    static final int AGENCY_MOST = 10;
    /** Endpoints the partnership may have of its own (its agencies' are counted per agency). */
    static final int PARTNERSHIP_MOST = 25;

    private static final int DESCRIPTION_MAX = 500;
    private static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A registration as saved with its secret, or why nothing was. */
    record Registered(
            @Nullable WebhookEndpoint endpoint, @Nullable String signingSecret, List<UserError> userErrors) {}

    /** An endpoint as changed (null when removed or refused), its id when removed, or why nothing changed. */
    record Changed(
            @Nullable WebhookEndpoint endpoint, @Nullable String removedId, List<UserError> userErrors) {

        static Changed refused(UserError problem) {
            return new Changed(null, null, List.of(problem));
        }
    }

    private final WebhookEndpoints endpoints;
    private final ReadingWebhookEndpoints reading;
    private final EndpointAddresses addresses;
    private final SigningSecrets secrets;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final LondonClock clock;

    KeepingWebhookEndpoints(
            WebhookEndpoints endpoints,
            ReadingWebhookEndpoints reading,
            EndpointAddresses addresses,
            SigningSecrets secrets,
            PartnerDirectory partners,
            AuditTrail audit,
            LondonClock clock) {
        this.endpoints = endpoints;
        this.reading = reading;
        this.addresses = addresses;
        this.secrets = secrets;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    Registered register(Caller caller, RegisterWebhookEndpoint input) {
        Optional<UUID> ownAgency = WebhookAccess.keeperScope(caller);
        List<UserError> problems = new ArrayList<>();
        UUID organisation = organisation(caller, ownAgency, input.partnerOrganisationId(), problems);
        String url = input.url();
        Inputs.required(problems, "url", url, EndpointAddresses.URL_MAX, "Give the URL the platform posts to.");
        if (url != null && url.length() <= EndpointAddresses.URL_MAX) {
            addresses
                    .refusal(url)
                    .ifPresent(rule -> problems.add(UserError.of(Code.NOT_ALLOWED, rule, "input", "url")));
        }
        List<EventKind> kinds = kinds(input.eventKinds(), problems);
        String email = input.contactEmail();
        Inputs.required(problems, "contactEmail", email, EMAIL_MAX, "Give the email of who is told when it is paused.");
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT,
                    "The contactEmail must be an email address, like name@agency.example.",
                    "input",
                    "contactEmail"));
        }
        String description = input.description();
        Inputs.optional(problems, "description", description, DESCRIPTION_MAX);
        if (problems.isEmpty()) {
            tooMany(caller, organisation).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return new Registered(null, null, problems);
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(
                UUID.randomUUID(),
                caller.requireTenant(),
                Objects.requireNonNull(url, "the check refuses an endpoint without its URL"),
                description,
                kinds,
                organisation,
                Objects.requireNonNull(email, "the check refuses an endpoint without a contact email"),
                WebhookEndpoint.Status.ACTIVE,
                null,
                0,
                clock.now(),
                Objects.requireNonNull(caller.subject(), "only a signed-in keeper registers an endpoint"),
                0);
        String secret = SigningSecrets.newSecret();
        endpoints.insert(endpoint, secrets.seal(endpoint.tenantId(), endpoint.id(), secret));
        audit.record(
                caller.requireTenant(),
                "WebhookEndpoint.registered",
                WebhookEndpoint.TYPE,
                endpoint.id(),
                null,
                endpoint);
        return new Registered(endpoint, secret, List.of());
    }

    /** The refusal when the agency (null: the partnership) has as many endpoints as it may. */
    private Optional<UserError> tooMany(Caller caller, @Nullable UUID organisation) {
        int most = organisation == null ? PARTNERSHIP_MOST : AGENCY_MOST;
        if (endpoints.countHeld(caller.requireTenant(), organisation) < most) {
            return Optional.empty();
        }
        String whose = organisation == null ? "The partnership has" : "The agency has";
        return Optional.of(UserError.of(
                Code.NOT_ALLOWED,
                whose + " " + most + " webhook endpoints, the most it may have: remove one before registering another.",
                "input",
                organisation == null ? "url" : "partnerOrganisationId"));
    }

    Changed pause(Caller caller, WebhookEndpointVersion input) {
        return setStatus(caller, input, WebhookEndpoint.Status.PAUSED, "Paused through the API.", "paused");
    }

    Changed resume(Caller caller, WebhookEndpointVersion input) {
        return setStatus(caller, input, WebhookEndpoint.Status.ACTIVE, null, "resumed");
    }

    Changed remove(Caller caller, WebhookEndpointVersion input) {
        WebhookAccess.keeperScope(caller);
        Optional<WebhookEndpoint> found = found(caller, input);
        if (found.isEmpty()) {
            return Changed.refused(UserError.notFound("id", "webhook endpoint"));
        }
        long version = input.version();
        if (!endpoints.remove(caller.requireTenant(), found.get().id(), version)) {
            return Changed.refused(
                    UserError.conflict("webhook endpoint", found.get().version(), version));
        }
        audit.record(
                caller.requireTenant(),
                "WebhookEndpoint.removed",
                WebhookEndpoint.TYPE,
                found.get().id(),
                found.get(),
                null);
        return new Changed(
                null, GlobalId.encode(WebhookEndpoint.TYPE, found.get().id()), List.of());
    }

    private Changed setStatus(
            Caller caller,
            WebhookEndpointVersion input,
            WebhookEndpoint.Status status,
            @Nullable String reason,
            String done) {
        WebhookAccess.keeperScope(caller);
        Optional<WebhookEndpoint> found = found(caller, input);
        if (found.isEmpty()) {
            return Changed.refused(UserError.notFound("id", "webhook endpoint"));
        }
        WebhookEndpoint current = found.get();
        long version = input.version();
        if (current.status() == status) {
            return Changed.refused(
                    UserError.notInState("webhook endpoint", current.status(), List.of(opposite(status)), done, ""));
        }
        Optional<WebhookEndpoint> changed =
                endpoints.setStatus(caller.requireTenant(), current.id(), version, status, reason);
        if (changed.isEmpty()) {
            return Changed.refused(UserError.conflict("webhook endpoint", current.version(), version));
        }
        audit.record(
                caller.requireTenant(),
                "WebhookEndpoint." + done,
                WebhookEndpoint.TYPE,
                current.id(),
                current,
                changed.get());
        return new Changed(changed.get(), null, List.of());
    }

    private static WebhookEndpoint.Status opposite(WebhookEndpoint.Status status) {
        return status == WebhookEndpoint.Status.ACTIVE ? WebhookEndpoint.Status.PAUSED : WebhookEndpoint.Status.ACTIVE;
    }

    private Optional<WebhookEndpoint> found(Caller caller, WebhookEndpointVersion input) {
        return GlobalId.decode(input.id(), WebhookEndpoint.TYPE).flatMap(id -> reading.visible(caller, id));
    }

    /**
     * The agency the endpoint is for: a partner lead's own (given or by default; another is
     * refused), or for a tenant admin the one named, if any (null: the partnership's).
     */
    private @Nullable UUID organisation(
            Caller caller, Optional<UUID> ownAgency, @Nullable String id, List<UserError> problems) {
        if (id == null) {
            return ownAgency.orElse(null);
        }
        Optional<UUID> named = GlobalId.decode(id, PartnerOrganisation.TYPE);
        if (ownAgency.isPresent() && !ownAgency.equals(named)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "A partner lead registers webhook endpoints for their own organisation only.");
        }
        Optional<PartnerOrganisation> visible = named.flatMap(uuid -> partners.visible(caller, uuid));
        if (visible.isEmpty()) {
            problems.add(UserError.notFound("partnerOrganisationId", "partner organisation"));
            return null;
        }
        return visible.get().id();
    }

    private static List<EventKind> kinds(List<EventKind> given, List<UserError> problems) {
        LinkedHashSet<EventKind> kinds = new LinkedHashSet<>(given);
        if (kinds.contains(EventKind.WEBHOOK_ENDPOINT_PAUSED)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "WEBHOOK_ENDPOINT_PAUSED is told to the endpoint's contact by email, never to an endpoint.",
                    "input",
                    "eventKinds"));
        }
        if (kinds.isEmpty()) {
            problems.add(UserError.of(Code.REQUIRED, "Subscribe to at least one event kind.", "input", "eventKinds"));
        }
        return List.copyOf(kinds);
    }
}
