package uk.trustplatform.participation;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * "You said, we did" for anyone: what partners told the participants of their activities, read in
 * the tenant's own transaction (an anonymous request acts in no tenant), so only that tenant's rows
 * can come back. Only what the participants were told and about what, with the agency's name; no
 * person, and nothing of an activity whose feedback has not been given.
 */
@Singleton
final class YouSaidWeDid {

    /** Enough for a page anyone reads; the oldest drop off. */
    static final int NEWEST = 100;

    record PublicFeedback(
            String agencyName,
            String title,
            String purpose,
            List<String> ageBands,
            List<String> audienceGroups,
            LocalDate startsOn,
            LocalDate endsOn,
            String youSaid,
            String weDid,
            LocalDate givenOn) {}

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final ParticipationActivities activities;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;

    YouSaidWeDid(
            TenantDirectory directory,
            TenantTransactions transactions,
            ParticipationActivities activities,
            PartnerDirectory partners,
            InForceConfiguration configuration) {
        this.directory = directory;
        this.transactions = transactions;
        this.activities = activities;
        this.partners = partners;
        this.configuration = configuration;
    }

    /** The feedback of an active tenant, newest first; null for any other slug. */
    @Nullable
    List<PublicFeedback> of(String slug) {
        Optional<Tenant> tenant = directory.activeBySlug(slug);
        if (tenant.isEmpty()) {
            return null;
        }
        UUID tenantId = tenant.get().id();
        return transactions.inTenant(tenantId, false, () -> {
            List<ParticipationActivity> told = activities.fedBack(tenantId, NEWEST);
            Map<UUID, PartnerOrganisation> agencies = partners.published(told.stream()
                    .map(ParticipationActivity::partnerOrganisationId)
                    .distinct()
                    .toList());
            Map<String, String> groups = configuration.vocabularies().audienceGroups().stream()
                    .collect(Collectors.toMap(
                            VocabulariesContent.Term::code, VocabulariesContent.Term::label, (a, b) -> a));
            return told.stream()
                    // Fed back, so whole (participation_feedback_whole); its foreign key keeps its organisation.
                    .map(activity -> new PublicFeedback(
                            Objects.requireNonNull(
                                            agencies.get(activity.partnerOrganisationId()), "the activity's agency")
                                    .name(),
                            activity.title(),
                            activity.purpose(),
                            List.of(activity.ageBands()),
                            Arrays.stream(activity.audienceGroups())
                                    .map(code -> groups.getOrDefault(code, code))
                                    .toList(),
                            activity.startsOn(),
                            activity.endsOn(),
                            Objects.requireNonNull(activity.youSaid(), "feedback given says what was said"),
                            Objects.requireNonNull(activity.weDid(), "feedback given says what was done"),
                            Objects.requireNonNull(activity.feedbackGivenOn(), "feedback given has its day")))
                    .toList();
        });
    }
}
