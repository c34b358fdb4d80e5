package uk.trustplatform.selfassessment;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.api.WorkflowStep;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.StandardsFrameworkContent;
import uk.trustplatform.configuration.StandardsFrameworkContent.Criterion;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.selfassessment.SelfAssessment.Status;

/**
 * Self-assessments: a partner rates itself against each standard of one of the tenant's
 * frameworks (Medway: "All services to complete and return self-assessment form"), with evidence
 * and what young people say, and submits it; the board agrees it or returns it with a comment;
 * next year's starts from this one.
 */
@Singleton
final class KeepingSelfAssessments {

    private static final int TEXT_MAX = 4000;

    private static final WorkflowStep<SelfAssessment> STEP =
            new WorkflowStep<>("self-assessment", SelfAssessment::version);

    record AssessmentOutcome(@Nullable SelfAssessment selfAssessment, List<UserError> userErrors) {

        static AssessmentOutcome refused(List<UserError> problems) {
            return new AssessmentOutcome(null, problems);
        }

        static AssessmentOutcome refused(UserError problem) {
            return refused(List.of(problem));
        }
    }

    record RatingOutcome(@Nullable SelfAssessmentRating selfAssessmentRating, List<UserError> userErrors) {

        static RatingOutcome refused(List<UserError> problems) {
            return new RatingOutcome(null, problems);
        }
    }

    private final SelfAssessments assessments;
    private final SelfAssessmentRatings ratings;
    private final ReadingSelfAssessments reading;
    private final RatedStandards standards;
    private final RatingScales scales;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final LondonClock clock;

    KeepingSelfAssessments(
            SelfAssessments assessments,
            SelfAssessmentRatings ratings,
            ReadingSelfAssessments reading,
            RatedStandards standards,
            RatingScales scales,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            LondonClock clock) {
        this.clock = clock;
        this.assessments = assessments;
        this.ratings = ratings;
        this.reading = reading;
        this.standards = standards;
        this.scales = scales;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
    }

