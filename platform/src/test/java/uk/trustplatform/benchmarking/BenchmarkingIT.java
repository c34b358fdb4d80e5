package uk.trustplatform.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.actionplans.PlanFixture;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.PartnershipData;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A regional forum of four partnerships: indicators against a hand-computed example, suppression
 * at k−1 and k records and its complementary case, the median and quartiles, opting out, forums
 * kept apart, anonymised naming, and no raw row reachable on the forum path.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkingIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final LocalDate PAST = TODAY.minusDays(30);
    private static final LocalDate LATER = TODAY.plusYears(2);
    private static final String PERIOD = "2026-2027";
    private static final String COMPARE = """
            query ($f: String!, $i: BenchmarkIndicator) { forumComparison(forumSlug: $f, period: "2026-2027", indicator: $i) {
              forum { slug naming } indicators { indicator breakdown median lowerQuartile upperQuartile
                values { authority value records suppressed asOf } } } }""";

    @Inject
    EmbeddedServer server;

    @Test
    void a_forum_compares_what_its_members_share_and_suppresses_what_could_identify_few_records() throws SQLException {
        String x = forum("forum-x-" + suffix(), "NAMED");
        TestTenant first = tenant("first");
        TestTenant second = tenant("second");
        TestTenant third = tenant("third");
        TestTenant fourth = tenant("fourth");
        handComputedExample(first);
        partnersWithPledges(second, "pvi-community", 5, 1);
        partnersWithPledges(third, null, 10, 5);
        partnersWithPledges(fourth, null, 8, 6);
        for (TestTenant tenant : List.of(first, second, third, fourth)) {
            join(tenant, x, List.of());
            refresh(tenant);
        }

        JsonNode all = compare(analystOf(x), x, null);
        JsonNode own = admin(first)
                .query(
                        "query ($f: String!) { benchmarks(forumSlug: $f, period: \"2026-2027\") { indicators"
                                + " { indicator breakdown value records forumMedian forumLowerQuartile forumUpperQuartile forumAuthorities } } }",
                        Map.of("f", x))
                .data()
                .path("benchmarks")
                .path("indicators");

        // The first partnership, computed by hand: 17 partners, 9 pledged; 3 with a strategic lead; 3 champions;
        // 10 actions of 2026-2027, 5 complete, 5 green, 2 overdue.
        assertThat(ownValue(own, "PLEDGE_COVERAGE", "ALL")).isCloseTo(9.0 / 17, within(1e-9));
        assertThat(ownValue(own, "PLEDGE_COVERAGE", "category:pvi-community")).isCloseTo(0.25, within(1e-9));
        assertThat(ownValue(own, "PARTNERS_WITH_STRATEGIC_LEAD", "ALL")).isCloseTo(3.0 / 17, within(1e-9));
        assertThat(ownValue(own, "CHAMPIONS_PER_PARTNER", "ALL")).isCloseTo(3.0 / 17, within(1e-9));
        assertThat(ownValue(own, "ACTIONS_COMPLETE", "ALL")).isCloseTo(0.5, within(1e-9));
        assertThat(ownValue(own, "ACTIONS_ON_TRACK", "ALL")).isCloseTo(0.5, within(1e-9));
        assertThat(ownValue(own, "ACTIONS_OVERDUE", "ALL")).isCloseTo(0.2, within(1e-9));
        assertThat(ownValue(own, "RAG_BY_STANDARD", "hear-by-right/2/GREEN")).isCloseTo(0.5, within(1e-9));
        // 5 activities ended in the last year (k, so shown to the forum), 3 with feedback.
        assertThat(ownValue(own, "FEEDBACK_GIVEN", "ALL")).isCloseTo(0.6, within(1e-9));
        assertThat(shown(all, "FEEDBACK_GIVEN", "ALL", first)).isCloseTo(0.6, within(1e-9));
        JsonNode coverage = find(own, "PLEDGE_COVERAGE", "ALL");
        assertThat(coverage.path("forumAuthorities").asInt()).isEqualTo(4);
        assertThat(coverage.path("forumMedian").asDouble()).isCloseTo((0.5 + 9.0 / 17) / 2, within(1e-9));
        assertThat(coverage.path("forumLowerQuartile").asDouble()).isCloseTo(0.425, within(1e-9));
        assertThat(coverage.path("forumUpperQuartile").asDouble())
                .isCloseTo(9.0 / 17 + 0.25 * (0.75 - 9.0 / 17), within(1e-9));

        // k − 1 records (4 in the first's voluntary category) are suppressed, k (5 in the second's) shown;
        // the first's statutory category (6) is suppressed too, or total − uncategorised − statutory would give the
        // voluntary one.
        assertSuppressed(all, "PLEDGE_COVERAGE", "category:pvi-community", first);
        assertThat(shown(all, "PLEDGE_COVERAGE", "category:pvi-community", second))
                .isCloseTo(0.2, within(1e-9));
        assertSuppressed(all, "PLEDGE_COVERAGE", "category:statutory-lscb-member", first);
        assertThat(shown(all, "PLEDGE_COVERAGE", "category:none", first)).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(authority(all, "PLEDGE_COVERAGE", "ALL", first)
                        .path("records")
                        .asInt())
                .isEqualTo(17);
        // Standard 1 has 4 actions, so standard 2 goes with it; the framework's total stays.
        assertSuppressed(all, "RAG_BY_STANDARD", "hear-by-right/1/GREEN", first);
        assertSuppressed(all, "RAG_BY_STANDARD", "hear-by-right/2/GREEN", first);
        assertThat(shown(all, "RAG_BY_STANDARD", "hear-by-right/ALL/GREEN", first))
                .isCloseTo(0.5, within(1e-9));
        assertThat(find(all, "PLEDGE_COVERAGE", "ALL").path("median").asDouble())
                .isCloseTo((0.5 + 9.0 / 17) / 2, within(1e-9));
    }

    @Test
    void opting_out_removes_a_tenant_from_the_next_comparison_and_forums_are_kept_apart() throws SQLException {
        String x = forum("forum-x-" + suffix(), "NAMED");
        String y = forum("forum-y-" + suffix(), "ANONYMISED");
        TestTenant staying = tenant("staying");
        TestTenant leaving = tenant("leaving");
        TestTenant elsewhere = tenant("elsewhere");
        partnersWithPledges(staying, null, 6, 3);
        partnersWithPledges(leaving, null, 7, 2);
        partnersWithPledges(elsewhere, null, 9, 9);
        join(staying, x, List.of());
        join(leaving, x, List.of());
        join(elsewhere, y, List.of("PLEDGES"));
        for (TestTenant tenant : List.of(staying, leaving, elsewhere)) {
            refresh(tenant);
        }

        JsonNode before = compare(analystOf(x), x, "PLEDGE_COVERAGE");
        JsonNode left = admin(leaving)
                .query(
                        "mutation ($i: ForumMembershipInput!) { leaveRegionalForum(input: $i) { sharing } }",
                        Map.of("i", Map.of("forumSlug", x, "indicatorSets", List.of("PLEDGES"))))
                .data()
                .path("leaveRegionalForum");
        JsonNode after = compare(analystOf(x), x, "PLEDGE_COVERAGE");
        JsonNode xAsksForY = analystOf(x).query(COMPARE, Map.of("f", y)).data().path("forumComparison");
        JsonNode ofY = compare(analystOf(y), y, null);
        ApiCaller unbound = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("analyst")
                        .roles(Role.FORUM_ANALYST)
                        .sign());

        assertThat(authorities(before, "PLEDGE_COVERAGE", "ALL"))
                .containsExactlyInAnyOrder(name(staying), name(leaving));
        assertThat(left.path("sharing").toString())
                .isEqualTo("[\"ACTION_PLANS\",\"PARTNERS\",\"PARTICIPATION\",\"SELF_ASSESSMENT\"]");
        assertThat(authorities(after, "PLEDGE_COVERAGE", "ALL")).containsExactly(name(staying));
        assertThat(xAsksForY.isNull()).isTrue();
        assertThat(authorities(ofY, "PLEDGE_COVERAGE", "ALL")).containsExactly("Authority A");
        assertThat(ofY.toString()).doesNotContain(name(elsewhere)).doesNotContain(name(staying));
        assertThat(ofY.path("indicators").findValuesAsText("indicator")).containsOnly("PLEDGE_COVERAGE");
        assertThat(unbound.query(COMPARE, Map.of("f", x)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_forum_compares_self_assessment_levels_per_standard_of_the_members_sharing_them() throws SQLException {
        String x = forum("forum-sa-" + suffix(), "NAMED");
        TestTenant first = tenant("sa-first");
        TestTenant second = tenant("sa-second");
        TestTenant third = tenant("sa-third");
        TestTenant fourth = tenant("sa-fourth");
        TestTenant pledgesOnly = tenant("sa-pledges");
        TestTenant outsider = tenant("sa-outsider");
        try (PartnershipData data = PartnershipData.of(first.id())) {
            selfAssessments(data, 2026, "HEAR_BY_RIGHT", "AGREED", "EMERGING EMERGING", "EMERGING ESTABLISHED");
            selfAssessments(data, 2026, "HEAR_BY_RIGHT", "AGREED", "EMERGING ESTABLISHED");
            selfAssessments(
                    data, 2026, "HEAR_BY_RIGHT", "SUBMITTED", "ESTABLISHED ESTABLISHED", "ESTABLISHED ADVANCED");
            selfAssessments(data, 2026, "HEAR_BY_RIGHT", "SUBMITTED", "ADVANCED ADVANCED");
            // Neither a draft nor a returned assessment counts; nor does another year.
            selfAssessments(data, 2026, "HEAR_BY_RIGHT", "DRAFT", "ADVANCED ADVANCED");
            selfAssessments(data, 2026, "HEAR_BY_RIGHT", "RETURNED", "ADVANCED ADVANCED");
            selfAssessments(data, 2025, "HEAR_BY_RIGHT", "AGREED", "ADVANCED ADVANCED");
            selfAssessments(data, 2026, "RAG", "AGREED", "GREEN RED");
        }
        try (PartnershipData data = PartnershipData.of(second.id())) {
            selfAssessments(
                    data,
                    2026,
                    "HEAR_BY_RIGHT",
                    "SUBMITTED",
                    "EMERGING ESTABLISHED",
                    "ESTABLISHED ESTABLISHED",
                    "ESTABLISHED ESTABLISHED",
                    "ADVANCED ESTABLISHED",
                    "ADVANCED ESTABLISHED");
        }
        try (PartnershipData data = PartnershipData.of(third.id())) {
            selfAssessments(
                    data,
                    2026,
                    "HEAR_BY_RIGHT",
                    "AGREED",
                    "EMERGING EMERGING",
                    "EMERGING EMERGING",
                    "EMERGING EMERGING",
                    "EMERGING EMERGING");
        }
        for (TestTenant fiveAtEmerging : List.of(fourth, pledgesOnly, outsider)) {
            try (PartnershipData data = PartnershipData.of(fiveAtEmerging.id())) {
                selfAssessments(
                        data,
                        2026,
                        "HEAR_BY_RIGHT",
                        "AGREED",
                        "EMERGING ESTABLISHED",
                        "EMERGING ESTABLISHED",
                        "EMERGING ESTABLISHED",
                        "EMERGING ESTABLISHED",
                        "ADVANCED ESTABLISHED");
            }
        }
        for (TestTenant tenant : List.of(first, second, third, fourth)) {
            join(tenant, x, List.of("SELF_ASSESSMENT"));
        }
        join(pledgesOnly, x, List.of("PLEDGES"));
        for (TestTenant tenant : List.of(first, second, third, fourth, pledgesOnly, outsider)) {
            refresh(tenant);
        }

        JsonNode levels = analystOf(x)
                .query(COMPARE.replace("2026-2027", "2026"), Map.of("f", x, "i", "SELF_ASSESSMENT_LEVELS"))
                .data()
                .path("forumComparison");
        JsonNode own = benchmarksOf(first, x, "2026", null);
        JsonNode ownEarlier = benchmarksOf(first, x, "2025", null);
        JsonNode theirs = benchmarksOf(pledgesOnly, x, "2026", null);
        JsonNode withPlans = benchmarksOf(first, x, "2026-2027", 2026);
        JsonNode theirsWithPlans = benchmarksOf(pledgesOnly, x, "2026-2027", 2026);

        assertThat(levels.path("indicators").findValuesAsText("breakdown"))
                .as("each standard at each level of each built-in scale in use, of 2026 only")
                .containsExactly(
                        "hear-by-right/1/ADVANCED",
                        "hear-by-right/1/AMBER",
                        "hear-by-right/1/EMERGING",
                        "hear-by-right/1/ESTABLISHED",
                        "hear-by-right/1/GREEN",
                        "hear-by-right/1/RED",
                        "hear-by-right/2/ADVANCED",
                        "hear-by-right/2/AMBER",
                        "hear-by-right/2/EMERGING",
                        "hear-by-right/2/ESTABLISHED",
                        "hear-by-right/2/GREEN",
                        "hear-by-right/2/RED");
        assertThat(authorities(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING"))
                .as("the members sharing self-assessments, and no other tenant")
                .containsExactlyInAnyOrder(name(first), name(second), name(third), name(fourth));
        // The first: 6 partners assessed on Hear by Right; standard 1 is 3 emerging, 2 established, 1 advanced,
        // standard 2 is 1, 3, 2.
        JsonNode firstEmerging = authority(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING", first);
        assertThat(firstEmerging.path("value").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(firstEmerging.path("records").asInt()).isEqualTo(6);
        assertThat(shown(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/ESTABLISHED", first))
                .isCloseTo(2.0 / 6, within(1e-9));
        assertThat(shown(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/2/ADVANCED", first))
                .isCloseTo(2.0 / 6, within(1e-9));
        // The second: 5 partners (k, so shown); the third: 4 (k − 1, so every level of its standards withheld).
        assertThat(shown(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/ESTABLISHED", second))
                .isCloseTo(0.4, within(1e-9));
        assertThat(shown(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/2/EMERGING", second))
                .isZero();
        assertSuppressed(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING", third);
        assertSuppressed(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/2/ADVANCED", third);
        // The first's one RAG assessment is a single partner.
        assertSuppressed(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/GREEN", first);
        assertThat(authorities(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/GREEN"))
                .containsExactly(name(first));
        // Standard 1 emerging, of the figures shown: 0.2, 0.5, 0.8.
        JsonNode emerging = find(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING");
        assertThat(emerging.path("median").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(emerging.path("lowerQuartile").asDouble()).isCloseTo(0.35, within(1e-9));
        assertThat(emerging.path("upperQuartile").asDouble()).isCloseTo(0.65, within(1e-9));
        // Standard 2 established: 0.5, 1, 1.
        JsonNode established = find(levels, "SELF_ASSESSMENT_LEVELS", "hear-by-right/2/ESTABLISHED");
        assertThat(established.path("median").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(established.path("lowerQuartile").asDouble()).isCloseTo(0.75, within(1e-9));

        JsonNode ownEmerging = find(own, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING");
        assertThat(ownEmerging.path("value").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(ownEmerging.path("forumMedian").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(ownEmerging.path("forumAuthorities").asInt()).isEqualTo(3);
        JsonNode ownGreen = find(own, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/GREEN");
        assertThat(ownGreen.path("value").asDouble())
                .as("a tenant sees its own figure in full")
                .isEqualTo(1.0);
        assertThat(ownGreen.path("records").asInt()).isEqualTo(1);
        assertThat(ownGreen.path("forumAuthorities").asInt()).isZero();
        JsonNode earlier = find(ownEarlier, "SELF_ASSESSMENT_LEVELS", "hear-by-right/2/ADVANCED");
        assertThat(earlier.path("value").asDouble()).isEqualTo(1.0);
        assertThat(earlier.path("records").asInt()).isEqualTo(1);
        assertThat(theirs.findValuesAsText("indicator")).isNotEmpty().containsOnly("PLEDGE_COVERAGE");
        // Beside a plan period, the year's levels follow the figures that have no period, each once.
        assertThat(find(withPlans, "SELF_ASSESSMENT_LEVELS", "hear-by-right/1/EMERGING")
                        .path("forumMedian")
                        .asDouble())
                .isCloseTo(0.5, within(1e-9));
        assertThat(withPlans.findValuesAsText("breakdown"))
                .containsExactlyElementsOf(own.findValuesAsText("breakdown"));
        assertThat(theirsWithPlans.findValuesAsText("breakdown"))
                .containsExactlyElementsOf(theirs.findValuesAsText("breakdown"));
        assertThat(find(theirsWithPlans, "PLEDGE_COVERAGE", "ALL")
                        .path("forumAuthorities")
                        .asInt())
                .as("the pledges shared by the one member sharing them, counted once")
                .isEqualTo(1);
    }

    @Test
    void submitting_returning_and_agreeing_a_self_assessment_mark_its_tenant_for_a_refresh_and_a_draft_does_not() {
        TestTenant tenant = tenant("sa-marks");
        ApiCaller admin = admin(tenant);
        new PlanFixture(admin).hearByRight();
        PledgeFixture partners = new PledgeFixture(admin);
        partners.publishPledge();
        String partner = partners.partner("Luton Borough Council", "statutory-lscb-member", true);
        int before = refreshed(admin);

        String id = admin.query(
                        "mutation ($i: StartSelfAssessmentInput!) { startSelfAssessment(input: $i) { selfAssessment { id } } }",
                        Map.of(
                                "i",
                                Map.of("partnerOrganisationId", partner, "year", 2026, "framework", "hear-by-right")))
                .data()
                .findValue("id")
                .asText();
        for (String standard : List.of("1", "2")) {
            selfAssessmentStep(
                    admin,
                    "rateSelfAssessmentStandard",
                    "RateSelfAssessmentStandardInput",
                    Map.of("selfAssessmentId", id, "standard", standard, "version", 0, "level", "EMERGING"));
        }
        boolean draftMarked = marked(tenant);
        selfAssessmentStep(
                admin, "submitSelfAssessment", "SelfAssessmentTransitionInput", Map.of("id", id, "version", 0));
        boolean submittedMarked = marked(tenant);
        int submitted = refreshed(admin);
        selfAssessmentStep(
                admin,
                "reviewSelfAssessment",
                "ReviewSelfAssessmentInput",
                Map.of("id", id, "version", 1, "decision", "RETURN", "comment", "Say what young people said."));
        boolean returnedMarked = marked(tenant);
        int returned = refreshed(admin);
        selfAssessmentStep(
                admin, "submitSelfAssessment", "SelfAssessmentTransitionInput", Map.of("id", id, "version", 2));
        refreshed(admin);
        selfAssessmentStep(
                admin,
                "reviewSelfAssessment",
                "ReviewSelfAssessmentInput",
                Map.of("id", id, "version", 3, "decision", "AGREE"));
        boolean agreedMarked = marked(tenant);
        int agreed = refreshed(admin);

        assertThat(draftMarked).as("a draft's ratings count for nothing yet").isFalse();
        assertThat(submittedMarked).isTrue();
        assertThat(returnedMarked).isTrue();
        assertThat(agreedMarked).isTrue();
        // Two standards at three levels each: six figures, gone while the assessment is returned.
        assertThat(submitted).isEqualTo(before + 6);
        assertThat(returned).isEqualTo(before);
        assertThat(agreed).isEqualTo(before + 6);
    }

    @Test
    void the_runtime_role_reaches_other_tenants_only_as_counts_through_the_forum_function() throws SQLException {
        String x = forum("forum-x-" + suffix(), "NAMED");
        TestTenant member = tenant("member");
        partnersWithPledges(member, "pvi-community", 6, 2);
        join(member, x, List.of());
        refresh(member);
        UUID forumId = forumId(x);

        try (Connection runtime = TestDatabase.runtimeConnection()) {
            List<String> direct = first(runtime, "SELECT count(*) FROM tenant_indicator");
            List<String> memberships = first(runtime, "SELECT count(*) FROM forum_membership");
            List<String> columns = first(runtime, "SELECT pg_get_function_result('forum_indicators'::regproc)");
            List<String> throughForum =
                    first(runtime, "SELECT count(*) FROM forum_indicators('" + forumId + "', '" + PERIOD + "')");

            assertThat(direct).containsExactly("0");
            assertThat(memberships).containsExactly("0");
            assertThat(throughForum.getFirst()).isNotEqualTo("0");
            assertThat(columns)
                    .as("the forum path returns counts and their labels, never a row of partners, plans or pledges")
                    .containsExactly(
                            "TABLE(tenant_id uuid, indicator_set text, indicator text, period text, breakdown text,"
                                    + " records integer, numerator numeric, computed_at timestamp with time zone)");
        }
    }

    @Test
    void a_forum_with_no_name_is_refused_as_required_and_one_too_long_as_too_long() {
        assertThat(forumRefusal("   "))
                .isEqualTo("REQUIRED [\"input\",\"name\"] Name the forum in 1 to 200 characters.");
        assertThat(forumRefusal("F".repeat(201)))
                .isEqualTo("TOO_LONG [\"input\",\"name\"] The name is longer than 200 characters.");
    }

    @Test
    void two_replicas_refreshing_one_tenant_at_once_both_succeed_and_store_one_snapshot() throws Exception {
        TestTenant tenant = tenant("replicas");
        handComputedExample(tenant);
        ApiCaller admin = admin(tenant);
        int alone = admin.query("mutation { refreshIndicators { values } }")
                .data()
                .path("refreshIndicators")
                .path("values")
                .asInt();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<List<String>>> replicas = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                List<String> answers = new ArrayList<>();
                for (int round = 0; round < 15; round++) {
                    try {
                        together.await();
                    } catch (Exception interrupted) {
                        throw new IllegalStateException(interrupted);
                    }
                    answers.add(admin.query("mutation { refreshIndicators { values } }")
                            .body()
                            .toString());
                }
                return answers;
            }));
        }

        List<String> answers = new ArrayList<>();
        for (CompletableFuture<List<String>> replica : replicas) {
            answers.addAll(replica.get());
        }

        assertThat(answers)
                .hasSize(30)
                .allSatisfy(answer ->
                        assertThat(answer).isEqualTo("{\"data\":{\"refreshIndicators\":{\"values\":" + alone + "}}}"));
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            assertThat(data.count("tenant_indicator")).isEqualTo(alone);
        }
    }

    /**
     * The first partnership: 6 statutory partners (3 pledged), 4 voluntary (1 pledged), 7 without a
     * category (5 pledged); strategic leads in 3, 3 champions; one plan of 10 actions; 5 participation
     * activities ended in the last year, 3 of them with feedback.
     */
    private void handComputedExample(TestTenant tenant) throws SQLException {
        Ids ids = published(tenant);
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            List<UUID> statutory = partners(data, "statutory-lscb-member", 6);
            List<UUID> voluntary = partners(data, "pvi-community", 4);
            List<UUID> none = partners(data, null, 7);
            for (UUID pledged : List.of(
                    statutory.get(0),
                    statutory.get(1),
                    statutory.get(2),
                    voluntary.get(0),
                    none.get(0),
                    none.get(1),
                    none.get(2),
                    none.get(3),
                    none.get(4))) {
                data.pledge(pledged, ids.pledge(), TODAY.minusMonths(1));
            }
            data.person(statutory.get(0), "STRATEGIC_LEAD", "PARTICIPATION_CHAMPION");
            data.person(statutory.get(0), "PARTICIPATION_CHAMPION");
            data.person(statutory.get(1), "STRATEGIC_LEAD");
            data.person(voluntary.get(0), "STRATEGIC_LEAD");
            data.person(none.get(0), "PARTICIPATION_CHAMPION");
            // Five activities ended in the last year, three with feedback; one ended two years ago, one is to come.
            for (int i = 0; i < 5; i++) {
                data.activity(statutory.get(i), TODAY.minusMonths(i + 1), i < 3);
            }
            data.activity(statutory.get(0), TODAY.minusYears(2), true);
            data.activity(statutory.get(1), TODAY.plusMonths(1), false);
            UUID plan = data.plan(statutory.get(0), ids.template());
            data.action(plan, "1", "COMPLETE", "GREEN", LATER);
            data.action(plan, "1", "COMPLETE", "GREEN", LATER);
            data.action(plan, "1", "IN_PROGRESS", "AMBER", LATER);
            data.action(plan, "1", "NOT_STARTED", "RED", PAST);
            for (int i = 0; i < 3; i++) {
                data.action(plan, "2", "COMPLETE", "GREEN", LATER);
            }
            data.action(plan, "2", "IN_PROGRESS", "AMBER", LATER);
            data.action(plan, "2", "IN_PROGRESS", "AMBER", LATER);
            data.action(plan, "2", "NOT_STARTED", null, PAST);
        }
    }

    /**
     * One new partner per assessment, each rating Hear by Right's standards 1, 2 … at the levels
     * given, separated by spaces.
     */
    private static void selfAssessments(PartnershipData data, int year, String scale, String status, String... each)
            throws SQLException {
        for (String levels : each) {
            UUID partner = data.partner("Assessed " + UUID.randomUUID(), null);
            data.selfAssessment(partner, year, "hear-by-right", scale, status, levels.split(" "));
        }
    }

    /** The tenant's own benchmarks of a period, and of a self-assessment year too when one is given. */
    private JsonNode benchmarksOf(TestTenant tenant, String forum, String period, Integer year) {
        Map<String, Object> variables = new HashMap<>(Map.of("f", forum, "p", period));
        variables.put("y", year);
        return admin(tenant)
                .query(
                        "query ($f: String!, $p: String!, $y: Int) { benchmarks(forumSlug: $f, period: $p,"
                                + " selfAssessmentYear: $y) { indicators { indicator breakdown value records"
                                + " forumMedian forumAuthorities } } }",
                        variables)
                .data()
                .path("benchmarks")
                .path("indicators");
    }

    /** Whether the tenant is marked for an indicator refresh (the owner reads every tenant's marks). */
    private static boolean marked(TestTenant tenant) {
        return !TenantData.query(
                        tenant.id(),
                        "SELECT count(*) FROM indicator_refresh WHERE tenant_id = current_setting('app.tenant_id')::uuid")
                .equals(List.of("0"));
    }

    /** Refreshes the tenant's indicators now (which clears its mark); the number of figures. */
    private static int refreshed(ApiCaller admin) {
        return admin.query("mutation { refreshIndicators { values } }")
                .data()
                .path("refreshIndicators")
                .path("values")
                .asInt();
    }

    private static void selfAssessmentStep(
            ApiCaller caller, String mutation, String inputType, Map<String, Object> input) {
        JsonNode done = caller.query(
                        "mutation ($i: " + inputType + "!) { " + mutation + "(input: $i) { userErrors { message } } }",
                        Map.of("i", input))
                .data()
                .path(mutation);
        assertThat(done.path("userErrors")).as(done.toString()).isEmpty();
    }

    /** {@code size} partners in one category, the first {@code pledged} of them with a current pledge. */
    private void partnersWithPledges(TestTenant tenant, String category, int size, int pledged) throws SQLException {
        Ids ids = published(tenant);
        try (PartnershipData data = PartnershipData.of(tenant.id())) {
            List<UUID> partners = partners(data, category, size);
            for (int i = 0; i < pledged; i++) {
                data.pledge(partners.get(i), ids.pledge(), TODAY.minusMonths(2));
            }
        }
    }

    private record Ids(UUID template, UUID pledge) {}

    /** Publishes the tenant's framework, template, categories and pledge; their ids. */
    private Ids published(TestTenant tenant) {
        ApiCaller admin = admin(tenant);
        PlanFixture plans = new PlanFixture(admin);
        plans.hearByRight();
        UUID template = PlanFixture.uuid(plans.template(2026, 2027, "2.1"));
        new PledgeFixture(admin).publishPledge();
        String pledge = admin.query("{ pledges { edges { node { id } } } }")
                .data()
                .path("pledges")
                .findValue("id")
                .asText();
        return new Ids(template, GlobalId.decode(pledge).orElseThrow().uuid());
    }

    private static List<UUID> partners(PartnershipData data, String category, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(data.partner((category == null ? "Partner " : category + " ") + i, category));
        }
        return ids;
    }

    private String forum(String slug, String naming) {
        JsonNode saved = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("operator")
                        .roles(Role.PLATFORM_OPERATOR)
                        .sign())
                .query(
                        "mutation ($i: SaveRegionalForumInput!) { saveRegionalForum(input: $i) { regionalForum { slug } userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "slug",
                                        slug,
                                        "name",
                                        "Forum " + slug,
                                        "region",
                                        "SOUTH_EAST",
                                        "naming",
                                        naming)))
                .data()
                .path("saveRegionalForum");
        assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
        return slug;
    }

    /** The one refusal of a forum named {@code name}: its code, field and message. */
    private String forumRefusal(String name) {
        JsonNode refused = new ApiCaller(server)
                .withToken(TestIdentityProvider.token("operator")
                        .roles(Role.PLATFORM_OPERATOR)
                        .sign())
                .query(
                        "mutation ($i: SaveRegionalForumInput!) { saveRegionalForum(input: $i) { regionalForum { slug } userErrors { code field message } } }",
                        Map.of("i", Map.of("slug", "unnamed", "name", name, "region", "SOUTH_EAST")))
                .data()
                .path("saveRegionalForum");
        assertThat(refused.path("regionalForum").isNull())
                .as(refused.toString())
                .isTrue();
        assertThat(refused.path("userErrors")).as(refused.toString()).hasSize(1);
        JsonNode error = refused.path("userErrors").get(0);
        return error.path("code").asText() + " " + error.path("field") + " "
                + error.path("message").asText();
    }

    private void join(TestTenant tenant, String forum, List<String> sets) {
        JsonNode joined = admin(tenant)
                .query(
                        "mutation ($i: ForumMembershipInput!) { joinRegionalForum(input: $i) { sharing userErrors { message } } }",
                        Map.of("i", Map.of("forumSlug", forum, "indicatorSets", sets)))
                .data()
                .path("joinRegionalForum");
        assertThat(joined.path("userErrors")).as(joined.toString()).isEmpty();
    }

    private void refresh(TestTenant tenant) {
        JsonNode refreshed =
                admin(tenant).query("mutation { refreshIndicators { values } }").data();
        assertThat(refreshed.path("refreshIndicators").path("values").asInt())
                .as(refreshed.toString())
                .isPositive();
    }

    private static JsonNode compare(ApiCaller analyst, String forum, String indicator) {
        Map<String, Object> variables = new HashMap<>(Map.of("f", forum));
        variables.put("i", indicator);
        JsonNode comparison = analyst.query(COMPARE, variables).data().path("forumComparison");
        assertThat(comparison.path("forum").path("slug").asText())
                .as(comparison.toString())
                .isEqualTo(forum);
        return comparison;
    }

    private static JsonNode find(JsonNode indicators, String indicator, String breakdown) {
        JsonNode list = indicators.has("indicators") ? indicators.path("indicators") : indicators;
        for (JsonNode node : list) {
            if (node.path("indicator").asText().equals(indicator)
                    && node.path("breakdown").asText().equals(breakdown)) {
                return node;
            }
        }
        throw new AssertionError("No " + indicator + " " + breakdown + " in " + indicators);
    }

    private static double ownValue(JsonNode own, String indicator, String breakdown) {
        return find(own, indicator, breakdown).path("value").asDouble();
    }

    private static JsonNode authority(JsonNode comparison, String indicator, String breakdown, TestTenant tenant) {
        for (JsonNode value : find(comparison, indicator, breakdown).path("values")) {
            if (value.path("authority").asText().equals(name(tenant))) {
                return value;
            }
        }
        throw new AssertionError("No value of " + name(tenant) + " for " + indicator + " " + breakdown);
    }

    /** Asserts the authority's figure is withheld: no value and no record count. */
    private static void assertSuppressed(JsonNode comparison, String indicator, String breakdown, TestTenant tenant) {
        JsonNode figure = authority(comparison, indicator, breakdown, tenant);
        assertThat(figure.path("suppressed").asBoolean()).as(figure.toString()).isTrue();
        assertThat(figure.path("value").isNull()).as(figure.toString()).isTrue();
        assertThat(figure.path("records").isNull()).as(figure.toString()).isTrue();
    }

    /** The authority's value, asserting it is not suppressed. */
    private static double shown(JsonNode comparison, String indicator, String breakdown, TestTenant tenant) {
        JsonNode figure = authority(comparison, indicator, breakdown, tenant);
        assertThat(figure.path("suppressed").asBoolean()).as(figure.toString()).isFalse();
        return figure.path("value").asDouble();
    }

    private static List<String> authorities(JsonNode comparison, String indicator, String breakdown) {
        return find(comparison, indicator, breakdown).path("values").findValuesAsText("authority");
    }

    private static List<String> first(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static UUID forumId(String slug) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            return UUID.fromString(first(owner, "SELECT id FROM regional_forum WHERE slug = '" + slug + "'")
                    .getFirst());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(TestTenant tenant) {
        return "Test Trust " + tenant.slug();
    }

    private static TestTenant tenant(String prefix) {
        return TestTenants.active(prefix);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private ApiCaller admin(TestTenant tenant) {
        return ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
    }

    private ApiCaller analystOf(String forum) {
        return new ApiCaller(server)
                .withToken(TestIdentityProvider.token("analyst-" + forum)
                        .roles(Role.FORUM_ANALYST)
                        .regionalForum(forum)
                        .sign());
    }
}
