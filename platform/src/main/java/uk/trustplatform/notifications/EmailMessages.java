package uk.trustplatform.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The email queue: messages rendered and waiting to be sent, sent, or given up on; and the events
 * kept for people's daily digests. Times here are the database's, so that leases and retries of
 * pods with slightly different clocks agree. Every method runs in the caller's tenant transaction.
 */
@Singleton
final class EmailMessages {

    /**
     * A message a sender holds until its lease ends. The lease's end is also the sender's token: a
     * claim by another sender sets another, so a stale sender's renewal or outcome changes nothing.
     */
    record Claimed(UUID id, String address, String subject, String body, int attempts, OffsetDateTime leaseUntil) {

        Claimed renewed(OffsetDateTime until) {
            return new Claimed(id, address, subject, body, attempts, until);
        }
    }

    /** A day's waiting digest items for one address, oldest first. */
    record Digest(String address, String name, LocalDate day, List<UUID> items, List<String> lines) {}

    private static final String QUEUE = """
            INSERT INTO email_message (tenant_id, id, domain_event_id, digest_day, address, subject, body)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String KEEP = """
            INSERT INTO email_digest_item (tenant_id, id, domain_event_id, address, name, day, line)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    // Claimed under FOR UPDATE SKIP LOCKED, which re-checks the lease on the newest row version, so two
    // senders claiming at once never both get a message, and a message stays claimed until its lease ends.
    private static final String CLAIM = """
            UPDATE email_message SET lease_until = clock_timestamp() + make_interval(secs => ?)
            WHERE tenant_id = ? AND id IN (
                SELECT id FROM email_message
                WHERE tenant_id = ? AND status = 'PENDING' AND next_attempt_at <= clock_timestamp()
                  AND (lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, address, subject, body, attempts, lease_until""";
    // Only while the sender's claim is the message's latest: after another sender claimed it, nothing.
    private static final String RENEW = """
            UPDATE email_message SET lease_until = clock_timestamp() + make_interval(secs => ?)
            WHERE tenant_id = ? AND id = ? AND status = 'PENDING' AND lease_until = ?
            RETURNING lease_until""";
    private static final String SENT = """
            UPDATE email_message SET status = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1,
                lease_until = NULL, last_error = NULL
            WHERE tenant_id = ? AND id = ? AND status = 'PENDING' AND lease_until = ?""";
    // Decided on the stored count of attempts, so a retry's wait doubles with each failure whoever made it.
    private static final String FAILED = """
            UPDATE email_message SET attempts = attempts + 1, lease_until = NULL, last_error = left(?, 300),
                status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = clock_timestamp() + make_interval(secs => ? * power(2, attempts))
            WHERE tenant_id = ? AND id = ? AND status = 'PENDING' AND lease_until = ?""";
    private static final String WAITING = """
            SELECT address, name, day, id, line FROM email_digest_item
            WHERE tenant_id = ? AND email_message_id IS NULL AND day <= ?
            ORDER BY address, day, domain_event_id
            FOR UPDATE SKIP LOCKED""";
    // Both only move items still waiting: the locks above already keep another gatherer off them.
    private static final String GATHERED = "UPDATE email_digest_item SET email_message_id = ?"
            + " WHERE tenant_id = ? AND id = ANY (?) AND email_message_id IS NULL";
    private static final String POSTPONED = "UPDATE email_digest_item SET day = day + 1"
            + " WHERE tenant_id = ? AND id = ANY (?) AND email_message_id IS NULL";

    private final JdbcOperations jdbc;