    AssessmentOutcome start(Caller caller, StartSelfAssessment start) {
        UUID tenantId = caller.requireTenant();
        Optional<PartnerOrganisation> partner = GlobalId.decode(start.partnerOrganisationId(), PartnerOrganisation.TYPE)
                .flatMap(id -> partners.visible(caller, id));
        if (partner.isEmpty()) {
            return AssessmentOutcome.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireWriter(caller, partner.get().id());
        int year = start.year();
        String key = start.framework();
        String code = Objects.requireNonNullElse(start.scale(), RatingScale.HEAR_BY_RIGHT.code());
        List<UserError> problems = new ArrayList<>();
        Optional<RatingScale> scale = scales.inForce(code);
        if (scale.isEmpty()) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "The scale must be one of the partnership's rating scales: "
                            + String.join(
                                    ", ",
                                    scales.inForce().stream()
                                            .map(RatingScale::code)
                                            .toList())
                            + ".",
                    "input",
                    "scale"));
        }
        if (year < 2000 || year > clock.year() + 1) {
            problems.add(UserError.of(Code.NOT_ALLOWED, "The year must be from 2000 to next year.", "input", "year"));
        }
        Optional<StandardsFrameworkContent> framework = key == null ? Optional.empty() : configuration.framework(key);
        if (framework.isEmpty()) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "The framework must be the key of one of the tenant's published standards frameworks.",
                    "input",
                    "framework"));
        } else if (assessments.existsByPartnerOrganisationIdAndYearAndFramework(
                partner.get().id(), year, Objects.requireNonNull(key, "a framework is found by its key"))) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    partner.get().name() + " already has a self-assessment for " + year + " against " + key + ".",
                    "input",
                    "year"));
        }
        SelfAssessment earlier = null;
        if (start.carryForwardFromId() != null) {
            earlier = GlobalId.decode(start.carryForwardFromId(), SelfAssessment.TYPE)
                    .flatMap(id -> reading.visible(caller, id))
                    .filter(found ->
                            found.partnerOrganisationId().equals(partner.get().id())
                                    && found.year() < year
                                    && found.framework().equals(key))
                    .orElse(null);
            if (earlier == null) {
                problems.add(UserError.of(
                        Code.NOT_FOUND,
                        "This partner has no earlier self-assessment against this framework with this id.",
                        "input",
                        "carryForwardFromId"));
            }
        }
        if (!problems.isEmpty()) {
            return AssessmentOutcome.refused(problems);
        }
        SelfAssessment saved = assessments.save(new SelfAssessment(
                UUID.randomUUID(),
                tenantId.toString(),
                partner.get().id(),
                year,
                Objects.requireNonNull(key, "the check refuses a start without a framework"),
                scale.get().code(),
                scale.get().builtIn() ? null : scale.get().name(),
                scales.copy(scale.get()),
                Status.DRAFT,
                null,
                earlier == null ? null : earlier.id(),
                null,
                null,
                0));
        rateFromFramework(saved, scale.get(), framework.get(), earlier);
        audit.record(tenantId, "SelfAssessment.started", SelfAssessment.TYPE, saved.id(), null, saved);
        return new AssessmentOutcome(saved, List.of());
    }

    /**
     * One rating per criterion of each standard (the standard itself where it has none), starting
     * from the earlier assessment's rating of the same criterion where there was one: its evidence
     * and what young people said, and its level where it is on this assessment's scale.
     */
    private void rateFromFramework(
            SelfAssessment assessment,
            RatingScale scale,
            StandardsFrameworkContent framework,
            @Nullable SelfAssessment earlier) {
        Map<String, SelfAssessmentRating> before = earlier == null
                ? Map.of()
                : reading.ratingsOf(earlier).stream()
                        .collect(Collectors.toMap(
                                rating -> rating.standard() + "/" + rating.criterion(), Function.identity()));
        int position = 0;
        for (StandardsFrameworkContent.Standard standard : framework.standards()) {
            List<Criterion> criteria = standard.criteria().isEmpty()
                    ? List.of(new Criterion(standard.number(), standard.title()))
                    : standard.criteria();
            for (Criterion criterion : criteria) {
                SelfAssessmentRating last = before.get(standard.number() + "/" + criterion.number());
                ratings.save(new SelfAssessmentRating(
                        UUID.randomUUID(),
                        assessment.tenantId(),
                        assessment.id(),
                        position++,
                        standard.number(),
                        criterion.number(),
                        criterion.text(),
                        last == null || !scale.has(last.level()) ? null : last.level(),
                        last == null ? null : last.evidence(),
                        last == null ? null : last.whatYoungPeopleSay(),
                        0));
            }
        }
    }

    RatingOutcome rate(Caller caller, RateSelfAssessmentStandard rating) {
        UUID tenantId = caller.requireTenant();
        RatedStandards.Found found = standards.find(caller, rating.standard());
        ReadingSelfAssessments.Located located = found.located();
        if (located == null) {
            return RatingOutcome.refused(found.problems());
        }
        SelfAssessment owner = located.assessment();
        SelfAssessmentRating current = located.rating();
        requireWriter(caller, owner.partnerOrganisationId());
        long version = rating.version();
        if (current.version() != version) {
            return RatingOutcome.refused(List.of(UserError.conflict("rating", current.version(), version)));
        }
        if (!owner.status().open()) {
            return RatingOutcome.refused(List.of(UserError.notInState(
                    "self-assessment", owner.status(), "ratings change while it is a draft or returned.")));
        }
        String level = rating.level();
        String evidence = rating.evidence();
        String say = rating.whatYoungPeopleSay();
        List<UserError> problems = new ArrayList<>();
        RatingScale scale = scales.of(owner);
        if (level != null && !scale.has(level)) {
            problems.add(UserError.of(Code.NOT_ALLOWED, "The level " + scale.rule() + ".", "input", "level"));
        }
        Inputs.optional(problems, "evidence", evidence, TEXT_MAX);
        Inputs.optional(problems, "whatYoungPeopleSay", say, TEXT_MAX);
        if (!problems.isEmpty()) {
            return RatingOutcome.refused(problems);
        }
        try {
            SelfAssessmentRating saved = ratings.update(current.rated(level, evidence, say));
            audit.record(tenantId, "SelfAssessment.standardRated", SelfAssessment.TYPE, owner.id(), current, saved);
            return new RatingOutcome(saved, List.of());
        } catch (OptimisticLockException raced) {
            return RatingOutcome.refused(List.of(UserError.conflict("rating", current.version() + 1, version)));
        }
    }

    AssessmentOutcome submit(Caller caller, SelfAssessmentTransition submission) {
        return move(
                caller,
                submission,
                true,
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    if (!current.status().open()) {
                        problems.add(UserError.notInState(
                                "self-assessment",
                                current.status(),
                                "only a draft or returned self-assessment is submitted."));
                    }
                    long unrated = reading.ratingsOf(current).stream()
                            .filter(rating -> rating.level() == null)
                            .count();
                    if (unrated > 0) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                unrated + (unrated == 1 ? " standard is" : " standards are")
                                        + " not rated yet; rate every standard before submitting.",
                                "input",
                                "id"));
                    }
                    return problems;
                },
                current -> current.submitted(clock.now()),
                "submitted");
    }

    AssessmentOutcome review(Caller caller, ReviewSelfAssessment review) {
        boolean agree = review.agree();
        String comment = review.comment();
        return move(
                caller,
                review.step(),
                false,
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    if (current.status() != Status.SUBMITTED) {
                        problems.add(UserError.notInState(
                                "self-assessment", current.status(), "only a submitted self-assessment is reviewed."));
                    }
                    if (!agree && comment == null) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                "Enter a comment saying why the self-assessment is returned.",
                                "input",
                                "comment"));
                    }
                    Inputs.optional(problems, "comment", comment, TEXT_MAX);
                    return problems;
                },
                current -> current.reviewed(agree ? Status.AGREED : Status.RETURNED, comment, clock.now()),
                agree ? "agreed" : "returned");
    }

    /** One step of the workflow, as {@link WorkflowStep} takes every feature's. */
    private AssessmentOutcome move(
            Caller caller,
            SelfAssessmentTransition step,
            boolean partnerStep,
            Function<SelfAssessment, List<UserError>> check,
            Function<SelfAssessment, SelfAssessment> change,
            String done) {
        UUID tenantId = caller.requireTenant();
        WorkflowStep.Outcome<SelfAssessment> outcome = STEP.take(
                GlobalId.decode(step.id(), SelfAssessment.TYPE).flatMap(id -> reading.visible(caller, id)),
                step.version(),
                current -> requireAllowed(caller, current, partnerStep),
                check,
                current -> assessments.update(change.apply(current)),
                (before, after) -> audit.record(
                        tenantId, "SelfAssessment." + done, SelfAssessment.TYPE, after.id(), before, after));
        return new AssessmentOutcome(outcome.saved(), outcome.userErrors());
    }

    private void requireAllowed(Caller caller, SelfAssessment assessment, boolean partnerStep) {
        if (partnerStep) {
            requireWriter(caller, assessment.partnerOrganisationId());
        } else if (!SelfAssessmentAccess.reviews(caller)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only the board (its members and the tenant admin) reviews self-assessments.");
        }
    }

    private void requireWriter(Caller caller, UUID organisation) {
        SelfAssessmentAccess.requireWriter(caller, partners.scope(caller), organisation);
    }
}
