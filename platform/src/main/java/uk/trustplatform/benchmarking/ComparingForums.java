package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;

/**
 * A forum's comparison for its analysts (and platform operators), and a member tenant's own
 * figures beside the forum's median and quartiles. Figures come through the aggregate path only
 * (the forum functions); each tenant's are put through {@link DisclosureControl} before any leaves.
 */
@Singleton
final class ComparingForums {

    /** One tenant's figure as read through the forum path. */
    private record Reading(UUID tenantId, IndicatorValue value, OffsetDateTime computedAt) {}

    record Comparison(RegionalForum forum, String period, List<ComparedIndicator> indicators) {}

    record ComparedIndicator(
            Indicator indicator,
            IndicatorSet indicatorSet,
            String breakdown,
            List<AuthorityValue> values,
            @Nullable Double median,
            @Nullable Double lowerQuartile,
            @Nullable Double upperQuartile) {}

    record AuthorityValue(
            String authority,
            @Nullable Double value,
            @Nullable Integer records,
            boolean suppressed,
            OffsetDateTime asOf) {}

    record Benchmarks(RegionalForum forum, String period, List<OwnIndicator> indicators) {}

    record OwnIndicator(
            Indicator indicator,
            IndicatorSet indicatorSet,
            String breakdown,
            @Nullable Double value,
            int records,
            OffsetDateTime asOf,
            @Nullable Double forumMedian,
            @Nullable Double forumLowerQuartile,
            @Nullable Double forumUpperQuartile,
            int forumAuthorities) {}

    private static final String FORUM =
            "SELECT tenant_id, indicator, period, breakdown, records, numerator, computed_at"
                    + " FROM forum_indicators(?, ?)";
    private static final String OWN = "SELECT tenant_id, indicator, period, breakdown, records, numerator, computed_at"
            + " FROM tenant_indicator WHERE tenant_id = ? AND period IN (?, 'current')";

    private final RegionalForums forums;
    private final ForumMemberships memberships;
    private final TenantDirectory directory;
    private final JdbcOperations jdbc;

    ComparingForums(
            RegionalForums forums, ForumMemberships memberships, TenantDirectory directory, JdbcOperations jdbc) {
        this.forums = forums;
        this.memberships = memberships;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** The forums the caller may see: all for operators, its own for an analyst, its tenant's for members. */
    List<RegionalForum> visible(Caller caller) {
        if (caller.has(Role.PLATFORM_OPERATOR)) {
            return forums.findAllOrderByName();
        }
        if (caller.has(Role.FORUM_ANALYST)) {
            return forums
                    .findBySlug(Objects.requireNonNull(
                            caller.regionalForum(), "a forum analyst's token binds it to a forum"))
                    .stream()
                    .toList();
        }
        if (!caller.authenticated()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in to see regional forums.");
        }
        UUID tenantId = caller.tenantId();
        if (tenantId == null) {
            return List.of();
        }
        Set<UUID> joined = memberships.ofTenant(tenantId).stream()
                .map(ForumMemberships.Membership::forumId)
                .collect(Collectors.toSet());
        return joined.isEmpty() ? List.of() : forums.findByIdInOrderByName(joined);
    }

    /** The forum's comparison for a period, or null when there is no such forum or the caller may not read it. */
    @Nullable
    Comparison compare(Caller caller, String slug, String period, @Nullable Indicator only) {
        Optional<RegionalForum> forum = forums.findBySlug(slug)
                .filter(found -> caller.has(Role.PLATFORM_OPERATOR) || caller.analyses(found.slug()));
        if (forum.isEmpty()) {
            if (!caller.authenticated()) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in as a forum analyst.");
            }
            return null;
        }
        Map<UUID, List<Reading>> byTenant = forumReadings(forum.get(), period);
        Map<UUID, String> labels = labels(forum.get(), byTenant.keySet());
        Map<String, List<AuthorityValue>> compared = new TreeMap<>();
        byTenant.forEach((tenant, readings) -> {
            Set<String> hidden = DisclosureControl.suppressed(
                    readings.stream().map(Reading::value).toList(), forum.get().minimumRecords());
            for (Reading reading : readings) {
                IndicatorValue value = reading.value();
                if (only != null && value.indicator() != only) {
                    continue;
                }
                boolean suppressed = hidden.contains(value.key());
                compared.computeIfAbsent(order(value), key -> new ArrayList<>())
                        .add(new AuthorityValue(
                                Objects.requireNonNull(labels.get(tenant), "every authority compared has a label"),
                                suppressed ? null : value.value(),
                                suppressed ? null : value.records(),
                                suppressed,
                                reading.computedAt()));
            }
        });
        List<ComparedIndicator> indicators = new ArrayList<>();
        compared.forEach((key, values) -> {
            String[] parts = key.split("\\|", -1);
            Indicator indicator = Indicator.valueOf(parts[1]);
            values.sort(Comparator.comparing(AuthorityValue::authority));
            Quartiles quartiles = Quartiles.of(values.stream()
                    .filter(v -> !v.suppressed() && v.value() != null)
                    .map(AuthorityValue::value)
                    .toList());
            indicators.add(new ComparedIndicator(
                    indicator,
                    indicator.set(),
                    parts[2],
                    values,
                    quartiles.median(),
                    quartiles.lower(),
                    quartiles.upper()));
        });
        return new Comparison(forum.get(), period, indicators);
    }

