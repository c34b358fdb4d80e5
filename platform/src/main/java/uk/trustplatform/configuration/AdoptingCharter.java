package uk.trustplatform.configuration;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * A partner adopts the tenant's charter as it is, or personalises its own copy, which keeps a link
 * to the charter it came from and is then the partner's to change and publish.
 */
@Singleton
final class AdoptingCharter {

    /** How the API shows an adoption. */
    record CharterAdoption(
            UUID partnerOrganisationId, UUID charterId, boolean personalised, OffsetDateTime adoptedAt) {}

    record Outcome(@Nullable CharterAdoption charterAdoption, List<UserError> userErrors) {

        static Outcome refused(UserError problem) {
            return new Outcome(null, List.of(problem));
        }
    }

    private final ReadingDocuments reading;
    private final EditingDocuments editing;
    private final CharterAdoptions adoptions;
    private final Nodes nodes;
    private final DocumentCodec codec;
    private final AuditTrail audit;
    private final LondonClock clock;

    AdoptingCharter(
            ReadingDocuments reading,
            EditingDocuments editing,
            CharterAdoptions adoptions,
            Nodes nodes,
            DocumentCodec codec,
            AuditTrail audit,
            LondonClock clock) {
        this.clock = clock;
        this.reading = reading;
        this.editing = editing;
        this.adoptions = adoptions;
        this.nodes = nodes;
        this.codec = codec;
        this.audit = audit;
    }

    Outcome adopt(Caller caller, AdoptCharter adoption) {
        String charterId = adoption.charterId();
        String partnerOrganisationId = adoption.partnerOrganisationId();
        boolean personalise = adoption.personalise();
        UUID tenantId = caller.requireTenant();
        DocumentRecord charter = GlobalId.decode(charterId, DocumentKind.CHARTER.graphQLType())
                .flatMap(id -> reading.visible(caller, id))
                .orElse(null);
        if (charter == null) {
            return Outcome.refused(UserError.of(Code.NOT_FOUND, "No charter has this id.", "input", "charterId"));
        }
        UUID partner = GlobalId.decode(partnerOrganisationId, SchemaTypes.PARTNER_ORGANISATION)
                .filter(id ->
                        nodes.find(SchemaTypes.PARTNER_ORGANISATION, id, caller).isPresent())
                .orElse(null);
        if (partner == null) {
            return Outcome.refused(UserError.of(
                    Code.NOT_FOUND, "No partner organisation has this id.", "input", "partnerOrganisationId"));
        }
        if (!caller.administersTenant() && !(caller.has(Role.PARTNER_LEAD) && caller.speaksFor(partner))) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "A partner lead adopts for their own organisation; a tenant admin for any.");
        }
        if (charter.partnerOrganisationId() != null || charter.status() != DocumentStatus.PUBLISHED) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED, "Partners adopt the tenant's published charter.", "input", "charterId"));
        }
        UUID adopted = charter.id();
        if (personalise) {
            EditingDocuments.Outcome copy = editing.create(
                    tenantId,
                    DocumentKind.CHARTER,
                    codec.read(DocumentKind.CHARTER, charter.content()),
                    partner,
                    "charter:" + charter.id(),
                    "input");
            if (!copy.userErrors().isEmpty()) {
                return new Outcome(null, copy.userErrors());
            }
            adopted = Objects.requireNonNull(copy.document(), "a copy without problems is saved")
                    .record()
                    .id();
        }
        adoptions.adopt(
                tenantId,
                partner,
                adopted,
                personalise,
                Objects.requireNonNull(caller.subject(), "a caller in a tenant has signed in"));
        audit.record(
                tenantId,
                "Charter.adopted",
                DocumentKind.CHARTER.graphQLType(),
                adopted,
                null,
                Map.of("partnerOrganisation", partner, "personalised", personalise));
        return new Outcome(new CharterAdoption(partner, adopted, personalise, clock.now()), List.of());
    }

    /** The adoptions the caller may see: all for tenant-wide readers, a partner's own otherwise. */
    List<CharterAdoption> adoptions(Caller caller) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant() && caller.partnerOrganisationId() == null) {
            return List.of();
        }
        return adoptions.of(tenantId, caller.seesWholeTenant() ? null : caller.partnerOrganisationId()).stream()
                .map(row -> new CharterAdoption(
                        row.partnerOrganisationId(), row.charterId(), row.personalised(), row.adoptedAt()))
                .toList();
    }
}
