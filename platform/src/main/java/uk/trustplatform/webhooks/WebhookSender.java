package uk.trustplatform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.webhooks.WebhookDeliveries.Parcel;

/**
 * Posts due deliveries. Each run claims a batch with a lease in one short transaction, posts the
 * batch at once outside any transaction (so a slow receiver holds no connection, and the whole
 * batch ends within one timeout, well inside the lease), and records the results in another. A
 * second sender, in this pod or another, skips what the first holds until its lease ends: no
 * delivery is posted twice while its lease holds.
 */
@Singleton
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final String USER_AGENT = "TrustPlatform-Webhooks/1.0";

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final SigningSecrets secrets;
    private final EndpointAddresses addresses;
    private final FailingEndpoints failing;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    WebhookSender(
            TenantDirectory directory,
            TenantTransactions transactions,
            WebhookDeliveries deliveries,
            WebhookEndpoints endpoints,
            SigningSecrets secrets,
            EndpointAddresses addresses,
            FailingEndpoints failing,
            WebhookSettings settings,
            ObjectMapper json) {
        this.directory = directory;
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.addresses = addresses;
        this.failing = failing;
        this.settings = settings;
        this.json = json;
        // A redirect is a failed attempt: following one would post to a place nobody checked.
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    /** A claimed delivery ready to post: its signed request, or why it may not be posted. */
    private record Prepared(
            Parcel parcel,
            @Nullable HttpRequest request,
            @Nullable String refusal) {}

    /** What one attempt came to: the response's status, or none and what went wrong. */
    private record Attempt(
            Parcel parcel,
            @Nullable Integer status,
            @Nullable String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(
            fixedDelay = "${trust.webhooks.send.interval:5s}",
            initialDelay = "${trust.webhooks.send.initial-delay:30s}")
    void sendAll() {
        if (!settings.enabled()) {
            return;
        }
        for (UUID tenant : directory.activeTenantIds()) {
            try {
                sendDue(tenant);
            } catch (RuntimeException e) {
                // Left claimed, the deliveries are tried again when their lease ends.
                LOG.warn("Webhook sending failed for tenant {}", tenant, e);
            }
        }
    }

    /** Posts one batch of a tenant's due deliveries; how many were attempted. */
    int sendDue(UUID tenantId) {
        String slug = directory.byIds(List.of(tenantId)).get(tenantId).slug();
        List<Prepared> batch = transactions.inTenant(tenantId, false, () -> {
            List<Parcel> parcels = deliveries.claim(tenantId, settings.batchSize(), settings.lease());
            Map<UUID, String> secretOf = new HashMap<>();
            return parcels.stream()
                    .map(parcel -> prepare(
                            parcel,
                            slug,
                            secretOf.computeIfAbsent(
                                    parcel.endpointId(),
                                    endpoint -> secrets.open(endpoints.sealedSecret(tenantId, endpoint)))))
                    .toList();
        });
        if (batch.isEmpty()) {
            return 0;
        }
        List<Attempt> attempts = batch.stream().map(this::post).toList().stream()
                .map(CompletableFuture::join)
                .toList();
        transactions.inTenant(tenantId, false, () -> {
            attempts.forEach(attempt -> record(tenantId, attempt));
            return null;
        });
        return attempts.size();
    }

    private Prepared prepare(Parcel parcel, String slug, String secret) {
        URI url = URI.create(parcel.url());
        // Resolved again now: the name may point elsewhere since it was registered. The JVM keeps
        // what it resolved for a while, so the client connects to the addresses checked here.
        Optional<String> refusal = addresses.refusalNow(url);
        if (refusal.isPresent()) {
            return new Prepared(parcel, null, refusal.get());
        }
        String messageId = GlobalId.encode(WebhookDelivery.EVENT_TYPE, parcel.eventId());
        String body = body(parcel, slug, messageId);
        long timestamp = parcel.nowEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.of(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return new Prepared(parcel, request, null);
    }

    /** The body: the event's type and time, and in {@code data} its ids and its summary's facts. */
    private String body(Parcel parcel, String slug, String messageId) {
        try {
            ObjectNode root = json.createObjectNode();
            root.put("type", parcel.kind());
            root.put("timestamp", parcel.occurredAt().toInstant().toString());
            ObjectNode data = root.putObject("data");
            data.put("id", messageId);
            data.put("tenant", slug);
            data.putObject("subject")
                    .put("id", GlobalId.encode(parcel.subjectType(), parcel.subjectId()))
                    .put("type", parcel.subjectType());
            data.put(
                    "partnerOrganisationId",
                    parcel.partnerOrganisationId() == null
                            ? null
                            : GlobalId.encode("PartnerOrganisation", parcel.partnerOrganisationId()));
            JsonNode summary = json.readTree(parcel.summary());
            summary.properties().forEach(fact -> data.putIfAbsent(fact.getKey(), fact.getValue()));
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook body could not be written", e);
        }
    }

    private CompletableFuture<Attempt> post(Prepared prepared) {
        if (prepared.request() == null) {
            return CompletableFuture.completedFuture(new Attempt(prepared.parcel(), null, prepared.refusal()));
        }
        return http.sendAsync(prepared.request(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Attempt(prepared.parcel(), response.statusCode(), refusalOf(response.statusCode()))
                        : new Attempt(prepared.parcel(), null, describe(failure)));
    }

    private static String refusalOf(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        return status >= 300 && status < 400 ? "HTTP " + status + ": redirects are not followed" : "HTTP " + status;
    }

    /** What went wrong, in a few words: never a stack. */
    private String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "No answer within " + settings.timeout().toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "Could not connect";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void record(UUID tenantId, Attempt attempt) {
        Parcel parcel = attempt.parcel();
        if (attempt.delivered()) {
            deliveries.delivered(tenantId, parcel.id(), attempt.status());
            endpoints.succeeded(tenantId, parcel.endpointId());
            return;
        }
        int made = parcel.attempts() + 1;
        boolean exhausted = made >= settings.maxAttempts();
        deliveries.failed(
                tenantId, parcel.id(), attempt.status(), attempt.error(), exhausted ? null : settings.delayAfter(made));
        failing.failedAttempt(tenantId, parcel.endpointId(), exhausted, made, attempt.error());
    }
}
