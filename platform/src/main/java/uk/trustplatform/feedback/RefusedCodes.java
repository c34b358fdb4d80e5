package uk.trustplatform.feedback;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The rate limit on feedback codes: at most {@code limit} refused codes from one client address in
 * any {@code window}; past that, every code from the address is refused until the oldest refusal
 * leaves the window. Only refusals count, so a class of children behind one school's address can
 * all answer; guessing is nothing but refusals. Kept in the database, not in the process, so the
 * limit holds however many replicas serve the pages and across restarts. The address is kept only
 * as its SHA-256 and for no longer than the window (and the sweep's interval) needs: refusals
 * older than the window are deleted at every refusal and by a sweep every few minutes.
 */
@Singleton
final class RefusedCodes {

    // The request's transaction when there is one, else one of its own (the sweep): a request holds
    // one connection at a time, since a second per request starves the pool when a class answers
    // at once. A refusal then counts once the request's answer (the NOT_FOUND) commits.
    private static final TransactionDefinition REQUEST_OR_OWN =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRED);
    private static final String NAME_CLIENT = "SELECT set_config('app.client', ?, true)";

    private final TransactionOperations<Connection> transactions;
    private final int limit;
    private final Duration window;

    RefusedCodes(
            TransactionOperations<Connection> transactions,
            @Value("${trust.feedback.refusals.limit:10}") int limit,
            @Value("${trust.feedback.refusals.window:15m}") Duration window) {
        this.transactions = transactions;
        this.limit = limit;
        this.window = window;
    }

    Duration window() {
        return window;
    }

    /** Whether the address has had as many codes refused within the window as the limit allows. */
    boolean exhausted(@Nullable String address) {
        return ofAddress(address, connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM feedback_code_refusal WHERE refused_at >= now() - make_interval(secs => ?)")) {
                count.setLong(1, window.toSeconds());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1) >= limit;
                }
            }
        });
    }

    void record(@Nullable String address) {
        ofAddress(address, connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO feedback_code_refusal (address_hash) VALUES (?)")) {
                insert.setBytes(1, hash(address));
                insert.executeUpdate();
            }
            return purge(connection);
        });
    }

    @Scheduled(fixedDelay = "${trust.feedback.refusals.sweep:5m}", initialDelay = "1m")
    void sweep() {
        transactions.execute(REQUEST_OR_OWN, status -> {
            try {
                return purge(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not purge refused feedback codes", e);
            }
        });
    }

    private int purge(Connection connection) throws SQLException {
        try (PreparedStatement purge =
                connection.prepareStatement("SELECT purge_feedback_code_refusals(make_interval(secs => ?))")) {
            purge.setLong(1, window.toSeconds());
            try (ResultSet count = purge.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** Work that sees only this address's refusals; the rest of the transaction names no client. */
    private <T> T ofAddress(@Nullable String address, Work<T> work) {
        return transactions.execute(REQUEST_OR_OWN, status -> {
            Connection connection = status.getConnection();
            try {
                nameClient(connection, HexFormat.of().formatHex(hash(address)));
                T result = work.in(connection);
                nameClient(connection, "");
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reach the refused feedback codes", e);
            }
        });
    }

    private static void nameClient(Connection connection, String client) throws SQLException {
        try (PreparedStatement name = connection.prepareStatement(NAME_CLIENT)) {
            name.setString(1, client);
            name.execute();
        }
    }

    private static byte[] hash(@Nullable String address) {
        return CodeTexts.sha256(address == null ? "unknown" : address);
    }
}
