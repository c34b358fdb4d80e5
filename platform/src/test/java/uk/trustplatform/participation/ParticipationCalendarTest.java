package uk.trustplatform.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.participation.ParticipationCalendar.Audience;
import uk.trustplatform.participation.ParticipationCalendar.Clash;

class ParticipationCalendarTest {

    static final LocalDate MARCH = LocalDate.of(2027, 3, 1);

    @Test
    void two_activities_for_one_group_on_overlapping_days_clash_from_the_first_start_to_the_last_end() {
        ParticipationActivity survey = activity("survey", 0, 10, new String[] {}, "young-carers");
        ParticipationActivity forum = activity("forum", 5, 20, new String[] {}, "young-carers");

        List<Clash> clashes = ParticipationCalendar.clashes(List.of(forum, survey));

        assertThat(clashes).hasSize(1);
        assertThat(clashes.getFirst().audience()).isEqualTo(Audience.group("young-carers"));
        assertThat(clashes.getFirst().from()).isEqualTo(MARCH);
        assertThat(clashes.getFirst().to()).isEqualTo(MARCH.plusDays(20));
        assertThat(clashes.getFirst().activities()).containsExactly(survey, forum);
    }

    @Test
    void a_chain_of_overlaps_is_one_clash_and_a_day_apart_is_none() {
        ParticipationActivity first = activity("first", 0, 4, new String[] {"Young people"});
        ParticipationActivity second = activity("second", 4, 8, new String[] {"Young people"});
        ParticipationActivity third = activity("third", 8, 9, new String[] {"Young people"});
        ParticipationActivity later = activity("later", 10, 12, new String[] {"Young people"});
        ParticipationActivity alone = activity("alone", 30, 31, new String[] {"Young people"});
        ParticipationActivity laterStill = activity("later still", 32, 33, new String[] {"Young people"});

        List<Clash> clashes = ParticipationCalendar.clashes(List.of(laterStill, alone, later, third, second, first));

        assertThat(clashes).hasSize(1);
        assertThat(clashes.getFirst().activities()).containsExactly(first, second, third);
        assertThat(clashes.getFirst().to()).isEqualTo(MARCH.plusDays(9));
    }

    @Test
    void activities_for_different_audiences_do_not_clash_but_one_aimed_at_two_clashes_on_each() {
        ParticipationActivity carers = activity("carers", 0, 10, new String[] {}, "young-carers");
        ParticipationActivity inCare = activity("in care", 0, 10, new String[] {}, "looked-after");
        ParticipationActivity both = activity("both", 3, 4, new String[] {"Children"}, "young-carers", "looked-after");
        ParticipationActivity children = activity("children", 20, 21, new String[] {"Children"});

        List<Clash> clashes = ParticipationCalendar.clashes(List.of(carers, inCare, both, children));

        assertThat(clashes)
                .extracting(Clash::audience)
                .containsExactlyInAnyOrder(Audience.group("young-carers"), Audience.group("looked-after"));
        assertThat(clashes).allSatisfy(clash -> assertThat(clash.activities()).contains(both));
    }

    static ParticipationActivity activity(String title, int startDay, int endDay, String[] ageBands, String... groups) {
        return activity(title, startDay, endDay, null, ageBands, groups);
    }

    /** An activity in March 2027, from and to the days given (counted from 1 March). */
    static ParticipationActivity activity(
            String title, int startDay, int endDay, LocalDate feedbackDue, String[] ageBands, String... groups) {
        return new ParticipationActivity(
                UUID.nameUUIDFromBytes(title.getBytes()),
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                title,
                "To hear them",
                null,
                null,
                null,
                MARCH.plusDays(startDay),
                MARCH.plusDays(endDay),
                ageBands,
                groups,
                new String[] {},
                null,
                null,
                null,
                feedbackDue,
                null,
                null,
                null,
                null,
                null,
                0);
    }
}
