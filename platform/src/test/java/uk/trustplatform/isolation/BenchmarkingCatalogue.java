package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;

/** The operations on regional forums and their comparisons, as the isolation suite and the permission matrix drive them. */
final class BenchmarkingCatalogue {

    private static final Set<Persona> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS));

    private BenchmarkingCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.regionalForums",
                        world -> new Request("{ regionalForums { slug name region minimumRecords naming } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.forum()),
                        SIGNED_IN),
                new Operation(
                        "Query.forumComparison",
                        world -> new Request(
                                "query ($f: String!) { forumComparison(forumSlug: $f, period: \"2020-2021\") { forum { slug }"
                                        + " indicators { indicator breakdown median values { authority value records suppressed asOf } } } }",
                                Map.of("f", world.forum())),
                        (reply, world) -> reply.data()
                                .path("forumComparison")
                                .path("forum")
                                .path("slug")
                                .asText()
                                .equals(world.forum()),
                        EnumSet.of(PLATFORM_OPERATOR, Persona.FORUM_ANALYST)),
                new Operation(
                        "Query.benchmarks",
                        world -> new Request(
                                "query ($f: String!) { benchmarks(forumSlug: $f, period: \"2020-2021\") { forum { slug }"
                                        + " indicators { indicator breakdown value records forumMedian forumAuthorities } } }",
                                Map.of("f", world.forum())),
                        (reply, world) -> reply.data()
                                .path("benchmarks")
                                .path("forum")
                                .path("slug")
                                .asText()
                                .equals(world.forum()),
                        WHOLE_TENANT),
                new Operation(
                        "Query.forumSharing",
                        world -> new Request(
                                "{ forumSharing { forum { slug name region minimumRecords naming version } sharing } }",
                                Map.of()),
                        // Forums are the platform's: what is the tenant's own is what it shares with one.
                        (reply, world) -> reply.data()
                                .path("forumSharing")
                                .valueStream()
                                .anyMatch(shared -> shared.path("forum")
                                                .path("slug")
                                                .asText()
                                                .equals(world.forum())
                                        && !shared.path("sharing").isEmpty()),
                        WHOLE_TENANT),
                save(
                        "saveRegionalForum",
                        "SaveRegionalForumInput",
                        "regionalForum",
                        world -> Map.of(
                                "slug",
                                world.forum(),
                                "name",
                                "Forum of " + world.tenant().slug(),
                                "region",
                                "SOUTH_EAST",
                                "minimumRecords",
                                5,
                                "version",
                                world.forumVersion()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                save(
                        "leaveRegionalForum",
                        "ForumMembershipInput",
                        "sharing",
                        world -> Map.of("forumSlug", world.forum(), "indicatorSets", List.of("PARTNERS")),
                        ADMINS),
                save(
                        "joinRegionalForum",
                        "ForumMembershipInput",
                        "sharing",
                        world -> Map.of("forumSlug", world.forum()),
                        ADMINS),
                new Operation(
                        "Mutation.refreshIndicators",
                        world -> new Request(
                                "mutation { refreshIndicators { values userErrors { message } } }", Map.of()),
                        (reply, world) -> reply.data()
                                        .path("refreshIndicators")
                                        .path("values")
                                        .asInt()
                                > 0,
                        ADMINS));
    }
}
