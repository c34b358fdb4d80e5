package uk.trustplatform.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where activities aimed at the same children overlap in time: Medway's strategy found "groups
 * being approached on numerous occasions" and "a lot of participation activities take place at the
 * same time with little or no regards of other contacts being made", and asked for "a web based
 * calendar of major participation work of partners".
 */
final class ParticipationCalendar {

    private ParticipationCalendar() {}

    enum AudienceKind {
        AGE_BAND,
        GROUP
    }

    /** An age band (by its label) or an audience group (by its code) of the tenant's vocabularies. */
    record Audience(AudienceKind kind, String value) {

        static Audience ageBand(String label) {
            return new Audience(AudienceKind.AGE_BAND, label);
        }

        static Audience group(String code) {
            return new Audience(AudienceKind.GROUP, code);
        }
    }

    /** Two or more activities aimed at one audience whose dates run into each other, from the first start to the last end. */
    record Clash(Audience audience, LocalDate from, LocalDate to, List<ParticipationActivity> activities) {}

    /**
     * For each audience, the runs of activities whose date ranges overlap one another (a chain of
     * overlaps counts as one run); only runs of two or more. By audience as first met, then by date.
     */
    static List<Clash> clashes(List<ParticipationActivity> activities) {
        Map<Audience, List<ParticipationActivity>> byAudience = new LinkedHashMap<>();
        activities.stream()
                .sorted(Comparator.comparing(ParticipationActivity::startsOn).thenComparing(ParticipationActivity::id))
                .forEach(activity -> activity.audiences()
                        .forEach(audience -> byAudience
                                .computeIfAbsent(audience, key -> new ArrayList<>())
                                .add(activity)));
        List<Clash> clashes = new ArrayList<>();
        byAudience.forEach((audience, aimed) -> {
            List<ParticipationActivity> run = new ArrayList<>();
            LocalDate runEnd = null;
            for (ParticipationActivity activity : aimed) {
                if (runEnd != null && activity.startsOn().isAfter(runEnd)) {
                    addIfClash(clashes, audience, run, runEnd);
                    run = new ArrayList<>();
                    runEnd = null;
                }
                run.add(activity);
                runEnd = runEnd == null || activity.endsOn().isAfter(runEnd) ? activity.endsOn() : runEnd;
            }
            addIfClash(
                    clashes, audience, run, Objects.requireNonNull(runEnd, "an audience is met through an activity"));
        });
        return clashes;
    }

    private static void addIfClash(
            List<Clash> clashes, Audience audience, List<ParticipationActivity> run, LocalDate end) {
        if (run.size() > 1) {
            clashes.add(new Clash(audience, run.getFirst().startsOn(), end, List.copyOf(run)));
        }
    }
}
