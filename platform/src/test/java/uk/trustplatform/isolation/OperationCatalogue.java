package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.World.Persona.BOARD_MEMBER;
import static uk.trustplatform.isolation.World.Persona.PARTNER_INTEGRATION;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * Every query and mutation of schema.graphqls, with how to aim it at a world's data and who may:
 * one catalogue per feature, collected here with the audiences and request shapes they share. A new
 * operation in the schema fails {@link SchemaCoverageTest} until its feature's catalogue describes
 * it, and from then on runs in the isolation suite and the permission matrix.
 */
final class OperationCatalogue {

    static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);
    static final String ORGANISATION_FIELDS = "id name organisationIdentifier version category sector statutory"
            + " parent { id name } services { id name } descendants { id name } people { id name email roles }";
    static final Set<Persona> MEMBERS =
            EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER, PARTNER_LEAD, PARTNER_INTEGRATION);
    static final Set<Persona> WHOLE_TENANT = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER);
    static final Set<Persona> ADMINS = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN);
    static final Set<Persona> ADMINS_AND_LEAD = EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD);

    private OperationCatalogue() {}

    static List<Operation> all() {
        return Stream.of(
                        TenancyCatalogue.all(),
                        IdentityCatalogue.all(),
                        PartnerCatalogue.all(),
                        ConfigurationCatalogue.all(),
                        ParticipationCatalogue.all(),
                        FeedbackCatalogue.all(),
                        NotificationCatalogue.all(),
                        InspectionCatalogue.all(),
                        YouthForumCatalogue.all(),
                        ActionPlanCatalogue.all(),
                        AuditTrailCatalogue.all(),
                        PledgeCatalogue.all(),
                        SelfAssessmentCatalogue.all(),
                        WebhookCatalogue.all(),
                        ExportCatalogue.all(),
                        BenchmarkingCatalogue.all())
                .flatMap(List::stream)
                .toList();
    }

    /**
     * A mutation on the world's documents. It is reached when the caller was let through: no
     * FORBIDDEN or UNAUTHENTICATED error and no NOT_FOUND user error. The document's own state may
     * still refuse the change (publishing twice, revising again), which is not a question of access.
     */
    static Operation save(
            String field,
            String inputType,
            String payloadField,
            Function<World, Map<String, Object>> input,
            Set<Persona> allowed) {
        return new Operation(
                "Mutation." + field,
                world -> new Request(
                        "mutation ($input: " + inputType + "!) { " + field
                                + "(input: $input) { userErrors { field message code } } }",
                        Map.of("input", input.apply(world))),
                (reply, world) -> authorized(reply, field),
                allowed);
    }

    private static boolean authorized(Reply reply, String field) {
        String code = reply.errorCode();
        boolean refused = code.equals("FORBIDDEN") || code.equals("UNAUTHENTICATED");
        boolean hidden = reply.data()
                .path(field)
                .path("userErrors")
                .findValuesAsText("code")
                .contains("NOT_FOUND");
        return !refused
                && !hidden
                && !reply.data().path(field).isMissingNode()
                && !reply.data().path(field).isNull();
    }
}
