package uk.trustplatform.configuration;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.EditingDocuments.Outcome;

/** A partner endorses a draft strategy, as the partnership's strategies are agreed before publication. */
@Singleton
final class EndorsingStrategy {

    private final DocumentRecords records;
    private final ReadingDocuments reading;
    private final Endorsements endorsements;
    private final Nodes nodes;
    private final DocumentCodec codec;
    private final AuditTrail audit;

    EndorsingStrategy(
            DocumentRecords records,
            ReadingDocuments reading,
            Endorsements endorsements,
            Nodes nodes,
            DocumentCodec codec,
            AuditTrail audit) {
        this.records = records;
        this.reading = reading;
        this.endorsements = endorsements;
        this.nodes = nodes;
        this.codec = codec;
        this.audit = audit;
    }

    Outcome endorse(Caller caller, EndorseStrategy endorsement) {
        String strategyId = endorsement.strategyId();
        String partnerOrganisationId = endorsement.partnerOrganisationId();
        UUID tenantId = caller.requireTenant();
        DocumentRecord strategy = GlobalId.decode(strategyId, DocumentKind.STRATEGY.graphQLType())
                .flatMap(id -> reading.visible(caller, id))
                .orElse(null);
        if (strategy == null) {
            return Outcome.refused(UserError.of(Code.NOT_FOUND, "No strategy has this id.", "input", "id"));
        }
        UUID partner = partnerOrganisationId == null
                ? caller.partnerOrganisationId()
                : GlobalId.decode(partnerOrganisationId, SchemaTypes.PARTNER_ORGANISATION)
                        .filter(id -> nodes.find(SchemaTypes.PARTNER_ORGANISATION, id, caller)
                                .isPresent())
                        .orElse(null);
        if (partner == null) {
            return Outcome.refused(UserError.of(
                    Code.NOT_FOUND, "Name the endorsing partner organisation.", "input", "partnerOrganisationId"));
        }
        if (!caller.administersTenant() && !(caller.has(Role.PARTNER_LEAD) && caller.speaksFor(partner))) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "A partner lead endorses for their own organisation; a tenant admin for any.");
        }
        if (!strategy.status().editable()) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "Edition " + strategy.edition() + " is " + strategy.status() + "; only a draft is endorsed.",
                    "input",
                    "id"));
        }
        endorsements.add(
                tenantId,
                strategy.id(),
                partner,
                Objects.requireNonNull(caller.subject(), "a caller in a tenant has signed in"));
        DocumentRecord endorsed = strategy.status() == DocumentStatus.DRAFT
                ? records.update(strategy.withStatus(DocumentStatus.ENDORSED, null))
                : strategy;
        audit.record(
                tenantId,
                "Strategy.endorsed",
                DocumentKind.STRATEGY.graphQLType(),
                strategy.id(),
                null,
                Map.of("partnerOrganisation", partner));
        return new Outcome(codec.view(endorsed), List.of());
    }
}
