package uk.trustplatform.configuration;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The configuration feature's fields on Mutation. */
@Singleton
final class ConfigurationMutations implements GraphQLTypeWiring {

    private final EditingDocuments editing;
    private final EndorsingStrategy endorsing;
    private final AdoptingCharter adopting;
    private final CopyingStarterKit copying;
    private final DocumentCodec codec;
    private final KeepingPartnershipSettings settings;

    ConfigurationMutations(
            EditingDocuments editing,
            EndorsingStrategy endorsing,
            AdoptingCharter adopting,
            CopyingStarterKit copying,
            DocumentCodec codec,
            KeepingPartnershipSettings settings) {
        this.editing = editing;
        this.endorsing = endorsing;
        this.adopting = adopting;
        this.copying = copying;
        this.codec = codec;
        this.settings = settings;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher(
                        "saveStandardsFramework",
                        env -> save(env, DocumentKind.STANDARDS_FRAMEWORK, "standardsFramework"))
                .dataFetcher("saveStrategy", env -> save(env, DocumentKind.STRATEGY, "strategy"))
                .dataFetcher(
                        "saveActionPlanTemplate",
                        env -> save(env, DocumentKind.ACTION_PLAN_TEMPLATE, "actionPlanTemplate"))
                .dataFetcher("saveCharter", env -> save(env, DocumentKind.CHARTER, "charter"))
                .dataFetcher("savePledge", env -> save(env, DocumentKind.PLEDGE, "pledge"))
                .dataFetcher("saveVocabularies", env -> save(env, DocumentKind.VOCABULARIES, "vocabularies"))
                .dataFetcher("saveGuidance", env -> save(env, DocumentKind.GUIDANCE, "guidance"))
                .dataFetcher(
                        "reviseDocument",
                        env -> payload("document", editing.revise(Callers.of(env), (String)
                                input(env).get("id"))))
                .dataFetcher(
                        "publishDocument",
                        env -> payload(
                                "document",
                                editing.publish(
                                        Callers.of(env),
                                        (String) input(env).get("id"),
                                        ((Number) input(env).get("version")).longValue())))
                .dataFetcher(
                        "endorseStrategy",
                        env -> payload(
                                "strategy",
                                endorsing.endorse(
                                        Callers.of(env), (String) input(env).get("id"), (String)
                                                input(env).get("partnerOrganisationId"))))
                .dataFetcher(
                        "adoptCharter",
                        env -> adopting.adopt(
                                Callers.of(env),
                                (String) input(env).get("charterId"),
                                (String) input(env).get("partnerOrganisationId"),
                                Boolean.TRUE.equals(input(env).get("personalise"))))
                .dataFetcher(
                        "copyStarterKit",
                        env -> copying.copy(Callers.of(env), (String) input(env).get("code")))
                .dataFetcher("updatePartnershipSettings", env -> {
                    Map<String, Object> input = input(env);
                    return settings.update(
                            Callers.of(env),
                            ((Number) input.get("version")).longValue(),
                            (Integer) input.get("minimumParticipationChampions"),
                            (Integer) input.get("renewalNoticeDays"),
                            (Integer) input.get("recommendationReplyDays"),
                            (Integer) input.get("kiteMarkValidMonths"));
                })
                .dataFetcher("setQuietPeriods", env -> {
                    Map<String, Object> input = input(env);
                    return settings.setQuietPeriods(
                            Callers.of(env),
                            ((Number) input.get("version")).longValue(),
                            QuietPeriods.fromInput(input.get("quietPeriods")));
                })
                .build();
    }

    private Map<String, Object> save(DataFetchingEnvironment env, DocumentKind kind, String field) {
        Map<String, Object> input = input(env);
        Number version = (Number) input.get("version");
        DocumentContent content = codec.from(input.get(field), kind.content());
        return payload(
                field,
                editing.save(
                        Callers.of(env),
                        kind,
                        (String) input.get("id"),
                        version == null ? null : version.longValue(),
                        content,
                        "input",
                        field));
    }

    private static Map<String, Object> payload(String field, EditingDocuments.Outcome outcome) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, outcome.document());
        payload.put("userErrors", outcome.userErrors());
        return payload;
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
