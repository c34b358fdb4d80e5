package uk.trustplatform.configuration;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * Reads and changes a tenant's partnership settings. A tenant with no row has the defaults; the
 * first change inserts the row, later ones update it only at the version the caller read.
 */
@Singleton
final class KeepingPartnershipSettings {

    /** The settings as saved, or why they were not. */
    record Outcome(PartnershipSettings partnershipSettings, List<UserError> userErrors) {}

    private static final String READ =
            "SELECT minimum_participation_champions, renewal_notice_days, version FROM partnership_settings"
                    + " WHERE tenant_id = ?";
    private static final String WRITE = """
            INSERT INTO partnership_settings AS s (tenant_id, minimum_participation_champions, renewal_notice_days, version)
            VALUES (?, ?, ?, 1)
            ON CONFLICT (tenant_id) DO UPDATE
               SET minimum_participation_champions = excluded.minimum_participation_champions,
                   renewal_notice_days = excluded.renewal_notice_days,
                   version = s.version + 1
             WHERE s.version = ?
            RETURNING version""";

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
                        ? new PartnershipSettings(row.getInt(1), row.getInt(2), row.getLong(3))
                        : PartnershipSettings.DEFAULTS;
            }
        });
    }

    Outcome update(Caller caller, long version, int champions, int noticeDays) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may change the partnership settings.");
        }
        List<UserError> problems = problems(champions, noticeDays, "input");
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        PartnershipSettings before = current(tenantId);
        if (before.version() != version) {
            return new Outcome(null, List.of(UserError.conflict("settings", before.version(), version)));
        }
        Long saved = write(tenantId, champions, noticeDays, version);
        if (saved == null) {
            return new Outcome(null, List.of(UserError.conflict("settings", version + 1, version)));
        }
        PartnershipSettings after = new PartnershipSettings(champions, noticeDays, saved);
        audit.record(tenantId, "PartnershipSettings.changed", "PartnershipSettings", tenantId, before, after);
        return new Outcome(after, List.of());
    }

    /** Applies settings from a tenant definition; a line when they changed, none when they already matched. */
    List<String> apply(UUID tenantId, int champions, int noticeDays) {
        PartnershipSettings before = current(tenantId);
        if (before.minimumParticipationChampions() == champions && before.renewalNoticeDays() == noticeDays) {
            return List.of();
        }
        Long saved = write(tenantId, champions, noticeDays, before.version());
        audit.record(
                tenantId,
                "PartnershipSettings.changed",
                "PartnershipSettings",
                tenantId,
                before,
                new PartnershipSettings(champions, noticeDays, saved));
        return List.of("set partnership settings: " + champions + " champions, " + noticeDays + " days' notice");
    }

    static List<UserError> problems(Integer champions, Integer noticeDays, String... path) {
        List<UserError> problems = new ArrayList<>();
        if (champions == null || champions < 0 || champions > 50) {
            problems.add(at(path, "minimumParticipationChampions", "must be between 0 and 50."));
        }
        if (noticeDays == null || noticeDays < 1 || noticeDays > 365) {
            problems.add(at(path, "renewalNoticeDays", "must be between 1 and 365 days."));
        }
        return problems;
    }

    private static UserError at(String[] path, String field, String rule) {
        List<String> full = new ArrayList<>(List.of(path));
        full.add(field);
        return new UserError(List.copyOf(full), field + " " + rule, Code.NOT_ALLOWED);
    }

    /** The new version, or null when someone else changed the row first. */
    private Long write(UUID tenantId, int champions, int noticeDays, long version) {
        return jdbc.prepareStatement(WRITE, statement -> {
            statement.setObject(1, tenantId);
            statement.setInt(2, champions);
            statement.setInt(3, noticeDays);
            statement.setLong(4, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        });
    }
}
