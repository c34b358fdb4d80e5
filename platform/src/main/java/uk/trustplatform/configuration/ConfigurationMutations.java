package uk.trustplatform.configuration;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

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
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
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
                        env -> payload(
                                "document",
                                editing.revise(Callers.of(env), input(env).requiredString("id"))))
                .dataFetcher(
                        "publishDocument",
                        env -> payload("document", editing.publish(Callers.of(env), PublishDocument.from(input(env)))))
                .dataFetcher(
                        "endorseStrategy",
                        env -> payload(
                                "strategy", endorsing.endorse(Callers.of(env), EndorseStrategy.from(input(env)))))
                .dataFetcher("adoptCharter", env -> adopting.adopt(Callers.of(env), AdoptCharter.from(input(env))))
                .dataFetcher(
                        "copyStarterKit",
                        env -> copying.copy(Callers.of(env), input(env).requiredString("code")))
                .dataFetcher(
                        "updatePartnershipSettings",
                        env -> settings.update(Callers.of(env), UpdatePartnershipSettings.from(input(env))))
                .dataFetcher(
                        "setQuietPeriods",
                        env -> settings.setQuietPeriods(Callers.of(env), SetQuietPeriods.from(input(env))))
                .build();
    }

    private Map<String, Object> save(DataFetchingEnvironment env, DocumentKind kind, String field) {
        InputFields input = input(env);
        DocumentContent content = codec.from(
                Objects.requireNonNull(input.value(field), "the schema requires a document's content"), kind.content());
        return payload(
                field,
                editing.save(
                        Callers.of(env), kind, input.string("id"), input.version("version"), content, "input", field));
    }

    private static Map<String, Object> payload(String field, EditingDocuments.Outcome outcome) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, outcome.document());
        payload.put("userErrors", outcome.userErrors());
        return payload;
    }

    private static InputFields input(DataFetchingEnvironment env) {
        return InputFields.input(env);
    }
}
