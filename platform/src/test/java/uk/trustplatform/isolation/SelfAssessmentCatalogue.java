package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on self-assessments against a standards framework, as the isolation suite and the permission matrix drive them. */
final class SelfAssessmentCatalogue {

    private SelfAssessmentCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.selfAssessments",
                        world -> new Request(
                                "{ selfAssessments(year: 2025) { edges { node { id year status partnerOrganisation { name }"
                                        + " ratings { id standard criterion level evidence } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " asks young people"),
                        MEMBERS),
                new Operation(
                        "Query.ratingScales",
                        world -> new Request("{ ratingScales { code name levels { code label } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug() + " scale"),
                        MEMBERS),
                new Operation(
                        "Query.selfAssessmentOverview",
                        world -> new Request(
                                "{ selfAssessmentOverview(year: 2025, framework: \"world-standards\") { assessed"
                                        + " standards { standard counts { level partners } } notYetAssessed { name } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker() + " Community Health Trust"),
                        WHOLE_TENANT),
                save(
                        "startSelfAssessment",
                        "StartSelfAssessmentInput",
                        "selfAssessment",
                        world -> Map.of(
                                "partnerOrganisationId",
                                world.agencyId(),
                                "year",
                                2025,
                                "framework",
                                "world-standards"),
                        ADMINS_AND_LEAD),
                save(
                        "rateSelfAssessmentStandard",
                        "RateSelfAssessmentStandardInput",
                        "selfAssessmentRating",
                        world -> Map.of(
                                "selfAssessmentId",
                                world.selfAssessments().assessment(),
                                "standard",
                                "1",
                                "criterion",
                                "1.1",
                                "version",
                                world.versionOf(
                                        "self_assessment_rating",
                                        world.selfAssessments().rating()),
                                "level",
                                "ESTABLISHED",
                                "evidence",
                                world.agencyMarker() + " asks young people"),
                        ADMINS_AND_LEAD),
                save(
                        "submitSelfAssessment",
                        "SelfAssessmentTransitionInput",
                        "selfAssessment",
                        world -> Map.of(
                                "id",
                                world.selfAssessments().assessment(),
                                "version",
                                world.versionOf(
                                        "self_assessment",
                                        world.selfAssessments().assessment())),
                        ADMINS_AND_LEAD),
                save(
                        "reviewSelfAssessment",
                        "ReviewSelfAssessmentInput",
                        "selfAssessment",
                        world -> Map.of(
                                "id",
                                world.selfAssessments().assessment(),
                                "version",
                                world.versionOf(
                                        "self_assessment",
                                        world.selfAssessments().assessment()),
                                "decision",
                                "RETURN",
                                "comment",
                                "Rate every criterion."),
                        WHOLE_TENANT),
                // The agency's plan is approved, so the action is refused by the plan's state once access is decided.
                save(
                        "addActionForSelfAssessmentGap",
                        "AddActionForSelfAssessmentGapInput",
                        "action",
                        world -> Map.of(
                                "selfAssessmentId",
                                world.selfAssessments().assessment(),
                                "standard",
                                "1",
                                "criterion",
                                "1.1",
                                "actionPlanId",
                                world.plans().agencyPlan(),
                                "sectionNumber",
                                "1",
                                "outcomeNumber",
                                "1.1",
                                "description",
                                "Ask young people what they want from the service"),
                        ADMINS_AND_LEAD));
    }
}
