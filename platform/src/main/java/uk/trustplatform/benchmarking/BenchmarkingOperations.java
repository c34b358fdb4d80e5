package uk.trustplatform.benchmarking;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The benchmarking feature's fields on Query and Mutation. */
@Factory
final class BenchmarkingOperations {

    /** What refreshIndicators answers. */
    record Refreshed(Integer values, List<Object> userErrors) {}

    @Bean
    @Named("benchmarking.Query")
    GraphQLTypeWiring queries(ComparingForums comparing, KeepingForums keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("regionalForums", env -> comparing.visible(Callers.of(env)))
                .dataFetcher("forumComparison", env -> {
                    String indicator = env.getArgument("indicator");
                    return comparing.compare(
                            Callers.of(env),
                            env.getArgument("forumSlug"),
                            env.getArgument("period"),
                            indicator == null ? null : Indicator.valueOf(indicator));
                })
                .dataFetcher(
                        "benchmarks",
                        env -> comparing.benchmarks(
                                Callers.of(env),
                                env.getArgument("forumSlug"),
                                env.getArgument("period"),
                                env.getArgument("selfAssessmentYear")))
                .dataFetcher("forumSharing", env -> keeping.sharing(Callers.of(env)))
                .build();
    }

    @Bean
    @Named("benchmarking.Mutation")
    GraphQLTypeWiring mutations(KeepingForums keeping, RefreshingIndicators refreshing) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("saveRegionalForum", env -> keeping.save(Callers.of(env), input(env)))
                .dataFetcher(
                        "joinRegionalForum",
                        env -> keeping.join(Callers.of(env), (String) input(env).get("forumSlug"), sets(env)))
                .dataFetcher(
                        "leaveRegionalForum",
                        env -> keeping.leave(
                                Callers.of(env), (String) input(env).get("forumSlug"), sets(env)))
                .dataFetcher("refreshIndicators", env -> {
                    Caller caller = Callers.of(env);
                    caller.requireTenant();
                    if (!caller.administersTenant()) {
                        throw new ApiException(
                                ErrorCode.FORBIDDEN, "Only a tenant admin refreshes the tenant's indicators.");
                    }
                    return new Refreshed(refreshing.refreshNow(caller.tenantId()), List.of());
                })
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> sets(DataFetchingEnvironment env) {
        return (List<String>) input(env).getOrDefault("indicatorSets", List.of());
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
