package uk.trustplatform.participation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.QuietPeriod;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.partners.PartnerScope;

/**
 * Reads the participation register: whole-tenant readers see every activity, a partner lead or
 * integration those of its organisation and the services below it. The calendar is different: every
 * member of the tenant sees when every activity runs and whom it is aimed at, since coordinating
 * them is its purpose; what an activity is and who runs it only where it may read the activity.
 */
@Singleton
final class ReadingParticipationRegister implements NodeResolver {

    /** The register, latest start first. */
    static final CursorShape CURSORS = CursorShape.of("participationActivities", Part.DATE, Part.UUID);

    /** Each tenant's quiet periods, read once for all the activities of a response. */
    static final String QUIET_PERIODS = "quietPeriodsOfTenant";

    /** The longest calendar asked for at once: a year and a day. */
    private static final int CALENDAR_DAYS = 366;

    /**
     * An activity as the calendar shows it: to a caller who may not read it, without its title, its
     * id or its partner's name.
     */
    record CalendarEntry(
            ParticipationActivity activity, @Nullable String partnerOrganisationName) {

        boolean readable() {
            return partnerOrganisationName != null;
        }
    }

    /** Activities aimed at one audience that overlap, as calendar entries. */
    record CalendarClash(
            ParticipationCalendar.AudienceKind audienceKind,
            String audience,
            LocalDate from,
            LocalDate to,
            List<CalendarEntry> activities) {}

    record Calendar(LocalDate from, LocalDate to, List<CalendarEntry> activities, List<CalendarClash> clashes) {}

    private final ParticipationActivities activities;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;

    ReadingParticipationRegister(
            ParticipationActivities activities, PartnerDirectory partners, InForceConfiguration configuration) {
        this.activities = activities;
        this.partners = partners;
        this.configuration = configuration;
    }

    /** Refuses a period given backwards or longer than {@code longest} (said as {@code inWords}). */
    static void requirePeriod(LocalDate from, LocalDate to, Period longest, String inWords) {
        if (to.isBefore(from) || to.isAfter(from.plus(longest))) {
            throw new ApiException(
                    ErrorCode.BAD_USER_INPUT,
                    "Arguments 'from' and 'to' must be in order and at most " + inWords + " apart.");
        }
    }

    Connection<ParticipationActivity> page(Caller caller, PageRequest page) {
        return partners.page(caller, page, activities::page, row -> page.cursor(row.startsOn(), row.id()));
    }

    Optional<ParticipationActivity> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return activities.findById(id).filter(activity -> scope.covers(activity.partnerOrganisationId()));
    }

    Calendar calendar(Caller caller, LocalDate from, LocalDate to) {
        UUID tenantId = caller.requireTenant();
        requirePeriod(from, to, Period.ofDays(CALENDAR_DAYS), CALENDAR_DAYS + " days");
        List<ParticipationActivity> running = activities.running(tenantId, from, to);
        Map<UUID, PartnerOrganisation> readable = partners.visible(
                caller,
                running.stream()
                        .map(ParticipationActivity::partnerOrganisationId)
                        .collect(Collectors.toSet()));
        Map<UUID, CalendarEntry> entries = new LinkedHashMap<>();
        running.forEach(activity -> {
            PartnerOrganisation partner = readable.get(activity.partnerOrganisationId());
            entries.put(activity.id(), new CalendarEntry(activity, partner == null ? null : partner.name()));
        });
        List<CalendarClash> clashes = ParticipationCalendar.clashes(running).stream()
                .map(clash -> new CalendarClash(
                        clash.audience().kind(),
                        clash.audience().value(),
                        clash.from(),
                        clash.to(),
                        clash.activities().stream()
                                .map(activity -> entries.get(activity.id()))
                                .toList()))
                .toList();
        return new Calendar(from, to, List.copyOf(entries.values()), clashes);
    }

    Map<UUID, List<QuietPeriod>> quietPeriodsOf(Set<UUID> tenants) {
        return tenants.stream().collect(Collectors.toMap(Function.identity(), configuration::quietPeriods));
    }

    @Override
    public Set<String> types() {
        return Set.of(ParticipationActivity.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }
}
