package uk.trustplatform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.webhooks.WebhookDeliveries.Parcel;

/**
 * Posts due deliveries. Each run claims a batch with a lease in one short transaction and commits
 * it; then, with no transaction open, every delivery of the batch at once opens its endpoint's
 * secret, resolves and checks the receiver's name and posts, each attempt cut off at the timeout
 * (so a slow receiver or name server holds no connection nor row lock, and the whole batch ends
 * within one timeout, well inside the lease); another transaction records the results. A second
 * sender, in this pod or another, skips what the first holds until its lease ends: no delivery is
 * posted twice while its lease holds, and a result recorded after the lease ended changes nothing.
 */
@Singleton
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final String USER_AGENT = "TrustPlatform-Webhooks/1.0";
    /** What of an answer's body is read (and dropped) so the connection may be used again: no more. */
    private static final int BODY_READ_MAX = 16 * 1024;

    private static final String SECRET_UNOPENED = "The endpoint's signing secret does not open with the platform's"
            + " key (TRUST_WEBHOOKS_SECRET_KEY was changed?): remove the endpoint and register it again.";

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
    /** One virtual thread per attempt: resolving a name blocks, and every delivery of a batch goes at once. */
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

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
        // A redirect is a failed attempt: following one would post to a place nobody checked. A
        // proxy (the JVM's, from system properties) would connect to addresses nobody checked.
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(settings.timeout())
                .build();
    }

    @PreDestroy
    void stop() {
        attempts.shutdownNow();
        http.shutdownNow();
    }

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
        // An active tenant's, which the register keeps as it keeps every tenant it ever had.
        String slug = Objects.requireNonNull(
                        directory.byIds(List.of(tenantId)).get(tenantId), "a tenant of the register")
                .slug();
        List<Parcel> parcels = transactions.inTenant(
                tenantId, false, () -> deliveries.claim(tenantId, settings.batchSize(), settings.lease()));
        if (parcels.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        List<Future<Attempt>> running = parcels.stream()
                .map(parcel -> attempts.submit(() -> attempt(tenantId, slug, parcel)))
                .toList();
        List<Attempt> made = new ArrayList<>();
        for (int i = 0; i < parcels.size(); i++) {
            made.add(outcome(parcels.get(i), running.get(i), deadline));
        }
        transactions.inTenant(tenantId, false, () -> {
            made.forEach(attempt -> record(tenantId, attempt));
            return null;
        });
        return made.size();
    }

    /**
     * One delivery's attempt, in a thread of its own: the secret opened, the name resolved and
     * checked, then the post. Interrupted at the deadline, it posts nothing more.
     */
    private Attempt attempt(UUID tenantId, String slug, Parcel parcel) throws IOException, InterruptedException {
        Optional<String> secret = secrets.open(tenantId, parcel.endpointId(), parcel.sealedSecret());
        if (secret.isEmpty()) {
            return new Attempt(parcel, null, SECRET_UNOPENED);
        }
        URI url = URI.create(parcel.url());
        // Resolved again now, just before the post: the name may point elsewhere since it was
        // registered. The client resolves it once more to connect, and is normally given the same
        // addresses from the JVM's cache, which keeps a lookup for 30 s by default
        // (networkaddress.cache.ttl). A lookup that expires between the two, a few milliseconds
        // apart, leaves that window to a name rebound to an internal address: java.net.http cannot
        // be made to connect to the address checked here.
        Optional<String> refusal = addresses.refusalNow(url);
        if (refusal.isPresent()) {
            return new Attempt(parcel, null, refusal.get());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("Past the deadline while resolving: not posted");
        }
        int status = http.send(request(parcel, url, slug, secret.get()), answer -> new Drain())
                .statusCode();
        return new Attempt(parcel, status, refusalOf(status));
    }

    /** The attempt's result once it ends, or at the deadline a failed attempt (and its post stopped). */
    private Attempt outcome(Parcel parcel, Future<Attempt> running, long deadline) {
        try {
            return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            // Interrupting the post cancels its exchange: no body is read on after this.
            running.cancel(true);
            return new Attempt(parcel, null, noAnswer());
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException) {
                LOG.debug("Webhook delivery {} got no answer", parcel.id(), failed.getCause());
            } else {
                LOG.warn("Webhook delivery {} could not be attempted", parcel.id(), failed.getCause());
            }
            return new Attempt(parcel, null, noAnswer());
        } catch (InterruptedException stopping) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while posting webhooks", stopping);
        }
    }

    private HttpRequest request(Parcel parcel, URI url, String slug, String secret) {
        String messageId = GlobalId.encode(WebhookDelivery.EVENT_TYPE, parcel.eventId());
        String body = body(parcel, slug, messageId);
        long timestamp = parcel.nowEpochSecond();
        return HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.of(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
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
                            : GlobalId.encode(SchemaTypes.PARTNER_ORGANISATION, parcel.partnerOrganisationId()));
            JsonNode summary = json.readTree(parcel.summary());
            summary.properties().forEach(fact -> data.putIfAbsent(fact.getKey(), fact.getValue()));
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook body could not be written", e);
        }
    }

    private static @Nullable String refusalOf(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        return status >= 300 && status < 400 ? "HTTP " + status + ": redirects are not followed" : "HTTP " + status;
    }

    /**
     * Whatever kept an answer from coming, in the same words: telling a refused connection from a
     * failed handshake or a silent port would make the delivery log a port scanner. The cause is
     * in the platform's log (debug).
     */
    private String noAnswer() {
        return "No answer: the connection failed, or no response came within "
                + settings.timeout().toSeconds() + " s";
    }

    private void record(UUID tenantId, Attempt attempt) {
        Parcel parcel = attempt.parcel();
        if (attempt.delivered()) {
            int status = Objects.requireNonNull(attempt.status(), "a delivered attempt had a response");
            if (deliveries.delivered(tenantId, parcel.id(), parcel.lease(), status)) {
                endpoints.succeeded(tenantId, parcel.endpointId());
            } else {
                stale(parcel);
            }
            return;
        }
        // Not delivered: there was no response, or refusalOf says why its status is a failure.
        String error = Objects.requireNonNull(attempt.error(), "an attempt not delivered says what went wrong");
        int made = parcel.attempts() + 1;
        Duration retryAfter = made >= settings.maxAttempts() ? null : settings.delayAfter(made);
        if (deliveries.failed(tenantId, parcel.id(), parcel.lease(), attempt.status(), error, retryAfter)) {
            failing.failedAttempt(tenantId, parcel.endpointId(), error);
        } else {
            stale(parcel);
        }
    }

    private static void stale(Parcel parcel) {
        LOG.info(
                "Webhook delivery {}: its lease ended before its result was recorded; the result is dropped",
                parcel.id());
    }

    /**
     * Reads and drops at most {@link #BODY_READ_MAX} bytes of an answer, then lets the rest go: only
     * its status counts, and a receiver sending without end holds the attempt no longer.
     */
    private static final class Drain implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;
        private long read;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            read += item.stream().mapToLong(ByteBuffer::remaining).sum();
            if (read > BODY_READ_MAX) {
                Objects.requireNonNull(subscription, "a publisher subscribes before it sends")
                        .cancel();
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
