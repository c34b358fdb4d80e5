package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;

/** The operations on the pledge register and Section 11 audits, as the isolation suite and the permission matrix drive them. */
final class PledgeCatalogue {

    private PledgeCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.pledgeRegistrations",
                        world -> new Request(
                                "{ pledgeRegistrations { edges { cursor node { id status signatory signedOn renewalDueOn"
                                        + " badge { code verificationUrl } partnerOrganisation { id name } pledge { title } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "Query.pledgesDueForRenewal",
                        world -> new Request(
                                "{ pledgesDueForRenewal(withinDays: 400) { id status renewalDueOn partnerOrganisation { name } } }",
                                Map.of()),
                        (reply, world) ->
                                reply.data().path("pledgesDueForRenewal").isArray(),
                        WHOLE_TENANT),
                new Operation(
                        "Query.publicPledgeRegister",
                        world -> new Request(
                                "query ($s: String!) { publicPledgeRegister(tenantSlug: $s) { tenant { slug }"
                                        + " entries { name category categoryLabel registeredOn } } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text().contains("Listed Charity"),
                        EVERYONE),
                new Operation(
                        "Query.verifyPledge",
                        world -> new Request(
                                "query ($s: String!, $c: String!) { verifyPledge(tenantSlug: $s, code: $c)"
                                        + " { result organisationName tenantName registeredOn renewalDueOn } }",
                                Map.of(
                                        "s",
                                        world.tenant().slug(),
                                        "c",
                                        world.pledges().listedBadge())),
                        (reply, world) -> reply.data()
                                .path("verifyPledge")
                                .path("result")
                                .asText()
                                .equals("CURRENT"),
                        EVERYONE),
                new Operation(
                        "Query.section11Audits",
                        world -> new Request(
                                "{ section11Audits { edges { node { id round status partnerOrganisation { name }"
                                        + " entries { id criterion rag narrative } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " lead appointed"),
                        MEMBERS),
                save(
                        "invitePartnerToPledge",
                        "InvitePartnerToPledgeInput",
                        "pledgeRegistration",
                        world -> Map.of("partnerOrganisationId", world.agencyId()),
                        ADMINS),
                save(
                        "signPledge",
                        "SignPledgeInput",
                        "pledgeRegistration",
                        world -> World.signature(
                                world.pledges().agencyPledge(),
                                world.versionOf(
                                        "pledge_registration", world.pledges().agencyPledge())),
                        ADMINS_AND_LEAD),
                pledgeTransition("registerPledge", ADMINS),
                save(
                        "renewPledge",
                        "SignPledgeInput",
                        "pledgeRegistration",
                        world -> World.signature(
                                world.pledges().agencyPledge(),
                                world.versionOf(
                                        "pledge_registration", world.pledges().agencyPledge())),
                        ADMINS_AND_LEAD),
                pledgeTransition("withdrawPledge", ADMINS_AND_LEAD),
                save(
                        "startSection11Audit",
                        "StartSection11AuditInput",
                        "section11Audit",
                        world -> Map.of("partnerOrganisationId", world.agencyId(), "round", 2025),
                        ADMINS_AND_LEAD),
                save(
                        "saveSection11Entry",
                        "SaveSection11EntryInput",
                        "section11Entry",
                        world -> Map.of(
                                "id",
                                world.pledges().auditEntry(),
                                "version",
                                world.versionOf(
                                        "section11_entry", world.pledges().auditEntry()),
                                "rag",
                                "GREEN",
                                "narrative",
                                world.agencyMarker() + " lead appointed"),
                        ADMINS_AND_LEAD),
                save(
                        "submitSection11Audit",
                        "Section11TransitionInput",
                        "section11Audit",
                        world -> Map.of(
                                "id",
                                world.pledges().audit(),
                                "version",
                                world.versionOf(
                                        "section11_audit", world.pledges().audit())),
                        ADMINS_AND_LEAD),
                save(
                        "moderateSection11Audit",
                        "ModerateSection11AuditInput",
                        "section11Audit",
                        world -> Map.of(
                                "id",
                                world.pledges().audit(),
                                "version",
                                world.versionOf(
                                        "section11_audit", world.pledges().audit()),
                                "decision",
                                "RETURN",
                                "comment",
                                "Rate every criterion."),
                        WHOLE_TENANT));
    }

    /** A step of the agency's pledge through the register, at its current version. */
    private static Operation pledgeTransition(String field, Set<Persona> allowed) {
        return save(
                field,
                "PledgeTransitionInput",
                "pledgeRegistration",
                world -> Map.of(
                        "id",
                        world.pledges().agencyPledge(),
                        "version",
                        world.versionOf("pledge_registration", world.pledges().agencyPledge()),
                        "reason",
                        "The agency has closed."),
                allowed);
    }
}
