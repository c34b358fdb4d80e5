package uk.trustplatform.identity;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps browser sessions in {@code web_session}, shared by every replica. Each transaction names
 * the one session it works on (the table's policy shows no other), and is its own: a session is
 * read, touched or written before the page's own work starts.
 */
@Singleton
final class BrowserSessionStore {

    private static final String COLUMNS = "id_hash, subject, display_name, csrf_token, access_token,"
            + " access_expires_at, refresh_token, refresh_expires_at, id_token, last_seen_at";
    private static final TransactionDefinition OWN_TRANSACTION =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    private final TransactionOperations<Connection> transactions;

    BrowserSessionStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(StoredSession session) {
        inSession(session.idHash(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO web_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindAll(insert, session);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The session, if it exists and was used within the idle timeout; marked as used now. */
    Optional<StoredSession> touch(byte[] idHash, Duration idleTimeout, Instant now) {
        return inSession(idHash, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE web_session SET last_seen_at = ?"
                    + " WHERE id_hash = ? AND last_seen_at >= ? RETURNING " + COLUMNS)) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setBytes(2, idHash);
                update.setTimestamp(3, Timestamp.from(now.minus(idleTimeout)));
                try (ResultSet row = update.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<StoredSession>empty();
                }
            }
        });
    }

    void updateTokens(StoredSession session) {
        inSession(session.idHash(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE web_session SET access_token = ?,"
                    + " access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?, id_token = ?"
                    + " WHERE id_hash = ?")) {
                update.setString(1, session.accessToken());
                update.setTimestamp(2, Timestamp.from(session.accessExpiresAt()));
                update.setString(3, session.refreshToken());
                update.setTimestamp(4, timestamp(session.refreshExpiresAt()));
                update.setString(5, session.idToken());
                update.setBytes(6, session.idHash());
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes the session, returning it as it was (for its ID token, which ends Keycloak's session). */
    Optional<StoredSession> delete(byte[] idHash) {
        return inSession(idHash, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM web_session WHERE id_hash = ? RETURNING " + COLUMNS)) {
                delete.setBytes(1, idHash);
                try (ResultSet row = delete.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<StoredSession>empty();
                }
            }
        });
    }

    /** Deletes every session idle for longer than the timeout; returns how many. */
    int purgeIdle(Duration idleTimeout) {
        return transactions.execute(OWN_TRANSACTION, status -> {
            try (PreparedStatement purge = status.getConnection()
                    .prepareStatement("SELECT purge_idle_web_sessions(make_interval(secs => ?))")) {
                purge.setLong(1, idleTimeout.toSeconds());
                try (ResultSet count = purge.executeQuery()) {
                    count.next();
                    return count.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not purge idle browser sessions", e);
            }
        });
    }

    private interface Work<T extends @Nullable Object> {
        T in(Connection connection) throws SQLException;
    }

    private <T extends @Nullable Object> T inSession(byte[] idHash, Work<T> work) {
        return transactions.execute(OWN_TRANSACTION, status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement name = connection.prepareStatement("SELECT set_config('app.session', ?, true)")) {
                name.setString(1, HexFormat.of().formatHex(idHash));
                name.execute();
                return work.in(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reach the browser session store", e);
            }
        });
    }

    private static void bindAll(PreparedStatement statement, StoredSession session) throws SQLException {
        statement.setBytes(1, session.idHash());
        statement.setString(2, session.subject());
        statement.setString(3, session.displayName());
        statement.setString(4, session.csrfToken());
        statement.setString(5, session.accessToken());
        statement.setTimestamp(6, Timestamp.from(session.accessExpiresAt()));
        statement.setString(7, session.refreshToken());
        statement.setTimestamp(8, timestamp(session.refreshExpiresAt()));
        statement.setString(9, session.idToken());
        statement.setTimestamp(10, Timestamp.from(session.lastSeenAt()));
    }

    private static StoredSession read(ResultSet row) throws SQLException {
        return new StoredSession(
                row.getBytes(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getTimestamp(6).toInstant(),
                row.getString(7),
                instant(row.getTimestamp(8)),
                row.getString(9),
                row.getTimestamp(10).toInstant());
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
