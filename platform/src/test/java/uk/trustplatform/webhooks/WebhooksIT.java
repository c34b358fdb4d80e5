package uk.trustplatform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.notifications.DomainEvent;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Webhooks end to end, against real PostgreSQL and real HTTP receivers on the loopback: the
 * workers run every 100 ms, a retry schedule of 0.3, 0.6 and 1.2 s (each within 10 %) stands for
 * the day-long one and an attempt is cut off after 2 s. Tests whose receivers fail subscribe to
 * kinds of their own, so their slow or failing attempts reach no other test's receivers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String REGISTER =
            "mutation ($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i)"
                    + " { endpoint { id status partnerOrganisation { id } } signingSecret userErrors { field message code } } }";
    private static final String LOG =
            "query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint { status pausedReason version"
                    + " consecutiveFailures deliveries(first: 50) { edges { node { status eventKind eventId subjectId attempts"
                    + " lastResponseCode lastError lastAttemptAt nextAttemptAt deliveredAt } } } } } }";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "trust.webhooks.enabled", "true",
                "trust.webhooks.fan-out.interval", "100ms",
                "trust.webhooks.fan-out.initial-delay", "0s",
                "trust.webhooks.send.interval", "100ms",
                "trust.webhooks.send.initial-delay", "0s",
                "trust.webhooks.retry-delays", "300ms,600ms,1200ms",
                "trust.webhooks.pause-after-failures", "3",
                "trust.webhooks.timeout", "2s");
    }

    @Inject
    EmbeddedServer server;

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions transactions;

    @Inject
    WebhookSender sender;

    @Inject
    FailingEndpoints failing;

    @Inject
    WebhookDeliveries deliveries;

    private final Receiver receiver = new Receiver();
    private TestTenant tenant;
    private ApiCaller admin;
    private UUID police;
    private UUID policeCustody;
    private UUID health;

    @BeforeAll
    void aPartnershipWithAnAgencyAndAServiceBelowIt() throws IOException {
        receiver.start();
        tenant = TestTenants.active("hooks");
        admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        police = organisation(admin, "Hookshire Constabulary", null);
        policeCustody = organisation(admin, "Hookshire Custody Suite", police);
        health = organisation(admin, "Hookshire Community Health", null);
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void registration_shows_the_secret_once_and_each_problem_names_its_field_and_rule() {
        Reply registered = admin.query(REGISTER, Map.of("i", input(receiver.url("/once"), List.of("PLEDGE_SIGNED"))));
        String secret = registered
                .data()
                .path("registerWebhookEndpoint")
                .path("signingSecret")
                .asText();
        String id = registered
                .data()
                .path("registerWebhookEndpoint")
                .path("endpoint")
                .path("id")
                .asText();
        Reply refused = admin.query(
                REGISTER,
                Map.of(
                        "i",
                        Map.of(
                                "url",
                                "http://10.0.0.7/hooks",
                                "eventKinds",
                                List.of(),
                                "contactEmail",
                                "not an address",
                                "description",
                                "d".repeat(501))));
        Reply metadata =
                admin.query(REGISTER, Map.of("i", input("http://169.254.169.254/latest", List.of("PLEDGE_SIGNED"))));
        Reply credentials =
                admin.query(REGISTER, Map.of("i", input("http://u:p@127.0.0.1/x", List.of("PLEDGE_SIGNED"))));
        Reply paused =
                admin.query(REGISTER, Map.of("i", input(receiver.url("/x"), List.of("WEBHOOK_ENDPOINT_PAUSED"))));
        ApiCaller policeLead = ApiCaller.member(server, "lead", Role.PARTNER_LEAD, tenant.slug(), police);
        Reply ownByDefault =
                policeLead.query(REGISTER, Map.of("i", input(receiver.url("/lead"), List.of("PLEDGE_SIGNED"))));
        Map<String, Object> forHealth = new java.util.HashMap<>(input(receiver.url("/lead"), List.of("PLEDGE_SIGNED")));
        forHealth.put("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", health));
        Reply another = policeLead.query(REGISTER, Map.of("i", forHealth));
        Reply board = ApiCaller.member(server, "board", Role.BOARD_MEMBER, tenant.slug(), null)
                .query(REGISTER, Map.of("i", input(receiver.url("/board"), List.of("PLEDGE_SIGNED"))));

        assertThat(registered.data().path("registerWebhookEndpoint").path("userErrors"))
                .isEmpty();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(admin.query(LOG.replace("status pausedReason", "status url"), Map.of("id", id))
                        .text())
                .as("never readable again")
                .doesNotContain(secret.substring(6));
        assertThat(storedSecret(id)).as("stored encrypted").doesNotContain(secret.substring(6));
        assertThat(problems(refused))
                .containsExactlyInAnyOrder(
                        "NOT_ALLOWED url The url's host must resolve to public internet addresses only;"
                                + " 10.0.0.7 is a private address.",
                        "REQUIRED eventKinds Subscribe to at least one event kind.",
                        "INVALID_FORMAT contactEmail The contactEmail must be an email address, like name@agency.example.",
                        "TOO_LONG description The description is longer than 500 characters.");
        assertThat(problems(metadata))
                .containsExactly("NOT_ALLOWED url The url's host must resolve to public internet addresses only;"
                        + " 169.254.169.254 is a link-local address.");
        assertThat(problems(credentials))
                .containsExactly("NOT_ALLOWED url The url must not carry a user name or password.");
        assertThat(problems(paused))
                .containsExactly("NOT_ALLOWED eventKinds WEBHOOK_ENDPOINT_PAUSED is told to the endpoint's contact by"
                        + " email, never to an endpoint.");
        assertThat(ownByDefault
                        .data()
                        .path("registerWebhookEndpoint")
                        .path("endpoint")
                        .path("partnerOrganisation")
                        .path("id")
                        .asText())
                .isEqualTo(GlobalId.encode("PartnerOrganisation", police));
        assertThat(another.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(board.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_real_event_reaches_the_guides_receiver_once_signed_and_it_refuses_a_tampered_body_and_an_old_timestamp()
            throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/webhooks";
        JsonNode registered = registered(admin, input(url, List.of("ACTION_PLAN_RETURNED")));
        String secret = registered.path("signingSecret").asText();
        ProcessBuilder run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        guideReceiver().toString())
                .redirectErrorStream(true);
        run.environment().put("WEBHOOK_SECRET", secret);
        run.environment().put("PORT", String.valueOf(port));
        Process guide = run.start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(guide.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("Listening on port " + port);
            UUID plan = UUID.randomUUID();
            publish(EventKind.ACTION_PLAN_RETURNED, plan, police, Map.of("reason", "Please add a second action."));
            JsonNode delivery =
                    awaitDelivery(registered.path("endpoint").path("id").asText(), "DELIVERED");
            String received = output.readLine();
            String id = delivery.path("eventId").asText();
            long now = Instant.now().getEpochSecond();
            String body = "{\"type\":\"action_plan.returned\"}";

            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("lastResponseCode").asInt()).isEqualTo(204);
            assertThat(delivery.path("subjectId").asText()).isEqualTo(GlobalId.encode("ActionPlan", plan));
            assertThat(received).startsWith("Received " + id + ": ");
            JsonNode sent = JSON.readTree(received.substring(("Received " + id + ": ").length()));
            assertThat(sent.path("type").asText()).isEqualTo("action_plan.returned");
            assertThat(sent.path("data").toString())
                    .isEqualTo("{\"id\":\"" + id + "\",\"tenant\":\"" + tenant.slug() + "\",\"subject\":{\"id\":\""
                            + GlobalId.encode("ActionPlan", plan) + "\",\"type\":\"ActionPlan\"},"
                            + "\"partnerOrganisationId\":\"" + GlobalId.encode("PartnerOrganisation", police) + "\","
                            + "\"reason\":\"Please add a second action.\"}");
            assertThat(post(url, id, now, WebhookSignature.of(secret, id, now, body), body))
                    .as("signed now")
                    .isEqualTo(204);
            assertThat(post(
                            url,
                            id,
                            now,
                            WebhookSignature.of(secret, id, now, body),
                            body.replace("returned", "approved")))
                    .as("a tampered body")
                    .isEqualTo(401);
            long old = now - 6 * 60;
            assertThat(post(url, id, old, WebhookSignature.of(secret, id, old, body), body))
                    .as("a replay six minutes old")
                    .isEqualTo(401);
            assertThat(post(url, id, now, WebhookSignature.of(SigningSecrets.newSecret(), id, now, body), body))
                    .as("signed with another secret")
                    .isEqualTo(401);
        } finally {
            guide.destroy();
        }
    }

    @Test
    void a_receiver_failing_twice_then_succeeding_gets_three_attempts_further_and_further_apart() {
        int[] calls = {0};
        receiver.answer("/flaky", () -> ++calls[0] <= 2 ? 500 : 200);
        String endpoint = endpointAt("/flaky", null);
        publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());

        JsonNode delivery = awaitDelivery(endpoint, "DELIVERED");
        List<Receiver.Received> attempts = receiver.at("/flaky");

        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(a -> a.headers().get("webhook-id"))
                .containsOnly(delivery.path("eventId").asText());
        assertThat(Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(270));
        assertThat(Duration.ofNanos(attempts.get(2).nanos() - attempts.get(1).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(540));
        assertThat(endpointField(endpoint, "consecutiveFailures").asInt())
                .as("reset by the success")
                .isZero();
    }

    @Test
    void an_endpoint_that_keeps_failing_is_paused_its_contact_told_and_its_events_queued_until_resumed() {
        receiver.answer("/down", () -> 500);
        String endpoint = endpointAt("/down", null);
        publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());

        await(() -> endpointField(endpoint, "status").asText().equals("PAUSED"));
        UUID endpointId = GlobalId.decode(endpoint).orElseThrow().uuid();
        List<DomainEvent> pauses = pausesOf(endpointId);
        publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());
        publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());

        assertThat(endpointField(endpoint, "pausedReason").asText())
                .isEqualTo("3 attempts in a row failed; the last: HTTP 500.");
        assertThat(receiver.at("/down")).hasSize(3);
        assertThat(pauses).hasSize(1);
        assertThat(pauses.getFirst().summary().path("reason").asText())
                .isEqualTo("3 attempts in a row failed; the last: HTTP 500.");
        assertThat(transactions.inTenant(tenant.id(), false, () -> failing.of(pauses.getFirst())))
                .extracting(recipient -> recipient.address() + " / " + recipient.name())
                .containsExactly("systems@agency.example / contact for the webhook endpoint at 127.0.0.1");
        awaitQueued();
        assertThat(deliveries(endpoint))
                .as("queued while paused, not posted")
                .hasSize(3)
                .filteredOn(d -> d.path("attempts").asInt() == 0)
                .hasSize(2);
        assertThat(receiver.at("/down")).hasSize(3);

        receiver.answer("/down", () -> 204);
        atItsVersion("resumeWebhookEndpoint", endpoint, "endpoint { status }");
        await(() -> deliveries(endpoint).stream()
                .allMatch(d -> d.path("status").asText().equals("DELIVERED")));
        assertThat(receiver.at("/down")).hasSize(6);
    }

    @Test
    void one_delivery_using_every_attempt_does_not_pause_an_endpoint_that_others_get_through_to() {
        UUID refused = UUID.randomUUID();
        String refusedId = GlobalId.encode("ActionPlan", refused);
        receiver.answerBy("/picky", got -> got.body().contains(refusedId) ? 422 : 204);
        String endpoint = endpointFor("/picky", "PLEDGE_RENEWED");
        publish(EventKind.PLEDGE_RENEWED, refused, null, Map.of());

        // Others keep getting through between the refused one's attempts.
        await(() -> {
            publish(EventKind.PLEDGE_RENEWED, UUID.randomUUID(), null, Map.of());
            return deliveryOf(refused).equals("FAILED 4");
        });
        awaitQueued();

        assertThat(endpointField(endpoint, "status").asText()).isEqualTo("ACTIVE");
        assertThat(pausesOf(GlobalId.decode(endpoint).orElseThrow().uuid())).isEmpty();
    }

    @Test
    void a_late_result_from_a_sender_whose_lease_ended_changes_nothing() {
        String endpoint = endpointFor("/late", "PLEDGE_INVITED");
        UUID subject = UUID.randomUUID();
        publish(EventKind.PLEDGE_INVITED, subject, null, Map.of());
        awaitDelivery(endpoint, "DELIVERED");
        UUID id = UUID.fromString(one("SELECT d.id::text FROM webhook_delivery d JOIN domain_event ev"
                + " ON ev.tenant_id = d.tenant_id AND ev.id = d.event_id WHERE d.tenant_id = ? AND ev.subject_id = '"
                + subject + "'"));
        OffsetDateTime lapsedLease = OffsetDateTime.now().minusMinutes(1);

        boolean recorded = transactions.inTenant(
                tenant.id(),
                false,
                () -> deliveries.failed(tenant.id(), id, lapsedLease, 500, "HTTP 500", Duration.ofSeconds(1)));

        assertThat(recorded).isFalse();
        assertThat(deliveryOf(subject)).isEqualTo("DELIVERED 1");
    }

    @Test
    void an_endless_body_is_left_unread_and_a_receiver_that_never_finishes_is_cut_off_at_the_timeout() {
        receiver.stream("/endless", Duration.ZERO);
        receiver.stream("/trickle", Duration.ofMillis(100));
        String endless = endpointFor("/endless", "PLEDGE_WITHDRAWN");
        String trickle = endpointFor("/trickle", "PLEDGE_WITHDRAWN");
        publish(EventKind.PLEDGE_WITHDRAWN, UUID.randomUUID(), null, Map.of());

        JsonNode delivered = awaitDelivery(endless, "DELIVERED");
        await(() -> deliveries(trickle).getFirst().path("attempts").asInt() >= 1);
        JsonNode cutOff = deliveries(trickle).getFirst();
        remove(endless);
        remove(trickle);

        assertThat(delivered.path("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(cutOff.path("lastResponseCode").isNull()).isTrue();
        assertThat(cutOff.path("lastError").asText())
                .isEqualTo("No answer: the connection failed, or no response came within 2 s");
    }

    @Test
    void a_secret_sealed_for_another_endpoint_does_not_open_and_fails_only_that_delivery() {
        String own = endpointFor("/sealed-own", "PLEDGE_LAPSED");
        String copied = endpointFor("/sealed-copied", "PLEDGE_LAPSED");
        changeAsOwner("UPDATE webhook_endpoint SET secret_ciphertext = (SELECT secret_ciphertext FROM webhook_endpoint"
                + " WHERE id = '" + uuid(own) + "') WHERE tenant_id = ? AND id = '" + uuid(copied) + "'");
        publish(EventKind.PLEDGE_LAPSED, UUID.randomUUID(), null, Map.of());

        awaitDelivery(own, "DELIVERED");
        await(() -> deliveries(copied).getFirst().path("attempts").asInt() >= 1);
        JsonNode failed = deliveries(copied).getFirst();
        remove(copied);

        assertThat(failed.path("status").asText()).isEqualTo("PENDING");
        assertThat(failed.path("lastError").asText())
                .isEqualTo("The endpoint's signing secret does not open with the platform's key"
                        + " (TRUST_WEBHOOKS_SECRET_KEY was changed?): remove the endpoint and register it again.");
        assertThat(receiver.at("/sealed-copied")).isEmpty();
    }

    @Test
    void an_agency_has_at_most_10_endpoints_and_the_partnership_25_of_its_own() {
        UUID fire = organisation(admin, "Hookshire Fire and Rescue", null);
        for (int i = 0; i < KeepingWebhookEndpoints.AGENCY_MOST; i++) {
            endpointFor("/fire", "CONFIGURATION_PUBLISHED", fire);
        }
        Map<String, Object> oneMore = new java.util.HashMap<>(input(receiver.url("/fire"), List.of("PLEDGE_SIGNED")));
        oneMore.put("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", fire));
        TestTenant full = TestTenants.active("hooklimit");
        changeAsOwner(
                full,
                "INSERT INTO webhook_endpoint (tenant_id, id, url, event_kinds, contact_email, secret_ciphertext,"
                        + " created_by) SELECT ?, gen_random_uuid(), 'https://partner.example/hooks',"
                        + " ARRAY['pledge.signed'], 'systems@agency.example', '\\x00', 'test'"
                        + " FROM generate_series(1, " + KeepingWebhookEndpoints.PARTNERSHIP_MOST + ")");

        assertThat(problems(admin.query(REGISTER, Map.of("i", oneMore))))
                .containsExactly("NOT_ALLOWED partnerOrganisationId The agency has 10 webhook endpoints, the most it"
                        + " may have: remove one before registering another.");
        assertThat(problems(ApiCaller.member(server, "admin", Role.TENANT_ADMIN, full.slug(), null)
                        .query(REGISTER, Map.of("i", input(receiver.url("/full"), List.of("PLEDGE_SIGNED"))))))
                .containsExactly("NOT_ALLOWED url The partnership has 25 webhook endpoints, the most it may have:"
                        + " remove one before registering another.");
    }

    @Test
    void two_senders_draining_the_same_deliveries_post_each_once() throws Exception {
        String endpoint = endpointAt("/count", null);
        for (int i = 0; i < 30; i++) {
            publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());
        }
        awaitQueued();
        CompletableFuture<?>[] senders = new CompletableFuture<?>[2];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = CompletableFuture.runAsync(() -> {
                while (sender.sendDue(tenant.id()) > 0) {
                    // until nothing is due
                }
            });
        }
        CompletableFuture.allOf(senders).get();
        await(() -> deliveries(endpoint).stream()
                .allMatch(d -> d.path("status").asText().equals("DELIVERED")));

        List<String> ids = receiver.at("/count").stream()
                .map(r -> r.headers().get("webhook-id"))
                .toList();
        assertThat(ids).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void a_redirect_is_a_failed_attempt_and_is_never_followed() {
        receiver.answer("/moved", () -> 302);
        String endpoint = endpointAt("/moved", null);
        publish(EventKind.PLEDGE_SIGNED, UUID.randomUUID(), null, Map.of());

        await(() -> !receiver.at("/moved").isEmpty()
                && deliveries(endpoint).getFirst().path("attempts").asInt() >= 1);
        JsonNode delivery = deliveries(endpoint).getFirst();

        assertThat(delivery.path("lastResponseCode").asInt()).isEqualTo(302);
        assertThat(delivery.path("lastError").asText()).isEqualTo("HTTP 302: redirects are not followed");
        assertThat(receiver.at("/redirected")).isEmpty();
    }

    @Test
    void an_event_reaches_only_its_tenants_endpoints_whose_scope_covers_it() {
        String partnership = endpointAt("/partnership", null);
        String ofPolice = endpointAt("/police", police);
        String ofHealth = endpointAt("/health", health);
        TestTenant other = TestTenants.active("otherhooks");
        String otherTenants = registered(
                        ApiCaller.member(server, "admin", Role.TENANT_ADMIN, other.slug(), null),
                        input(receiver.url("/other-tenant"), List.of("PLEDGE_SIGNED")))
                .path("endpoint")
                .path("id")
                .asText();
        UUID aboutCustody = UUID.randomUUID();
        UUID aboutHealth = UUID.randomUUID();
        UUID partnershipWide = UUID.randomUUID();
        publish(EventKind.PLEDGE_SIGNED, aboutCustody, policeCustody, Map.of());
        publish(EventKind.PLEDGE_SIGNED, aboutHealth, health, Map.of());
        publish(EventKind.PLEDGE_SIGNED, partnershipWide, null, Map.of());
        awaitQueued();

        assertThat(subjects(partnership))
                .containsExactlyInAnyOrder(
                        GlobalId.encode("ActionPlan", aboutCustody),
                        GlobalId.encode("ActionPlan", aboutHealth),
                        GlobalId.encode("ActionPlan", partnershipWide));
        assertThat(subjects(ofPolice))
                .as("a service below the agency")
                .containsExactly(GlobalId.encode("ActionPlan", aboutCustody));
        assertThat(subjects(ofHealth)).containsExactly(GlobalId.encode("ActionPlan", aboutHealth));
        assertThat(ApiCaller.member(server, "admin", Role.TENANT_ADMIN, other.slug(), null)
                        .query(LOG, Map.of("id", otherTenants))
                        .data()
                        .path("node")
                        .path("deliveries")
                        .path("edges"))
                .isEmpty();
        assertThat(receiver.at("/other-tenant")).isEmpty();
    }

    private List<String> subjects(String endpoint) {
        return deliveries(endpoint).stream()
                .map(d -> d.path("subjectId").asText())
                .toList();
    }

    /** A partnership endpoint subscribed to one kind only, which no other test publishes. */
    private String endpointFor(String path, String kind) {
        return endpointFor(path, kind, null);
    }

    private String endpointFor(String path, String kind, UUID organisation) {
        Map<String, Object> input = new java.util.HashMap<>(input(receiver.url(path), List.of(kind)));
        if (organisation != null) {
            input.put("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", organisation));
        }
        return registered(admin, input).path("endpoint").path("id").asText();
    }

    /** Removes an endpoint, so its failing deliveries stop taking the senders' time. */
    private void remove(String endpoint) {
        atItsVersion("removeWebhookEndpoint", endpoint, "removedId");
    }

    /** Pauses, resumes or removes the endpoint at the version it has now. */
    private void atItsVersion(String mutation, String endpoint, String selection) {
        admin.mutate(
                mutation,
                "WebhookEndpointVersionInput",
                Map.of(
                        "id",
                        endpoint,
                        "version",
                        endpointField(endpoint, "version").asInt()),
                selection);
    }

    /** The status and attempts of the delivery of the event about {@code subject}. */
    private String deliveryOf(UUID subject) {
        return one("SELECT d.status || ' ' || d.attempts FROM webhook_delivery d JOIN domain_event ev"
                + " ON ev.tenant_id = d.tenant_id AND ev.id = d.event_id WHERE d.tenant_id = ? AND ev.subject_id = '"
                + subject + "'");
    }

    private String one(String sql) {
        StringBuilder value = new StringBuilder();
        inTenant(sql, row -> value.append(row.getString(1)));
        return value.toString();
    }

    private static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private void changeAsOwner(String sql) {
        changeAsOwner(tenant, sql);
    }

    /** Changes rows of {@code in} as the owner; the statement's first parameter is the tenant. */
    private static void changeAsOwner(TestTenant in, String sql) {
        asOwner(in, true, owner -> {
            try (PreparedStatement change = owner.prepareStatement(sql)) {
                change.setObject(1, in.id());
                assertThat(change.executeUpdate()).isPositive();
            }
        });
    }

    private String endpointAt(String path, UUID organisation) {
        Map<String, Object> input =
                new java.util.HashMap<>(input(receiver.url(path), List.of("PLEDGE_SIGNED", "ACTION_PLAN_RETURNED")));
        if (organisation != null) {
            input.put("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", organisation));
        }
        return registered(admin, input).path("endpoint").path("id").asText();
    }

    private void publish(EventKind kind, UUID subject, UUID organisation, Map<String, ?> summary) {
        transactions.inTenant(tenant.id(), false, () -> {
            events.publish(tenant.id(), kind, "ActionPlan", subject, organisation, summary);
            return null;
        });
    }

    private JsonNode endpointField(String endpoint, String field) {
        return admin.query(LOG, Map.of("id", endpoint)).data().path("node").path(field);
    }

    private List<JsonNode> deliveries(String endpoint) {
        List<JsonNode> deliveries = new ArrayList<>();
        endpointField(endpoint, "deliveries").path("edges").forEach(edge -> deliveries.add(edge.path("node")));
        return deliveries;
    }

    private JsonNode awaitDelivery(String endpoint, String status) {
        await(() -> deliveries(endpoint).stream()
                .anyMatch(d -> d.path("status").asText().equals(status)));
        return deliveries(endpoint).getFirst();
    }

    /** Until the fan-out has queued every event of the test's tenant. */
    private void awaitQueued() {
        await(() -> count("SELECT count(*) FROM domain_event WHERE tenant_id = ? AND webhooks_queued_at IS NULL") == 0);
    }

    private List<DomainEvent> pausesOf(UUID endpoint) {
        List<DomainEvent> pauses = new ArrayList<>();
        inTenant(
                "SELECT summary::text FROM domain_event WHERE tenant_id = ? AND kind = 'webhook_endpoint.paused'"
                        + " AND subject_type = 'WebhookEndpoint' AND subject_id = '" + endpoint + "'",
                row -> pauses.add(new DomainEvent(
                        tenant.id(),
                        UUID.randomUUID(),
                        EventKind.WEBHOOK_ENDPOINT_PAUSED,
                        null,
                        WebhookEndpoint.TYPE,
                        endpoint,
                        null,
                        JSON.readTree(row.getString(1)))));
        return pauses;
    }

    private long count(String sql) {
        long[] count = {0};
        inTenant(sql, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private interface Row {
        void read(ResultSet row) throws SQLException, IOException;
    }

    /** Reads as the owner in the test's tenant; the statement's first parameter is the tenant. */
    private void inTenant(String sql, Row each) {
        asOwner(tenant, false, owner -> {
            try (PreparedStatement select = owner.prepareStatement(sql)) {
                select.setObject(1, tenant.id());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        each.read(row);
                    }
                }
            }
        });
    }

    private interface AsOwner {
        void run(Connection owner) throws SQLException, IOException;
    }

    /** Works as the owner, bound to {@code in} (the policies hold for the owner too); kept when {@code keep}. */
    private static void asOwner(TestTenant in, boolean keep, AsOwner work) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, in.id().toString());
                bind.execute();
            }
            work.run(owner);
            if (keep) {
                owner.commit();
            } else {
                owner.rollback();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the workers").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int post(String url, String id, long timestamp, String signature, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("webhook-id", id)
                                .header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The guide's receiver, extracted from docs/partner-integrations.md exactly as written. */
    private static Path guideReceiver() throws IOException {
        String guide = Files.readString(Path.of("../docs/partner-integrations.md"));
        int marker = guide.indexOf("<!-- partner-guide: webhook-receiver");
        assertThat(marker).as("the guide's receiver").isGreaterThanOrEqualTo(0);
        int start = guide.indexOf("```java", marker) + "```java".length();
        String code = guide.substring(start, guide.indexOf("```", start)).strip();
        Path directory = Files.createTempDirectory("webhook-receiver");
        return Files.writeString(directory.resolve("WebhookReceiver.java"), code);
    }

    private JsonNode registered(ApiCaller caller, Map<String, Object> input) {
        Reply reply = caller.query(REGISTER, Map.of("i", input));
        JsonNode payload = reply.data().path("registerWebhookEndpoint");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload;
    }

    private static Map<String, Object> input(String url, List<String> kinds) {
        return Map.of("url", url, "eventKinds", kinds, "contactEmail", "systems@agency.example");
    }

    private static List<String> problems(Reply reply) {
        List<String> problems = new ArrayList<>();
        reply.data()
                .path("registerWebhookEndpoint")
                .path("userErrors")
                .forEach(error -> problems.add(error.path("code").asText() + " "
                        + error.path("field").path(1).asText() + " "
                        + error.path("message").asText()));
        return problems;
    }

    private String storedSecret(String endpoint) {
        StringBuilder stored = new StringBuilder();
        inTenant(
                "SELECT encode(secret_ciphertext, 'base64') FROM webhook_endpoint WHERE tenant_id = ? AND id = '"
                        + GlobalId.decode(endpoint).orElseThrow().uuid() + "'",
                row -> stored.append(row.getString(1)));
        assertThat(stored).isNotEmpty();
        return stored.toString();
    }

    private static UUID organisation(ApiCaller admin, String name, UUID parent) {
        Map<String, Object> input = parent == null
                ? Map.of("name", name)
                : Map.of("name", name, "parentId", GlobalId.encode("PartnerOrganisation", parent));
        String id = admin.mutate(
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        input,
                        "partnerOrganisation { id }")
                .path("partnerOrganisation")
                .path("id")
                .asText();
        return GlobalId.decode(id).orElseThrow().uuid();
    }

    /** Receivers on 127.0.0.1: each path records what it got and answers as told. */
    static final class Receiver {

        record Received(String path, Map<String, String> headers, String body, long nanos) {}

        private final Queue<Received> received = new ConcurrentLinkedQueue<>();
        private final Map<String, ToIntFunction<Received>> answers = new ConcurrentHashMap<>();
        private final Map<String, Duration> streams = new ConcurrentHashMap<>();
        private HttpServer http;

        void start() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) ->
                                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
                Received got = new Received(
                        path,
                        headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        System.nanoTime());
                received.add(got);
                if (streams.containsKey(path)) {
                    stream(exchange, streams.get(path));
                    return;
                }
                int status = answers.getOrDefault(path, any -> 204).applyAsInt(got);
                if (status == 302) {
                    exchange.getResponseHeaders().add("Location", url("/redirected"));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            http.start();
        }

        void stop() {
            http.stop(0);
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        void answer(String path, IntSupplier status) {
            answers.put(path, any -> status.getAsInt());
        }

        void answerBy(String path, ToIntFunction<Received> status) {
            answers.put(path, status);
        }

        /**
         * Answers 200 and a body without end until the platform hangs up: at full speed when
         * {@code pause} is zero, else a byte every {@code pause}.
         */
        void stream(String path, Duration pause) {
            streams.put(path, pause);
        }

        private static void stream(com.sun.net.httpserver.HttpExchange exchange, Duration pause) throws IOException {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[pause.isZero() ? 8192 : 1];
            try (java.io.OutputStream body = exchange.getResponseBody()) {
                while (true) {
                    body.write(chunk);
                    body.flush();
                    Thread.sleep(pause);
                }
            } catch (IOException | InterruptedException hungUp) {
                // The platform stopped reading: what the test wants.
            } finally {
                exchange.close();
            }
        }

        List<Received> at(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }
}
