package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages through the partnership's SMTP relay (TRUST_SMTP_*). With no host set, email is
 * off: the fan-out marks events handled for email without making messages, and nothing is sent.
 * Created with the context, so that a relay configured wrongly (no sender, no link key, a password
 * over plain SMTP, timeouts that outlast the sender's lease) stops the platform at start-up.
 */
@Context
final class MailGateway {

    private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

    /**
     * Socket operations one message may wait on, each up to the timeout: the connection, a write and
     * a read. The sender renews a message's lease just before sending it, so this bounds how long it
     * holds the message past that renewal.
     */
    private static final int WAITS_PER_MESSAGE = 3;

    /** How the connection to the relay is protected. */
    enum Tls {
        NONE,
        STARTTLS,
        TLS
    }

    private final @Nullable Session session;
    private final @Nullable InternetAddress from;
    private final @Nullable String messageIdDomain;
    private final String username;
    private final String password;

    MailGateway(
            @Value("${trust.smtp.host:}") String host,
            @Value("${trust.smtp.port:587}") int port,
            @Value("${trust.smtp.tls:starttls}") String tls,
            @Value("${trust.smtp.username:}") String username,
            @Value("${trust.smtp.password:}") String password,
            @Value("${trust.smtp.timeout-ms:20000}") int timeoutMs,
            @Value("${trust.mail.from:}") String from,
            @Value("${trust.notifications.email.lease:2m}") Duration lease,
            PreferenceLinks links) {
        this.username = username;
        this.password = password;
        if (host.isBlank()) {
            LOG.info("Email is off: TRUST_SMTP_HOST is not set, so events make no messages and none is sent.");
            this.session = null;
            this.from = null;
            this.messageIdDomain = null;
            return;
        }
        this.from = sender(from);
        this.messageIdDomain = this.from.getAddress().replaceFirst("^.*@", "");
        if (!links.keyed()) {
            throw new IllegalStateException(
                    "TRUST_SMTP_HOST is set but TRUST_NOTIFICATIONS_LINK_KEY is not: every email carries a signed link.");
        }
        Tls protection = Tls.valueOf(tls.strip().toUpperCase(Locale.ROOT));
        if (protection == Tls.NONE && !(username.isBlank() && password.isBlank())) {
            throw new IllegalStateException(
                    "TRUST_SMTP_TLS is none but credentials are set: the password would cross the network in clear.");
        }
        Duration worstSend = Duration.ofMillis((long) WAITS_PER_MESSAGE * timeoutMs);
        if (lease.compareTo(worstSend) <= 0) {
            throw new IllegalStateException("TRUST_NOTIFICATIONS_EMAIL_LEASE (" + lease + ") must be longer than "
                    + WAITS_PER_MESSAGE + " x TRUST_SMTP_TIMEOUT_MS (" + worstSend + "), the longest one message"
                    + " can take, or another pod may send a message this one is still sending.");
        }
        this.session = Session.getInstance(properties(host, port, protection, timeoutMs));
    }

    /** Whether email is on (a host is configured). */
    boolean enabled() {
        return session != null;
    }

    /** A connection to the relay for a run of messages, opened at the first and again after a failure. */
    Connection connect() {
        return new Connection();
    }

    /** One sender's connection to the relay; not shared between threads. */
    final class Connection implements AutoCloseable {

        private @Nullable Transport transport;

        private Connection() {}

        /**
         * Sends a message, its {@code Message-ID} made from {@code id}: a message sent again after a
         * crash (sent, but not yet recorded as sent) is recognisably the same one. After a failure
         * the connection is dropped: the relay may be mid-reply, and the next message opens another.
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
            message.saveChanges();
            try {
                open().sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Transport open() throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                Transport opened = Objects.requireNonNull(session, "a connection is opened only when email is on")
                        .getTransport();
                if (username.isBlank()) {
                    opened.connect();
                } else {
                    opened.connect(username, password);
                }
                transport = opened;
            }
            return transport;
        }

        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("The connection to the relay did not close cleanly", e);
            }
            transport = null;
        }
    }

    private static Properties properties(String host, int port, Tls tls, int timeoutMs) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.timeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.writetimeout", Integer.toString(timeoutMs));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(tls == Tls.STARTTLS));
        properties.put("mail.smtp.starttls.required", Boolean.toString(tls == Tls.STARTTLS));
        properties.put("mail.smtp.ssl.enable", Boolean.toString(tls == Tls.TLS));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    /** The configured sender: required with a relay, and not the placeholder of a machine's own domain. */
    private static InternetAddress sender(String from) {
        if (from.isBlank()) {
            throw new IllegalStateException(
                    "TRUST_SMTP_HOST is set but TRUST_MAIL_FROM is not: name the emails' sender.");
        }
        InternetAddress sender = address(from);
        String domain = sender.getAddress().replaceFirst("^.*@", "").toLowerCase(Locale.ROOT);
        if (!sender.getAddress().contains("@") || domain.equals("localhost") || domain.endsWith(".localhost")) {
            throw new IllegalStateException(
                    "TRUST_MAIL_FROM must be an address of the partnership's own domain, not " + from);
        }
        return sender;
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an email address: " + text, e);
        }
    }
}
