package uk.trustplatform.benchmarking;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.tenancy.Region;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Platform operators set up regional forums; a tenant admin shares indicator sets with a forum,
 * each on its own, and stops sharing whenever it chooses.
 */
@Singleton
final class KeepingForums {

    record ForumOutcome(@Nullable RegionalForum regionalForum, List<UserError> userErrors) {}

    record MembershipOutcome(
            @Nullable RegionalForum regionalForum, List<IndicatorSet> sharing, List<UserError> userErrors) {}

    /** A forum the tenant may share with, and the sets it shares with it now. */
    record ForumSharing(RegionalForum forum, List<IndicatorSet> sharing) {}

    private final RegionalForums forums;
    private final ForumMemberships memberships;
    private final IndicatorRefreshMarks marks;
    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final AuditTrail audit;

    KeepingForums(
            RegionalForums forums,
            ForumMemberships memberships,
            IndicatorRefreshMarks marks,
            TenantTransactions transactions,
            TenantDirectory directory,
            AuditTrail audit) {
        this.forums = forums;
        this.memberships = memberships;
        this.marks = marks;
        this.transactions = transactions;
        this.directory = directory;
        this.audit = audit;
    }

    /** Creates a forum, or changes one at the version read. Platform operators only. */
    ForumOutcome save(Caller caller, SaveRegionalForum sent) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new ApiException(
                    caller.authenticated() ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED,
                    "Only a platform operator sets up regional forums.");
        }
        String slug = sent.slug();
        int minimum = sent.minimumRecords();
        List<UserError> problems = new ArrayList<>();
        if (slug == null || !slug.matches("[a-z][a-z0-9-]{1,62}")) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT,
                    "Use lower-case letters, digits and hyphens, e.g. north-west.",
                    "input",
                    "slug"));
        }
        Inputs.required(problems, "name", sent.name(), 200, "Name the forum in 1 to 200 characters.");
        if (minimum < SaveRegionalForum.FEWEST_RECORDS || minimum > 1000) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "A figure needs at least 5 records to be shown; a forum may ask for more, up to 1000.",
                    "input",
                    "minimumRecords"));
        }
        if (!problems.isEmpty()) {
            return new ForumOutcome(null, problems);
        }
        String checkedSlug = Objects.requireNonNull(slug, "a missing slug is one of the problems");
        String name = Objects.requireNonNull(sent.name(), "a missing name is one of the problems");
        long version = sent.version();
        return transactions.inTenant(null, true, () -> {
            Optional<RegionalForum> current = forums.findBySlug(checkedSlug);
            if (current.isPresent() && version != current.get().version()) {
                return new ForumOutcome(
                        null, List.of(UserError.conflict("forum", current.get().version(), version)));
            }
            RegionalForum wanted = new RegionalForum(
                    current.map(RegionalForum::id).orElseGet(UUID::randomUUID),
                    checkedSlug,
                    name,
                    sent.region(),
                    minimum,
                    sent.naming(),
                    current.map(RegionalForum::version).orElse(0L));
            try {
                RegionalForum saved = current.isPresent() ? forums.update(wanted) : forums.save(wanted);
                return new ForumOutcome(saved, List.of());
            } catch (OptimisticLockException raced) {
                return new ForumOutcome(
                        null, List.of(UserError.conflict("forum", wanted.version() + 1, wanted.version())));
            }
        });
    }

    /**
     * The forums of the tenant's region, and any other it still shares with (a forum moved to
     * another region), each with what the tenant shares. Whole-tenant readers only.
     */
    List<ForumSharing> sharing(Caller caller) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only the tenant admin and the board see what the tenant shares with forums.");
        }
        Region region = regionOf(tenantId);
        List<ForumMemberships.Membership> shared = memberships.ofTenant(tenantId);
        return forums.findAllOrderByName().stream()
                .filter(forum -> forum.region() == region
                        || shared.stream().anyMatch(m -> m.forumId().equals(forum.id())))
                .map(forum -> new ForumSharing(forum, setsSharedWith(forum, shared)))
                .toList();
    }

    /** Shares indicator sets with a forum (all three when none are named). Tenant admins only. */
    MembershipOutcome join(Caller caller, String slug, List<IndicatorSet> sets) {
        return change(caller, slug, sets, true);
    }

    /** Stops sharing indicator sets (all when none are named). Tenant admins only. */
    MembershipOutcome leave(Caller caller, String slug, List<IndicatorSet> sets) {
        return change(caller, slug, sets, false);
    }

    private MembershipOutcome change(Caller caller, String slug, List<IndicatorSet> sets, boolean join) {
        UUID tenantId = caller.requireTenant();
        if (!caller.administersTenant()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only a tenant admin decides what the tenant shares with forums.");
        }
        Optional<RegionalForum> forum = slug == null ? Optional.empty() : forums.findBySlug(slug);
        if (forum.isEmpty()) {
            return new MembershipOutcome(
                    null,
                    List.of(),
                    List.of(UserError.of(Code.NOT_FOUND, "There is no forum '" + slug + "'.", "input", "forumSlug")));
        }
        Region region = regionOf(tenantId);
        if (join && region != forum.get().region()) {
            return new MembershipOutcome(
                    null,
                    List.of(),
                    List.of(UserError.of(
                            Code.NOT_ALLOWED,
                            "Forum '" + slug + "' is for partnerships in "
                                    + forum.get().region() + "; this one is in " + region + ".",
                            "input",
                            "forumSlug")));
        }
        Set<IndicatorSet> chosen = sets.isEmpty() ? EnumSet.allOf(IndicatorSet.class) : EnumSet.copyOf(sets);
        List<IndicatorSet> changed = new ArrayList<>();
        for (IndicatorSet set : chosen) {
            boolean done = join
                    ? memberships.join(tenantId, forum.get().id(), set)
                    : memberships.leave(tenantId, forum.get().id(), set);
            if (done) {
                changed.add(set);
            }
        }
        if (!changed.isEmpty()) {
            audit.record(
                    tenantId,
                    join ? "ForumMembership.joined" : "ForumMembership.left",
                    SchemaTypes.REGIONAL_FORUM,
                    forum.get().id(),
                    null,
                    Map.of("forum", forum.get().slug(), "indicatorSets", changed));
        }
        if (join) {
            // The forum sees the tenant from its first snapshot, so make one now.
            marks.mark(tenantId);
        }
        return new MembershipOutcome(
                forum.get(), setsSharedWith(forum.get(), memberships.ofTenant(tenantId)), List.of());
    }

    private static List<IndicatorSet> setsSharedWith(RegionalForum forum, List<ForumMemberships.Membership> shared) {
        return shared.stream()
                .filter(m -> m.forumId().equals(forum.id()))
                .map(ForumMemberships.Membership::set)
                .sorted()
                .toList();
    }

    /** The region of a tenant the caller acts in, which the register therefore holds. */
    private Region regionOf(UUID tenantId) {
        return Objects.requireNonNull(directory.byIds(List.of(tenantId)).get(tenantId), "the caller's tenant")
                .region();
    }
}