    EmailMessages(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the message about one event to one address; nothing if it was queued before. */
    void queue(UUID tenantId, UUID event, String address, String subject, String body) {
        update(QUEUE, tenantId, UUID.randomUUID(), event, null, address, subject, body);
    }

    /** Keeps an event for the address's digest of {@code day}; nothing if it was kept before. */
    void keepForDigest(UUID tenantId, UUID event, String address, String name, LocalDate day, String line) {
        update(KEEP, tenantId, UUID.randomUUID(), event, address, name, Date.valueOf(day), line);
    }

    /** Up to {@code limit} due messages, each leased to the caller for {@code lease}. */
    List<Claimed> claim(UUID tenantId, int limit, Duration lease) {
        return jdbc.prepareStatement(CLAIM, statement -> {
            statement.setDouble(1, lease.toMillis() / 1000.0);
            statement.setObject(2, tenantId);
            statement.setObject(3, tenantId);
            statement.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(new Claimed(
                            row.getObject(1, UUID.class),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getInt(5),
                            row.getObject(6, OffsetDateTime.class)));
                }
            }
            return claimed;
        });
    }

    /** The message's lease renewed for {@code lease} from now; empty when another sender has claimed it since. */
    Optional<Claimed> renew(UUID tenantId, Claimed message, Duration lease) {
        return jdbc.prepareStatement(RENEW, statement -> {
            statement.setDouble(1, lease.toMillis() / 1000.0);
            statement.setObject(2, tenantId);
            statement.setObject(3, message.id());
            statement.setObject(4, message.leaseUntil());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(message.renewed(row.getObject(1, OffsetDateTime.class)))
                        : Optional.empty();
            }
        });
    }

    /** Records the message sent; false (nothing changed) when the sender's lease was no longer the latest. */
    boolean sent(UUID tenantId, Claimed message) {
        return update(SENT, tenantId, message.id(), message.leaseUntil()) == 1;
    }

    /**
     * Records a failed attempt: the message is tried again after {@code firstRetry} doubled for each
     * earlier failure, or given up on (FAILED) once it has had {@code maxAttempts}. Nothing, and
     * false, when the sender's lease was no longer the latest: the attempt is counted by its holder.
     */
    boolean failed(UUID tenantId, Claimed message, String error, int maxAttempts, Duration firstRetry) {
        return update(
                        FAILED,
                        error,
                        maxAttempts,
                        firstRetry.toMillis() / 1000.0,
                        tenantId,
                        message.id(),
                        message.leaseUntil())
                == 1;
    }

    /**
     * The digests waiting for days up to {@code lastDay}, one per address and day, their items locked
     * until the caller's transaction ends; items another gatherer holds are left to it.
     */
    List<Digest> waitingDigests(UUID tenantId, LocalDate lastDay) {
        return jdbc.prepareStatement(WAITING, statement -> {
            statement.setObject(1, tenantId);
            statement.setDate(2, Date.valueOf(lastDay));
            List<Digest> digests = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String address = row.getString(1);
                    LocalDate day = row.getDate(3).toLocalDate();
                    Digest last = digests.isEmpty() ? null : digests.getLast();
                    if (last == null
                            || !last.address().equals(address)
                            || !last.day().equals(day)) {
                        last = new Digest(address, row.getString(2), day, new ArrayList<>(), new ArrayList<>());
                        digests.add(last);
                    }
                    last.items().add(row.getObject(4, UUID.class));
                    last.lines().add(row.getString(5));
                }
            }
            return digests;
        });
    }

    /**
     * Queues a digest and marks its items gathered. An item that reached a day whose digest was
     * already queued (its event was fanned out as the day's digest was made) moves to the next day's.
     */
    void queueDigest(UUID tenantId, Digest digest, String subject, String body) {
        UUID id = UUID.randomUUID();
        int queued = update(QUEUE, tenantId, id, null, Date.valueOf(digest.day()), digest.address(), subject, body);
        Object items = digest.items().toArray();
        if (queued == 1) {
            jdbc.prepareStatement(GATHERED, statement -> {
                statement.setObject(1, id);
                statement.setObject(2, tenantId);
                statement.setArray(3, statement.getConnection().createArrayOf("uuid", (Object[]) items));
                return statement.executeUpdate();
            });
            return;
        }
        jdbc.prepareStatement(POSTPONED, statement -> {
            statement.setObject(1, tenantId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", (Object[]) items));
            return statement.executeUpdate();
        });
    }

    private int update(String sql, @Nullable Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        });
    }
}
