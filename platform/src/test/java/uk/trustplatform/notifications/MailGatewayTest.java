package uk.trustplatform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The relay's settings the platform refuses to start with, as an operator could get them wrong. */
class MailGatewayTest {

    private static final String KEY = "SwyXAWhabDvRAzfzN6ZHjibJIR8qFnyLFdY9FKToT8c=";
    private static final String FROM = "Trust Platform <trust@partnership.example>";
    private static final PreferenceLinks LINKS = new PreferenceLinks(KEY);

    @Test
    void a_relay_with_a_sender_a_key_and_a_lease_longer_than_a_send_is_on() {
        assertThat(gateway("starttls", "", "", FROM, Duration.ofMinutes(2), LINKS)
                        .enabled())
                .isTrue();
    }

    @Test
    void no_relay_is_email_off_whatever_the_rest() {
        assertThat(new MailGateway("", 587, "none", "user", "secret", 20000, "", Duration.ofSeconds(1), LINKS)
                        .enabled())
                .isFalse();
    }

    @Test
    void a_relay_needs_a_sender_of_its_own_domain() {
        assertThatThrownBy(() -> gateway("starttls", "", "", "", Duration.ofMinutes(2), LINKS))
                .hasMessageContaining("TRUST_MAIL_FROM is not");
        assertThatThrownBy(() -> gateway(
                        "starttls", "", "", "Trust Platform <notifications@localhost>", Duration.ofMinutes(2), LINKS))
                .hasMessageContaining("not Trust Platform <notifications@localhost>");
    }

    @Test
    void credentials_are_never_sent_over_plain_smtp() {
        assertThatThrownBy(() -> gateway("none", "user", "secret", FROM, Duration.ofMinutes(2), LINKS))
                .hasMessageContaining("in clear");
        assertThat(gateway("none", "", "", FROM, Duration.ofMinutes(2), LINKS).enabled())
                .isTrue();
    }

    @Test
    void the_lease_must_outlast_the_longest_send() {
        assertThatThrownBy(() -> gateway("tls", "", "", FROM, Duration.ofMinutes(1), LINKS))
                .hasMessageContaining("TRUST_NOTIFICATIONS_EMAIL_LEASE (PT1M) must be longer than 3 x");
    }

    @Test
    void a_relay_needs_a_link_key_of_at_least_32_bytes_in_base64() {
        assertThatThrownBy(() -> gateway("starttls", "", "", FROM, Duration.ofMinutes(2), new PreferenceLinks("")))
                .hasMessageContaining("TRUST_NOTIFICATIONS_LINK_KEY is not");
        assertThatThrownBy(() -> new PreferenceLinks("c2hvcnQta2V5")) // "short-key"
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new PreferenceLinks("not base64 at all!")).hasMessageContaining("is not base64");
    }

    private static MailGateway gateway(
            String tls, String username, String password, String from, Duration lease, PreferenceLinks links) {
        return new MailGateway("smtp.partnership.example", 587, tls, username, password, 20000, from, lease, links);
    }
}
