package uk.trustplatform.pledges;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
    /** The organisations' registrations, newest first, each with its tenant's renewal notice (the default where it saved none). */
    private static final String OF_ORGANISATIONS_WITH_NOTICE =
            "SELECT COALESCE(s.renewal_notice_days, ?), r.* FROM pledge_registration r"
                    + " LEFT JOIN partnership_settings s ON s.tenant_id = r.tenant_id"
                    + " WHERE r.tenant_id = ? AND r.partner_organisation_id = ANY (?) ORDER BY r.invited_at DESC";

    private final PledgeRegistrations registrations;
    private final JdbcOperations jdbc;

    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final LondonClock clock;

    ReadingPledgeRegister(
            PledgeRegistrations registrations,
            JdbcOperations jdbc,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            LondonClock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.jdbc = jdbc;
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
    List<PledgeRegistration> dueForRenewal(Caller caller, @Nullable Integer days) {
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
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    /**
     * Each organisation's latest registration, if the caller may see it, with its tenant's renewal
     * notice read in the same query (joined from partnership_settings, the default where the tenant
     * has saved none), so that the registrations' status needs no statement of its own.
     */
    Map<UUID, LatestPledge> latestOf(Set<UUID> organisations) {
        Caller caller = RequestContext.currentCaller();
        PartnerScope scope = partners.scope(caller);
        Map<UUID, LatestPledge> latest = new HashMap<>();
        newestFirstWithNotice(caller.requireTenant(), organisations).stream()
                .filter(row -> PledgeAccess.canRead(scope, row.registration().partnerOrganisationId()))
                .forEach(row -> latest.putIfAbsent(row.registration().partnerOrganisationId(), row));
        return latest;
    }

    /** A registration and the renewal notice of its tenant. */
    record LatestPledge(PledgeRegistration registration, int noticeDays) {}

    private List<LatestPledge> newestFirstWithNotice(UUID tenantId, Set<UUID> organisations) {
        return jdbc.prepareStatement(OF_ORGANISATIONS_WITH_NOTICE, statement -> {
            statement.setInt(1, configuration.defaultSettings().renewalNoticeDays());
            statement.setObject(2, tenantId);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", organisations.toArray()));
            List<LatestPledge> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new LatestPledge(jdbc.readEntity(row, PledgeRegistration.class), row.getInt(1)));
                }
            }
            return rows;
        });
    }

    Map<UUID, PledgeRegistration> byId(Set<UUID> ids) {
        PartnerScope scope = partners.scope(RequestContext.currentCaller());
        return registrations.findByIdIn(ids).stream()
                .filter(registration -> PledgeAccess.canRead(scope, registration.partnerOrganisationId()))
                .collect(Collectors.toMap(PledgeRegistration::id, Function.identity()));
    }

    /** Each tenant's renewal notice in days, for the status fields of a response: one query, not one per pledge. */
    Map<UUID, Integer> noticeDaysOf(Set<UUID> tenants) {
        return tenants.stream().collect(Collectors.toMap(Function.identity(), this::noticeDays));
    }
}
