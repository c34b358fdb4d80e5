package uk.trustplatform.configuration;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * Reads and changes a tenant's partnership settings: its numbers and its quiet periods, which
 * share one version. A tenant with no row has the defaults and no quiet periods; the first change
 * inserts the row, later ones update it only at the version the caller read.
 */
@Singleton
final class KeepingPartnershipSettings {

    /** The settings as saved, or why they were not. */
    record Outcome(@Nullable PartnershipSettings partnershipSettings, List<UserError> userErrors) {}

    private static final String READ =
            "SELECT minimum_participation_champions, renewal_notice_days, recommendation_reply_days,"
                    + " kite_mark_valid_months, version"
                    + " FROM partnership_settings"
                    + " WHERE tenant_id = ?";
    private static final String WRITE = """
            INSERT INTO partnership_settings AS s
                   (tenant_id, minimum_participation_champions, renewal_notice_days, recommendation_reply_days,
                    kite_mark_valid_months, version)
            VALUES (?, ?, ?, ?, ?, 1)
            ON CONFLICT (tenant_id) DO UPDATE
               SET minimum_participation_champions = excluded.minimum_participation_champions,
                   renewal_notice_days = excluded.renewal_notice_days,
                   recommendation_reply_days = excluded.recommendation_reply_days,
                   kite_mark_valid_months = excluded.kite_mark_valid_months,
                   version = s.version + 1
             WHERE s.version = ?
            RETURNING version""";

    /** Moves the version on, inserting the row with the defaults if there is none. */
    private static final String NEXT_VERSION = """
            INSERT INTO partnership_settings AS s (tenant_id, version) VALUES (?, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1 WHERE s.version = ?
            RETURNING version""";

    private static final String READ_QUIET_PERIODS =
            "SELECT name, first_day, last_day FROM partnership_quiet_period WHERE tenant_id = ?";
    private static final String CLEAR_QUIET_PERIODS = "DELETE FROM partnership_quiet_period WHERE tenant_id = ?";
    private static final String ADD_QUIET_PERIOD =
            "INSERT INTO partnership_quiet_period (tenant_id, name, first_day, last_day) VALUES (?, ?, ?, ?)";

    /** The quiet periods at a version, as the audit trail keeps them. */
    record QuietPeriodsAt(long version, List<QuietPeriod> quietPeriods) {}

    private final JdbcOperations jdbc;
    private final AuditTrail audit;

