package uk.trustplatform.benchmarking;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The benchmarking feature's fields on Mutation. */
@Singleton
final class BenchmarkingMutations implements GraphQLTypeWiring {

    /** What refreshIndicators answers. */
    record Refreshed(Integer values, List<Object> userErrors) {}

    private final KeepingForums keeping;
    private final RefreshingIndicators refreshing;

    BenchmarkingMutations(KeepingForums keeping, RefreshingIndicators refreshing) {
        this.keeping = keeping;
        this.refreshing = refreshing;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "saveRegionalForum",
                        env -> keeping.save(Callers.of(env), SaveRegionalForum.from(InputFields.input(env))))
                .dataFetcher(
                        "joinRegionalForum", env -> keeping.join(Callers.of(env), forumSlug(env), indicatorSets(env)))
                .dataFetcher(
                        "leaveRegionalForum", env -> keeping.leave(Callers.of(env), forumSlug(env), indicatorSets(env)))
                .dataFetcher("refreshIndicators", env -> {
                    Caller caller = Callers.of(env);
                    UUID tenantId = caller.requireTenant();
                    if (!caller.administersTenant()) {
                        throw new ApiException(
                                ErrorCode.FORBIDDEN, "Only a tenant admin refreshes the tenant's indicators.");
                    }
                    return new Refreshed(refreshing.refreshNow(tenantId), List.of());
                })
                .build();
    }

    private static String forumSlug(DataFetchingEnvironment env) {
        return InputFields.input(env).requiredString("forumSlug");
    }

    /** The sets named; none: all of them. */
    private static List<IndicatorSet> indicatorSets(DataFetchingEnvironment env) {
        return InputFields.input(env).strings("indicatorSets").stream()
                .map(IndicatorSet::valueOf)
                .toList();
    }
}
