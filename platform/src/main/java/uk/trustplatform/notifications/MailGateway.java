package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message through the partnership's SMTP relay (TRUST_SMTP_*). With no host set, email is
 * off: events still queue their messages, which wait until a host is configured.
 */
@Singleton
final class MailGateway {

    private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

    /** How the connection to the relay is protected. */
    enum Tls {
        NONE,
        STARTTLS,
        TLS
    }

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final String username;
    private final String password;

    MailGateway(
            @Value("${trust.smtp.host:}") String host,
            @Value("${trust.smtp.port:587}") int port,
            @Value("${trust.smtp.tls:starttls}") String tls,
            @Value("${trust.smtp.username:}") String username,
            @Value("${trust.smtp.password:}") String password,
            @Value("${trust.smtp.timeout-ms:20000}") int timeoutMs,
            @Value("${trust.mail.from:`Trust Platform <notifications@localhost>`}") String from,
            PreferenceLinks links) {
        this.username = username;
        this.password = password;
        this.from = address(from);
        this.messageIdDomain = this.from.getAddress().replaceFirst("^.*@", "");
        if (host.isBlank()) {
            LOG.info("Email is off: TRUST_SMTP_HOST is not set, so messages queue and none is sent.");
            this.session = null;
            return;
        }
        if (!links.keyed()) {
            throw new IllegalStateException(
                    "TRUST_SMTP_HOST is set but TRUST_NOTIFICATIONS_LINK_KEY is not: every email carries a signed link.");
        }
        this.session =
                Session.getInstance(properties(host, port, Tls.valueOf(tls.toUpperCase(Locale.ROOT)), timeoutMs));
    }

    /** Whether email is on (a host is configured). */
    boolean enabled() {
        return session != null;
    }

    /**
     * Sends a message, its {@code Message-ID} made from {@code id}: a message sent again after a
     * crash (sent, but not yet recorded as sent) is recognisably the same one.
     */
    void send(UUID id, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + "@" + messageIdDomain + ">");
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        if (username.isBlank()) {
            Transport.send(message);
        } else {
            Transport.send(message, username, password);
        }
    }

    private static Properties properties(String host, int port, Tls tls, int timeoutMs) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        // Bounded well inside a claim's lease, so no message is still being sent when another pod may claim it.
        properties.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.timeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.writetimeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(tls == Tls.STARTTLS));
        properties.put("mail.smtp.starttls.required", Boolean.toString(tls == Tls.STARTTLS));
        properties.put("mail.smtp.ssl.enable", Boolean.toString(tls == Tls.TLS));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an email address: " + text, e);
        }
    }
}
