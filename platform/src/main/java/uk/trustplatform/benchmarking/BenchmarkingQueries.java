package uk.trustplatform.benchmarking;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The benchmarking feature's fields on Query. */
@Singleton
final class BenchmarkingQueries implements GraphQLTypeWiring {

    private final ComparingForums comparing;
    private final KeepingForums keeping;

    BenchmarkingQueries(ComparingForums comparing, KeepingForums keeping) {
        this.comparing = comparing;
        this.keeping = keeping;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher("regionalForums", env -> comparing.visible(Callers.of(env)))
                .dataFetcher("forumComparison", env -> {
                    String indicator = env.getArgument("indicator");
                    return comparing.compare(
                            Callers.of(env),
                            Fetched.required(env, "forumSlug"),
                            Fetched.required(env, "period"),
                            indicator == null ? null : Indicator.valueOf(indicator));
                })
                .dataFetcher(
                        "benchmarks",
                        env -> comparing.benchmarks(
                                Callers.of(env),
                                Fetched.required(env, "forumSlug"),
                                Fetched.required(env, "period"),
                                env.getArgument("selfAssessmentYear")))
                .dataFetcher("forumSharing", env -> keeping.sharing(Callers.of(env)))
                .build();
    }
}