    /**
     * The caller's tenant's own figures beside the forum's median and quartiles (of every member's
     * figures that may be shown), for the sets it shares; null when the tenant is not a member. With
     * a self-assessment year, that year's figures follow the period's (their period is a year).
     */
    @Nullable
    Benchmarks benchmarks(Caller caller, String slug, String period, @Nullable Integer selfAssessmentYear) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Tenant admins and board members see the tenant's benchmarks.");
        }
        Optional<RegionalForum> forum = forums.findBySlug(slug);
        Set<IndicatorSet> shared = forum.map(found -> memberships.ofTenant(tenantId).stream()
                        .filter(m -> m.forumId().equals(found.id()))
                        .map(ForumMemberships.Membership::set)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        if (shared.isEmpty()) {
            return null;
        }
        List<String> periods = new ArrayList<>(List.of(period));
        if (selfAssessmentYear != null && !period.equals(String.valueOf(selfAssessmentYear))) {
            periods.add(String.valueOf(selfAssessmentYear));
        }
        Map<String, List<Double>> forumValues = new HashMap<>();
        List<Reading> own = new ArrayList<>();
        for (String each : periods) {
            // A further period's read repeats the figures that have none: take only its own.
            Predicate<Reading> taken =
                    r -> each.equals(period) || r.value().period().equals(each);
            forumReadings(forum.get(), each).forEach((tenant, readings) -> {
                Set<String> hidden = DisclosureControl.suppressed(
                        readings.stream().map(Reading::value).toList(),
                        forum.get().minimumRecords());
                readings.stream()
                        .filter(taken)
                        .filter(r ->
                                !hidden.contains(r.value().key()) && r.value().value() != null)
                        .forEach(r -> forumValues
                                .computeIfAbsent(r.value().key(), k -> new ArrayList<>())
                                .add(r.value().value()));
            });
            read(OWN, tenantId, each).stream().filter(taken).forEach(own::add);
        }
        List<OwnIndicator> indicators = own.stream()
                .filter(r -> shared.contains(r.value().indicator().set()))
                .sorted(Comparator.comparing(r -> order(r.value())))
                .map(r -> {
                    Quartiles quartiles =
                            Quartiles.of(forumValues.getOrDefault(r.value().key(), List.of()));
                    return new OwnIndicator(
                            r.value().indicator(),
                            r.value().indicator().set(),
                            r.value().breakdown(),
                            r.value().value(),
                            r.value().records(),
                            r.computedAt(),
                            quartiles.median(),
                            quartiles.lower(),
                            quartiles.upper(),
                            quartiles.authorities());
                })
                .toList();
        return new Benchmarks(forum.get(), period, indicators);
    }

    private Map<UUID, List<Reading>> forumReadings(RegionalForum forum, String period) {
        return read(FORUM, forum.id(), period).stream().collect(Collectors.groupingBy(Reading::tenantId));
    }

    /** Authorities by name, or (anonymised) as A, B, C … in an order fixed per forum that reveals nothing. */
    private Map<UUID, String> labels(RegionalForum forum, Set<UUID> tenants) {
        Map<UUID, String> labels = new HashMap<>();
        if (forum.naming() == RegionalForum.Naming.NAMED) {
            Map<UUID, Tenant> named = directory.byIds(tenants);
            // A forum's members are tenants of the register, which keeps every tenant it ever had.
            tenants.forEach(id -> labels.put(
                    id, Objects.requireNonNull(named.get(id), "a member tenant").name()));
            return labels;
        }
        List<UUID> ordered = tenants.stream()
                .sorted(Comparator.comparing(id -> digest(forum.id() + "/" + id)))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            labels.put(ordered.get(i), "Authority " + letters(i));
        }
        return labels;
    }

    /** A, B, … Z, AA, AB, … */
    private static String letters(int index) {
        String letter = String.valueOf((char) ('A' + index % 26));
        return index < 26 ? letter : letters(index / 26 - 1) + letter;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indicators in the order they are declared, then by breakdown (totals first). */
    private static String order(IndicatorValue value) {
        return String.format("%02d", value.indicator().ordinal()) + "|" + value.indicator() + "|" + value.breakdown();
    }

    private List<Reading> read(String sql, UUID id, String period) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            statement.setString(2, period);
            List<Reading> readings = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    readings.add(new Reading(
                            row.getObject(1, UUID.class),
                            new IndicatorValue(
                                    Indicator.valueOf(row.getString(2)),
                                    row.getString(3),
                                    row.getString(4),
                                    row.getInt(5),
                                    row.getBigDecimal(6)),
                            row.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
            return readings;
        });
    }
}
