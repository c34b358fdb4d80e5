package uk.trustplatform.pledges;

import jakarta.inject.Singleton;
import java.util.HashMap;
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
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/** Reads the pledge register for a caller, always through {@link PledgeAccess}. */
@Singleton
final class ReadingPledgeRegister implements NodeResolver {

    /** The register, most recently invited first. */
    static final CursorShape CURSORS = CursorShape.of("pledgeRegistrations", Part.TIMESTAMP, Part.UUID);

    static final String LATEST_OF_ORGANISATION = "latestPledgeOfOrganisation";
    static final String BY_ID = "pledgeRegistrationsById";
    static final String NOTICE_DAYS = "renewalNoticeDaysOfTenant";
    /** The partnerships are English councils: a day ends in London. */
    private final PledgeRegistrations registrations;

    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final LondonClock clock;

    ReadingPledgeRegister(
            PledgeRegistrations registrations,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            LondonClock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.partners = partners;
        this.configuration = configuration;
    }

    int noticeDays(UUID tenantId) {
        return configuration.settings(tenantId).renewalNoticeDays();
    }

    Connection<PledgeRegistration> page(Caller caller, PageRequest page) {
        return partners.page(caller, page, registrations::page, row -> page.cursor(row.invitedAt(), row.id()));
    }

    /** Registered pledges, not yet lapsed, due for renewal within {@code days} (the tenant's notice by default). */
    List<PledgeRegistration> dueForRenewal(Caller caller, Integer days) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only tenant admins and board members see the renewals list.");
        }
        int within = days == null ? noticeDays(tenantId) : days;
        if (within < 0 || within > 3650) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'withinDays' must be between 0 and 3650.");
        }
        return registrations.renewalsBy(tenantId, clock.today(), clock.today().plusDays(within));
    }

    Optional<PledgeRegistration> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return registrations
                .findById(id)
                .filter(registration -> PledgeAccess.canRead(scope, registration.partnerOrganisationId()));
    }

    @Override
    public Set<String> types() {
        return Set.of(PledgeRegistration.TYPE);
    }

    @Override
    public Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    /** Each organisation's latest registration, if the caller may see it. */
    Map<UUID, PledgeRegistration> latestOf(Set<UUID> organisations) {
        Caller caller = currentCaller();
        PartnerScope scope = partners.scope(caller);
        Map<UUID, PledgeRegistration> latest = new HashMap<>();
        registrations.ofOrganisations(caller.tenantId(), organisations).stream()
                .filter(registration -> PledgeAccess.canRead(scope, registration.partnerOrganisationId()))
                .forEach(registration -> latest.putIfAbsent(registration.partnerOrganisationId(), registration));
        return latest;
    }

    Map<UUID, PledgeRegistration> byId(Set<UUID> ids) {
        PartnerScope scope = partners.scope(currentCaller());
        return registrations.findByIdIn(ids).stream()
                .filter(registration -> PledgeAccess.canRead(scope, registration.partnerOrganisationId()))
                .collect(Collectors.toMap(PledgeRegistration::id, Function.identity()));
    }

    /** Each tenant's renewal notice in days, for the status fields of a response: one query, not one per pledge. */
    Map<UUID, Integer> noticeDaysOf(Set<UUID> tenants) {
        return tenants.stream().collect(Collectors.toMap(Function.identity(), this::noticeDays));
    }

    static Caller currentCaller() {
        return RequestContext.current().map(RequestContext::caller).orElseGet(Caller::anonymous);
    }
}
