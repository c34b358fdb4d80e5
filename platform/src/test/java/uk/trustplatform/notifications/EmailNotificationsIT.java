package uk.trustplatform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.WebSite;

/**
 * Email to people, end to end against real PostgreSQL and a real SMTP server on the loopback
 * (GreenMail): events in the outbox become messages to the right people by their choices, sent
 * once each, retried while the relay is down, and never to another partnership's people.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailNotificationsIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern LINK = Pattern.compile("email-preferences\\?link=(\\S+)");

    private final int smtpPort = freePort();
    private final WebSite site = WebSite.onFreePort();
    private GreenMail mail;

    @Inject
    EmbeddedServer server;

    @Inject
    DomainEvents events;

    @Inject
    uk.trustplatform.tenancy.TenantTransactions transactions;

    @Inject
    EmailSender sender;

    @Inject
    DailyDigest digests;

    @Inject
    EmailMessages messages;

    @Override
    public Map<String, String> getProperties() {
        // Of the site's settings only its port and address: the page needs no sign-in, and the API
        // calls here carry the test identity provider's tokens, not Keycloak's.
        Map<String, String> web = site.platformProperties();
        Map<String, String> properties = new HashMap<>();
        List.of("micronaut.server.port", "trust.public-url", "trust.web.secure-cookies")
                .forEach(key -> properties.put(key, web.get(key)));
        properties.putAll(Map.ofEntries(
                Map.entry("trust.smtp.host", "127.0.0.1"),
                Map.entry("trust.smtp.port", Integer.toString(smtpPort)),
                Map.entry("trust.smtp.tls", "none"),
                Map.entry("trust.smtp.timeout-ms", "2000"),
                Map.entry("trust.mail.from", "Trust Platform <notifications@trust.example>"),
                Map.entry("trust.notifications.email.enabled", "true"),
                Map.entry("trust.notifications.email.initial-delay", "0s"),
                Map.entry("trust.notifications.email.fan-out-interval", "200ms"),
                Map.entry("trust.notifications.email.send-interval", "200ms"),
                Map.entry("trust.notifications.email.digest-interval", "1h"),
                Map.entry("trust.notifications.email.first-retry", "300ms"),
                Map.entry("trust.notifications.email.max-attempts", "6")));
        return properties;
    }

    @BeforeAll
    void startMailServer() {
        mail = mailServer();
    }

    @AfterAll
    void stopMailServer() {
        mail.stop();
    }

    @Test
    void a_returned_plan_tells_that_agencys_invited_leads_only_with_the_reason_and_the_link() throws Exception {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        PartnershipPeople medway = PartnershipPeople.create("medway");
        UUID plan = UUID.randomUUID();

        publish(
                luton,
                EventKind.ACTION_PLAN_RETURNED,
                "ActionPlan",
                plan,
                luton.agency(),
                Map.of("reason", "Add a second action under standard 2."));

        List<MimeMessage> received = receivedBy(luton.lead(), luton.champion());
        MimeMessage toLead = received.getFirst();
        String body = GreenMailUtil.getBody(toLead).replace("=\r\n", "");
        assertThat(toLead.getSubject()).isEqualTo(luton.name() + ": An action plan was returned");
        assertThat(body)
                .contains("Hello Asha,")
                .contains("An action plan was returned for Youth Offending Service.")
                .contains("The reason given: Add a second action under standard 2.")
                .contains(site.url("/" + luton.tenant().slug() + "/action-plan/"))
                .contains(site.url("/" + luton.tenant().slug() + "/email-preferences?link="))
                .doesNotContain("Ben")
                .doesNotContain(luton.champion());
        assertThat(toLead.getHeader("Message-ID")[0]).endsWith("@trust.example>");
        assertThat(addressesOf(allReceived()))
                .doesNotContain(luton.uninvited(), luton.otherAgencyLead(), luton.chair())
                .noneMatch(address -> address.contains(medway.tenant().slug()));
    }

    @Test
    void an_event_about_a_service_tells_its_own_leads_and_its_agencys() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        UUID service = UUID.randomUUID();
        String serviceLead = "lead-" + luton.tenant().slug() + "@service.example";
        TenantData.change(
                luton.tenant().id(), """
                INSERT INTO partner_organisation (tenant_id, id, name, parent_id)
                VALUES ('%1$s', '%2$s', 'Youth Justice Team', '%3$s');
                INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, email, invited_at)
                VALUES ('%1$s', gen_random_uuid(), '%2$s', 'Hal', '%4$s', now());
                """.formatted(luton.tenant().id(), service, luton.agency(), serviceLead));

        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), service, Map.of());

        assertThat(receivedBy(serviceLead, luton.lead()))
                .allSatisfy(message -> assertThat(GreenMailUtil.getBody(message).replace("=\r\n", ""))
                        .contains("An action plan was approved for Youth Justice Team."));
        awaitQueued(luton);
        assertThat(TenantData.query(luton.tenant().id(), "SELECT address FROM email_message ORDER BY address"))
                .containsExactlyInAnyOrder(luton.champion(), luton.lead(), serviceLead);
    }

    @Test
    void an_event_whose_change_rolled_back_emails_no_one() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        assertThatThrownBy(() -> transactions.inTenant(luton.tenant().id(), false, () -> {
                    events.publish(
                            luton.tenant().id(),
                            EventKind.ACTION_PLAN_RETURNED,
                            "ActionPlan",
                            UUID.randomUUID(),
                            luton.agency(),
                            Map.of("reason", "Never sent."));
                    throw new IllegalStateException("The change failed after its event was written");
                }))
                .isInstanceOf(IllegalStateException.class);

        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());

        assertThat(subject(receivedBy(luton.lead()).getFirst()))
                .isEqualTo(luton.name() + ": An action plan was approved");
        assertThat(TenantData.query(luton.tenant().id(), "SELECT subject FROM email_message"))
                .as("events are fanned out in order, so the rolled-back one would have come first")
                .containsOnly(luton.name() + ": An action plan was approved");
    }

    @Test
    void a_submitted_plan_tells_the_people_on_the_top_body_not_a_sub_groups_nor_another_partnerships() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        PartnershipPeople medway = PartnershipPeople.create("medway");

        publish(luton, EventKind.ACTION_PLAN_SUBMITTED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        publish(medway, EventKind.ACTION_PLAN_SUBMITTED, "ActionPlan", UUID.randomUUID(), medway.agency(), Map.of());

        List<MimeMessage> lutonBoard = receivedBy(luton.chair(), luton.boardMember());
        receivedBy(medway.chair(), medway.boardMember());
        assertThat(lutonBoard)
                .allSatisfy(message -> assertThat(GreenMailUtil.getBody(message))
                        .contains(luton.name())
                        .contains("/" + luton.tenant().slug() + "/plans/")
                        .doesNotContain(medway.tenant().slug()));
        assertThat(addressesOf(allReceived())).doesNotContain(luton.subGroupMember(), luton.lead());
    }

    @Test
    void choices_made_with_the_emails_link_are_honoured_off_skips_required_still_sends_digest_gathers()
            throws Exception {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String leadLink = linkIn(receivedBy(luton.lead()).getFirst());
        String championLink = linkIn(receivedBy(luton.champion()).getFirst());
        ApiCaller anyone = new ApiCaller(server);
        choose(anyone, leadLink, Map.of("ACTION_PLAN_APPROVED", "OFF", "PLEDGE_LAPSED", "OFF"));
        choose(anyone, championLink, Map.of("ACTION_PLAN_APPROVED", "DAILY_DIGEST", "PLEDGE_LAPSED", "DAILY_DIGEST"));
        ApiCaller admin = ApiCaller.member(
                server, "admin", Role.TENANT_ADMIN, luton.tenant().slug(), null);
        admin.mutate(
                "setRequiredNotifications",
                "SetRequiredNotificationsInput",
                Map.of("kinds", List.of("PLEDGE_LAPSED"), "version", 0),
                "requiredNotifications { kinds version }");

        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        publish(luton, EventKind.PLEDGE_LAPSED, "PledgeRegistration", UUID.randomUUID(), luton.agency(), Map.of());
        awaitQueued(luton);

        assertThat(TenantData.query(
                        luton.tenant().id(),
                        "SELECT subject FROM email_message WHERE address = '" + luton.lead() + "' ORDER BY queued_at"))
                .containsExactly(luton.name() + ": An action plan was approved", luton.name() + ": A pledge lapsed");
        assertThat(TenantData.rows(luton.tenant().id(), "email_digest_item")).isEqualTo(2);
        int gathered = transactions.inTenant(
                luton.tenant().id(), false, () -> digests.gather(partnership(luton), TestCalendar.today()));
        assertThat(gathered).isEqualTo(1);
        List<MimeMessage> championMail = await(luton.champion(), 2);
        MimeMessage digest = championMail.stream()
                .filter(message -> subject(message).contains("happened on"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(digest)).startsWith(luton.name() + ": 2 things happened on ");
        assertThat(GreenMailUtil.getBody(digest).replace("=\r\n", ""))
                .contains("An action plan was approved for Youth Offending Service.")
                .contains("A pledge lapsed for Youth Offending Service.")
                .contains("/" + luton.tenant().slug() + "/pledge");
        Reply refused = choose(anyone, leadLink, Map.of("PLEDGE_LAPSED", "OFF"));
        assertThat(refused.codes()).containsExactly("NOT_ALLOWED");
    }

    @Test
    void a_link_altered_or_of_no_partnership_reads_and_changes_nothing() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String link = linkIn(receivedBy(luton.lead()).getFirst());
        String altered = link.replaceFirst("^.", link.charAt(0) == 'A' ? "B" : "A");
        ApiCaller anyone = new ApiCaller(server);

        assertThat(readChoices(anyone, altered).isNull()).isTrue();
        assertThat(readChoices(anyone, "made-up").isNull()).isTrue();
        assertThat(choose(anyone, altered, Map.of("ACTION_PLAN_APPROVED", "OFF"))
                        .codes())
                .containsExactly("NOT_FOUND");
        assertThat(TenantData.rows(luton.tenant().id(), "notification_preference"))
                .isZero();
        assertThat(readChoices(anyone, link).path("partnershipName").asText()).isEqualTo(luton.name());
    }

    @Test
    void the_emails_link_opens_a_page_where_its_reader_chooses_without_signing_in() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        TestTenants.TestTenant medway = TestTenants.active("medway");
        ApiCaller.member(server, "admin", Role.TENANT_ADMIN, luton.tenant().slug(), null)
                .mutate(
                        "setRequiredNotifications",
                        "SetRequiredNotificationsInput",
                        Map.of("kinds", List.of("PLEDGE_LAPSED"), "version", 0),
                        "requiredNotifications { version }");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String link = linkIn(receivedBy(luton.lead()).getFirst());
        String address = site.url("/" + luton.tenant().slug() + "/email-preferences?link=" + link);

        try (BrowserContext reader = site.browser()) {
            Page page = reader.newPage();
            assertThat(WebSite.open(page, address).status()).isEqualTo(200);
            assertThat(page.locator("h1").innerText()).isEqualTo("Choose which emails you get");
            assertThat(page.locator(".govuk-caption-l").innerText()).isEqualTo(luton.name());
            assertThat(page.locator("input[name=PLEDGE_LAPSED][value=OFF]").count())
                    .as("a required kind cannot be turned off")
                    .isZero();
            WebSite.assertAccessible(page, "choosing which emails to get");

            page.locator("input[name=ACTION_PLAN_APPROVED][value=OFF]").check();
            page.locator("input[name=PLEDGE_LAPSED][value=DAILY_DIGEST]").check();
            Response saved = WebSite.loadedBy(page, () -> page.click("button:has-text('Save your choices')"));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your choices have been saved.");
            assertThat(page.locator("input[name=ACTION_PLAN_APPROVED][value=OFF]")
                            .isChecked())
                    .isTrue();
            WebSite.assertAccessible(page, "the choices saved");

            // Someone with the same link saves meanwhile: the refusal is on the question it is about.
            choose(new ApiCaller(server), link, Map.of("PLEDGE_LAPSED", "EACH"));
            page.locator("input[name=PLEDGE_LAPSED][value=EACH]").check();
            Response stale = WebSite.loadedBy(page, () -> page.click("button:has-text('Save your choices')"));
            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#PLEDGE_LAPSED-error").innerText())
                    .contains(
                            "Someone else changed the choice of emails since you read it (now version 2, you sent 1)");

            assertThat(WebSite.open(page, address.replace("link=", "link=x")).status())
                    .isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("This link is not recognised");
            WebSite.assertAccessible(page, "a link not recognised");

            String elsewhere = address.replace("/" + luton.tenant().slug() + "/", "/" + medway.slug() + "/");
            assertThat(WebSite.open(page, elsewhere).status())
                    .as("the link of one partnership opened on another's page")
                    .isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("This link is not recognised");
            assertThat(page.content()).doesNotContain(luton.name());
        }
        assertThat(TenantData.query(
                        luton.tenant().id(),
                        "SELECT kind || ' ' || choice FROM notification_preference WHERE address = '" + luton.lead()
                                + "' ORDER BY kind"))
                .containsExactly("action_plan.approved OFF", "pledge.lapsed EACH");
    }

    @Test
    void a_link_used_with_another_partnerships_slug_reads_and_changes_nothing() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        TestTenants.TestTenant medway = TestTenants.active("medway");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String link = linkIn(receivedBy(luton.lead()).getFirst());
        ApiCaller anyone = new ApiCaller(server);

        assertThat(readChoices(anyone, link, medway.slug()).isNull()).isTrue();
        assertThat(choose(anyone, link, medway.slug(), Map.of("ACTION_PLAN_APPROVED", "OFF"))
                        .codes())
                .containsExactly("NOT_FOUND");
        assertThat(TenantData.rows(luton.tenant().id(), "notification_preference"))
                .isZero();
        assertThat(readChoices(anyone, link, luton.tenant().slug())
                        .path("partnershipName")
                        .asText())
                .isEqualTo(luton.name());
    }

    @Test
    void a_stale_choice_is_refused_on_its_own_version_with_the_version_stored() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String link = linkIn(receivedBy(luton.lead()).getFirst());
        ApiCaller anyone = new ApiCaller(server);
        choose(anyone, link, Map.of("PLEDGE_LAPSED", "DAILY_DIGEST"));
        choose(anyone, link, Map.of("PLEDGE_LAPSED", "EACH"));

        JsonNode refused = anyone.query(
                        "mutation ($input: SetEmailPreferencesInput!) { setEmailPreferences(input: $input) {"
                                + " userErrors { field code message } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "link",
                                        link,
                                        "choices",
                                        List.of(
                                                Map.of("kind", "ACTION_PLAN_APPROVED", "choice", "OFF", "version", 0),
                                                Map.of("kind", "PLEDGE_LAPSED", "choice", "OFF", "version", 1)))))
                .data()
                .path("setEmailPreferences")
                .path("userErrors");

        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(refused.get(0).path("field").toString()).isEqualTo("[\"input\",\"choices\",\"1\",\"version\"]");
        assertThat(refused.get(0).path("message").asText()).contains("(now version 2, you sent 1)");
        assertThat(TenantData.query(
                        luton.tenant().id(),
                        "SELECT kind || ' ' || choice FROM notification_preference WHERE address = '" + luton.lead()
                                + "' ORDER BY kind"))
                .as("all or none: the first choice was not kept")
                .containsExactly("pledge.lapsed EACH");
    }

    @Test
    void a_sender_whose_lease_another_has_taken_since_neither_sends_nor_records_anything() {
        // Not active: the workers leave its messages to this test.
        TestTenants.TestTenant paused = TestTenants.create("paused", "SUSPENDED");
        UUID tenant = paused.id();
        transactions.inTenant(tenant, false, () -> {
            events.publish(tenant, EventKind.ACTION_PLAN_SUBMITTED, "ActionPlan", UUID.randomUUID(), null, Map.of());
            return null;
        });
        UUID event = UUID.fromString(
                TenantData.query(tenant, "SELECT id FROM domain_event").getFirst());
        transactions.inTenant(tenant, false, () -> {
            messages.queue(tenant, event, "reader@paused.example", "Subject", "Body");
            return null;
        });
        EmailMessages.Claimed stale = transactions
                .inTenant(tenant, false, () -> messages.claim(tenant, 10, Duration.ofMillis(1)))
                .getFirst();
        List<EmailMessages.Claimed> again = new ArrayList<>();
        awaitTrue(() -> again.addAll(
                transactions.inTenant(tenant, false, () -> messages.claim(tenant, 10, Duration.ofMinutes(1)))));
        EmailMessages.Claimed latest = again.getFirst();

        assertThat(transactions.inTenant(tenant, false, () -> messages.renew(tenant, stale, Duration.ofMinutes(1))))
                .as("renewed under the first lease: the second sender holds it")
                .isEmpty();
        assertThat(transactions.inTenant(
                        tenant, false, () -> messages.failed(tenant, stale, "late", 6, Duration.ofSeconds(1))))
                .isFalse();
        assertThat(transactions.inTenant(tenant, false, () -> messages.sent(tenant, stale)))
                .isFalse();
        assertThat(TenantData.query(tenant, "SELECT status || ' ' || attempts FROM email_message"))
                .containsExactly("PENDING 0");
        assertThat(transactions.inTenant(tenant, false, () -> messages.sent(tenant, latest)))
                .isTrue();
        assertThat(TenantData.query(tenant, "SELECT status || ' ' || attempts FROM email_message"))
                .containsExactly("SENT 1");
    }

    @Test
    void a_partnership_whose_fan_out_fails_holds_up_no_other() {
        // Partnerships are fanned out by name: this one comes before the other.
        PartnershipPeople broken = PartnershipPeople.create("aaa-broken");
        PartnershipPeople fine = PartnershipPeople.create("zzz-fine");
        String refuse = "refuse_email_" + broken.tenant().id().toString().replace("-", "");
        // The database refuses the first partnership's messages, as it would a write that fails.
        TenantData.change(
                broken.tenant().id(), """
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.tenant_id = '%2$s' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER %1$s BEFORE INSERT ON email_message FOR EACH ROW EXECUTE FUNCTION %1$s();
                """.formatted(refuse, broken.tenant().id()));
        try {
            publish(broken, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), broken.agency(), Map.of());
            publish(fine, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), fine.agency(), Map.of());

            assertThat(subject(receivedBy(fine.lead()).getFirst()))
                    .isEqualTo(fine.name() + ": An action plan was approved");
            assertThat(TenantData.query(
                            broken.tenant().id(), "SELECT count(*) FROM domain_event WHERE emails_queued_at IS NULL"))
                    .as("its transaction rolled back, the event is left to queue")
                    .containsExactly("1");
        } finally {
            TenantData.change(
                    broken.tenant().id(),
                    "DROP TRIGGER %1$s ON email_message; DROP FUNCTION %1$s();".formatted(refuse));
        }
        receivedBy(broken.lead());
    }

    @SuppressWarnings("try") // the resource is held open for the body, not used in it.
    @Test
    void a_digest_being_made_by_another_pod_is_left_to_it() throws Exception {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        String link = linkIn(receivedBy(luton.champion()).getFirst());
        choose(new ApiCaller(server), link, Map.of("ACTION_PLAN_APPROVED", "DAILY_DIGEST"));
        publish(luton, EventKind.ACTION_PLAN_APPROVED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        awaitQueued(luton);
        assertThat(TenantData.rows(luton.tenant().id(), "email_digest_item")).isEqualTo(1);

        try (java.sql.Connection first =
                TenantData.holding(luton.tenant().id(), "SELECT 1 FROM email_digest_item FOR UPDATE")) {
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> transactions.inTenant(
                    luton.tenant().id(), false, () -> digests.gather(partnership(luton), TestCalendar.today())));
            assertThat(second.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("the items another gatherer holds are skipped, not waited for")
                    .isZero();
        }
        assertThat(TenantData.query(
                        luton.tenant().id(), "SELECT day || ' ' || (email_message_id IS NULL) FROM email_digest_item"))
                .as("still waiting, on its own day")
                .containsExactly(TestCalendar.today() + " true");
        assertThat(transactions.inTenant(
                        luton.tenant().id(), false, () -> digests.gather(partnership(luton), TestCalendar.today())))
                .isEqualTo(1);
    }

    @Test
    void two_senders_draining_at_once_send_each_message_once() throws Exception {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        for (int i = 0; i < 15; i++) {
            publish(luton, EventKind.ACTION_PLAN_SUBMITTED, "ActionPlan", UUID.randomUUID(), luton.agency(), Map.of());
        }
        awaitQueued(luton);

        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> sender.send(luton.tenant().id()));
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> sender.send(luton.tenant().id()));
        first.get();
        second.get();

        assertThat(await(luton.chair(), 15)).hasSize(15);
        assertThat(await(luton.boardMember(), 15)).hasSize(15);
        assertThat(TenantData.query(
                        luton.tenant().id(), "SELECT DISTINCT status || ' ' || attempts FROM email_message"))
                .containsExactly("SENT 1");
    }

    @Test
    void while_the_relay_is_down_a_message_is_retried_with_backoff_then_sent_once() throws Exception {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        mail.stop();
        try {
            publish(
                    luton,
                    EventKind.PLEDGE_RENEWAL_DUE,
                    "PledgeRegistration",
                    UUID.randomUUID(),
                    luton.agency(),
                    Map.of("renewalDueOn", "2027-03-31"));
            awaitTrue(() -> TenantData.query(
                            luton.tenant().id(),
                            "SELECT attempts FROM email_message WHERE address = '" + luton.lead() + "'")
                    .stream()
                    .anyMatch(attempts -> Integer.parseInt(attempts) >= 2));
            assertThat(TenantData.query(
                            luton.tenant().id(),
                            "SELECT status || ' ' || (next_attempt_at > clock_timestamp()) || ' '"
                                    + " || (last_error IS NOT NULL) FROM email_message WHERE address = '" + luton.lead()
                                    + "'"))
                    .containsExactly("PENDING true true");
        } finally {
            mail = mailServer();
        }

        MimeMessage sent = receivedBy(luton.lead()).getFirst();
        assertThat(GreenMailUtil.getBody(sent).replace("=\r\n", ""))
                .contains("It is due for renewal by 31 March 2027.")
                .contains("To renew, sign the pledge again on your pledge page.");
        awaitTrue(() -> TenantData.query(luton.tenant().id(), "SELECT DISTINCT status FROM email_message")
                .equals(List.of("SENT")));
        assertThat(receivedBy(luton.lead())).hasSize(1);
    }

    @Test
    void a_message_is_given_up_on_after_its_last_attempt() {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        mail.stop();
        try {
            publish(luton, EventKind.PLEDGE_INVITED, "PledgeRegistration", UUID.randomUUID(), luton.agency(), Map.of());
            awaitTrue(() -> TenantData.rows(luton.tenant().id(), "email_message") == 2);
            TenantData.change(luton.tenant().id(), "UPDATE email_message SET attempts = 5");
            awaitTrue(() -> TenantData.query(
                            luton.tenant().id(), "SELECT DISTINCT status || ' ' || attempts FROM email_message")
                    .equals(List.of("FAILED 6")));
        } finally {
            mail = mailServer();
        }
    }

    /** An event of the partnership, as a use case publishes it: in a transaction of its tenant. */
    private void publish(
            PartnershipPeople partnership,
            EventKind kind,
            String type,
            UUID subject,
            UUID organisation,
            Map<String, ?> summary) {
        transactions.inTenant(partnership.tenant().id(), false, () -> {
            events.publish(partnership.tenant().id(), kind, type, subject, organisation, summary);
            return null;
        });
    }

    private static EmailText.Partnership partnership(PartnershipPeople people) {
        return new EmailText.Partnership(
                people.tenant().id(), people.name(), people.tenant().slug());
    }

    /** Waits until every event of the partnership has been fanned out into messages or digest items. */
    private static void awaitQueued(PartnershipPeople partnership) {
        awaitTrue(() -> TenantData.rows(partnership.tenant().id(), "domain_event")
                == Long.parseLong(TenantData.query(
                                partnership.tenant().id(),
                                "SELECT count(*) FROM domain_event WHERE emails_queued_at IS NOT NULL")
                        .getFirst()));
    }

    /** One message each for the addresses, in their order, once the worker has sent them. */
    private List<MimeMessage> receivedBy(String... addresses) {
        List<MimeMessage> messages = new ArrayList<>();
        for (String address : addresses) {
            messages.add(await(address, 1).getFirst());
        }
        return messages;
    }

    /** The messages to {@code address}, once there are at least {@code count}. */
    private List<MimeMessage> await(String address, int count) {
        awaitTrue(() -> to(address).size() >= count);
        return to(address);
    }

    private List<MimeMessage> to(String address) {
        return allReceived().stream()
                .filter(message -> addressesOf(List.of(message)).contains(address))
                .toList();
    }

    private List<MimeMessage> allReceived() {
        return Arrays.asList(mail.getReceivedMessages());
    }

    private static List<String> addressesOf(List<MimeMessage> messages) {
        return messages.stream()
                .flatMap(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(Object::toString)
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage message) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private record Reply(JsonNode payload) {

        List<String> codes() {
            return payload.path("userErrors").findValuesAsText("code");
        }
    }

    private static Reply choose(ApiCaller caller, String link, Map<String, String> choices) {
        return choose(caller, link, null, choices);
    }

    /** Changes the choices with the link as read; with {@code tenantSlug}, as if on that partnership's page. */
    private static Reply choose(ApiCaller caller, String link, String tenantSlug, Map<String, String> choices) {
        JsonNode current = readChoices(caller, link).path("choices");
        List<Map<String, Object>> sent = new ArrayList<>();
        choices.forEach((kind, choice) -> {
            int version = 0;
            for (JsonNode preference : current) {
                if (preference.path("kind").asText().equals(kind)) {
                    version = preference.path("version").asInt();
                }
            }
            sent.add(Map.of("kind", kind, "choice", choice, "version", version));
        });
        return new Reply(caller.query(
                        "mutation ($input: SetEmailPreferencesInput!) { setEmailPreferences(input: $input) {"
                                + " emailPreferences { choices { kind choice version } } userErrors { field code message } } }",
                        Map.of("input", withSlug(Map.of("link", link, "choices", sent), "tenantSlug", tenantSlug)))
                .data()
                .path("setEmailPreferences"));
    }

    private static JsonNode readChoices(ApiCaller caller, String link) {
        return readChoices(caller, link, null);
    }

    private static JsonNode readChoices(ApiCaller caller, String link, String tenantSlug) {
        return caller.query(
                        "query ($link: String!, $slug: String) { emailPreferences(link: $link, tenantSlug: $slug) {"
                                + " partnershipName choices { kind description choice required version } } }",
                        withSlug(Map.of("link", link), "slug", tenantSlug))
                .data()
                .path("emailPreferences");
    }

    /** The variables, and the slug under {@code name} when there is one. */
    private static Map<String, Object> withSlug(Map<String, Object> variables, String name, String tenantSlug) {
        Map<String, Object> all = new HashMap<>(variables);
        if (tenantSlug != null) {
            all.put(name, tenantSlug);
        }
        return all;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the email workers").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private GreenMail mailServer() {
        GreenMail started = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