    KeepingPartnershipSettings(JdbcOperations jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The settings of the current transaction's tenant. */
    PartnershipSettings current(UUID tenantId) {
        return jdbc.prepareStatement(READ, statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? new PartnershipSettings(
                                row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getLong(5))
                        : PartnershipSettings.DEFAULTS;
            }
        });
    }

    /** Changes the numbers; a reply time or kite mark validity left out keeps that number as it is. */
    Outcome update(Caller caller, UpdatePartnershipSettings update) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may change the partnership settings.");
        }
        List<UserError> problems =
                problems(update.champions(), update.noticeDays(), update.replyDays(), update.validMonths(), "input");
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        PartnershipSettings before = current(tenantId);
        if (before.version() != update.version()) {
            return new Outcome(null, List.of(UserError.conflict("settings", before.version(), update.version())));
        }
        PartnershipSettings wanted =
                changed(before, update.champions(), update.noticeDays(), update.replyDays(), update.validMonths());
        Long saved = write(tenantId, wanted, update.version());
        if (saved == null) {
            return new Outcome(null, List.of(UserError.conflict("settings", update.version() + 1, update.version())));
        }
        PartnershipSettings after = atVersion(wanted, saved);
        audit.record(
                tenantId, "PartnershipSettings.changed", SchemaTypes.PARTNERSHIP_SETTINGS, tenantId, before, after);
        return new Outcome(after, List.of());
    }

    /**
     * Applies settings from a tenant definition; a line when they changed, none when they already
     * matched. A reply time or kite mark validity the definition leaves out (null) stays as the
     * admin set it.
     */
    List<String> apply(
            UUID tenantId, int champions, int noticeDays, @Nullable Integer replyDays, @Nullable Integer validMonths) {
        PartnershipSettings before = current(tenantId);
        PartnershipSettings wanted = changed(before, champions, noticeDays, replyDays, validMonths);
        if (wanted.equals(before)) {
            return List.of();
        }
        long saved = appliedVersion(write(tenantId, wanted, before.version()));
        audit.record(
                tenantId,
                "PartnershipSettings.changed",
                SchemaTypes.PARTNERSHIP_SETTINGS,
                tenantId,
                before,
                atVersion(wanted, saved));
        return List.of("set partnership settings: " + champions + " champions, " + noticeDays + " days' notice, "
                + wanted.recommendationReplyDays() + " days to reply to a youth forum, kite marks for "
                + wanted.kiteMarkValidMonths() + " months");
    }

    private static PartnershipSettings changed(
            PartnershipSettings before,
            int champions,
            int noticeDays,
            @Nullable Integer replyDays,
            @Nullable Integer validMonths) {
        return new PartnershipSettings(
                champions,
                noticeDays,
                replyDays == null ? before.recommendationReplyDays() : replyDays,
                validMonths == null ? before.kiteMarkValidMonths() : validMonths,
                before.version());
    }

    private static PartnershipSettings atVersion(PartnershipSettings settings, long version) {
        return new PartnershipSettings(
                settings.minimumParticipationChampions(),
                settings.renewalNoticeDays(),
                settings.recommendationReplyDays(),
                settings.kiteMarkValidMonths(),
                version);
    }

    /** The quiet periods of the current transaction's tenant, by first day. */
    List<QuietPeriod> quietPeriods(UUID tenantId) {
        return jdbc.prepareStatement(READ_QUIET_PERIODS, statement -> {
            statement.setObject(1, tenantId);
            List<QuietPeriod> periods = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    periods.add(new QuietPeriod(
                            row.getString(1),
                            row.getDate(2).toLocalDate(),
                            row.getDate(3).toLocalDate()));
                }
            }
            return QuietPeriods.ordered(periods);
        });
    }

    /** Replaces the quiet periods with those sent, at the version the caller read. */
    Outcome setQuietPeriods(Caller caller, SetQuietPeriods set) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may change the quiet periods.");
        }
        Problems problems = Problems.at("input");
        QuietPeriods.check(set.quietPeriods(), problems);
        if (!problems.found().isEmpty()) {
            return new Outcome(null, problems.found());
        }
        List<QuietPeriod> periods = QuietPeriods.checked(set.quietPeriods());
        PartnershipSettings before = current(tenantId);
        if (before.version() != set.version()) {
            return new Outcome(null, List.of(UserError.conflict("settings", before.version(), set.version())));
        }
        List<QuietPeriod> was = quietPeriods(tenantId);
        Long saved = replaceQuietPeriods(tenantId, set.version(), periods);
        if (saved == null) {
            return new Outcome(null, List.of(UserError.conflict("settings", set.version() + 1, set.version())));
        }
        recordQuietPeriods(tenantId, new QuietPeriodsAt(set.version(), was), new QuietPeriodsAt(saved, periods));
        return new Outcome(atVersion(before, saved), List.of());
    }

    /** Applies a definition's quiet periods; a line when they changed, none when they already matched. */
    List<String> applyQuietPeriods(UUID tenantId, List<QuietPeriod> periods) {
        List<QuietPeriod> was = quietPeriods(tenantId);
        if (Set.copyOf(was).equals(Set.copyOf(periods))) {
            return List.of();
        }
        long version = current(tenantId).version();
        long saved = appliedVersion(replaceQuietPeriods(tenantId, version, periods));
        recordQuietPeriods(tenantId, new QuietPeriodsAt(version, was), new QuietPeriodsAt(saved, periods));
        return List.of("set " + periods.size() + " quiet periods");
    }

    /**
     * The version a definition's change was saved at: there is none only when someone changed the
     * settings since they were read, so nothing was written and the definition is to be applied again.
     */
    private static long appliedVersion(@Nullable Long saved) {
        if (saved == null) {
            throw new IllegalStateException(
                    "The partnership settings changed while the tenant definition was applied; apply it again.");
        }
        return saved;
    }

    private void recordQuietPeriods(UUID tenantId, QuietPeriodsAt before, QuietPeriodsAt after) {
        audit.record(
                tenantId,
                "PartnershipSettings.quietPeriodsChanged",
                SchemaTypes.PARTNERSHIP_SETTINGS,
                tenantId,
                before,
                new QuietPeriodsAt(after.version(), QuietPeriods.ordered(after.quietPeriods())));
    }

    /** The new version with the quiet periods replaced, or null (and nothing changed) when someone else changed the settings first. */
    private @Nullable Long replaceQuietPeriods(UUID tenantId, long version, List<QuietPeriod> periods) {
        Long saved = jdbc.prepareStatement(NEXT_VERSION, statement -> {
            statement.setObject(1, tenantId);
            statement.setLong(2, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        });
        if (saved == null) {
            return null;
        }
        jdbc.prepareStatement(CLEAR_QUIET_PERIODS, statement -> {
            statement.setObject(1, tenantId);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement(ADD_QUIET_PERIOD, statement -> addAll(statement, tenantId, periods));
        return saved;
    }

    private static int[] addAll(PreparedStatement statement, UUID tenantId, List<QuietPeriod> periods)
            throws SQLException {
        for (QuietPeriod period : periods) {
            statement.setObject(1, tenantId);
            statement.setString(2, period.name());
            statement.setDate(3, Date.valueOf(period.firstDay()));
            statement.setDate(4, Date.valueOf(period.lastDay()));
            statement.addBatch();
        }
        return statement.executeBatch();
    }

    /** What is wrong with the numbers; a reply time or validity left out (null) is nothing wrong. */
    static List<UserError> problems(
            Integer champions,
            Integer noticeDays,
            @Nullable Integer replyDays,
            @Nullable Integer validMonths,
            String... path) {
        List<UserError> problems = new ArrayList<>();
        if (champions == null || champions < 0 || champions > 50) {
            problems.add(at(path, "minimumParticipationChampions", "must be between 0 and 50."));
        }
        if (noticeDays == null || noticeDays < 1 || noticeDays > 365) {
            problems.add(at(path, "renewalNoticeDays", "must be between 1 and 365 days."));
        }
        if (replyDays != null && (replyDays < 1 || replyDays > 365)) {
            problems.add(at(path, "recommendationReplyDays", "must be between 1 and 365 days."));
        }
        // Up to five years: a mark resting on an annual audit should not outlive several audits missed.
        if (validMonths != null && (validMonths < 1 || validMonths > 60)) {
            problems.add(at(path, "kiteMarkValidMonths", "must be between 1 and 60 months."));
        }
        return problems;
    }

    private static UserError at(String[] path, String field, String rule) {
        List<String> full = new ArrayList<>(List.of(path));
        full.add(field);
        return new UserError(List.copyOf(full), field + " " + rule, Code.NOT_ALLOWED);
    }

    /** The new version, or null when someone else changed the row first. */
    private @Nullable Long write(UUID tenantId, PartnershipSettings settings, long version) {
        return jdbc.prepareStatement(WRITE, statement -> {
            statement.setObject(1, tenantId);
            statement.setInt(2, settings.minimumParticipationChampions());
            statement.setInt(3, settings.renewalNoticeDays());
            statement.setInt(4, settings.recommendationReplyDays());
            statement.setInt(5, settings.kiteMarkValidMonths());
            statement.setLong(6, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        });
    }
}
