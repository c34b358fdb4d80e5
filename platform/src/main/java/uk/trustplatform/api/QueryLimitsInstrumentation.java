package uk.trustplatform.api;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any data is fetched, an operation deeper, wider or more expensive than
 * {@link GraphQLLimits} allow, and then one whose arguments break the {@link ArgumentRules}. Every
 * field and alias counts, {@code __typename} and the other introspection fields included: a
 * thousand aliases of {@code __typename} cost as much to answer as a thousand of any other field.
 */
final class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQLLimits limits;

    QueryLimitsInstrumentation(GraphQLLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        Tally tally = new Tally();
        traverser.visitPreOrder(tally);
        tally.refuseWhenOver(limits);
        ArgumentRules arguments = new ArgumentRules();
        traverser.visitPreOrder(arguments);
        arguments.refuseWhenBroken();
        return SimpleInstrumentationContext.noOp();
    }

    private final class Tally extends QueryVisitorStub {
        private int deepest;
        private long complexity;
        private int aliases;
        private int rootFields;
        private final List<String> oversizedPages = new ArrayList<>();

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            int depth = 1;
            long multiplier = 1;
            for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                depth++;
                multiplier = Math.multiplyExact(multiplier, pageSize(parent.getArguments()));
            }
            deepest = Math.max(deepest, depth - belowIntrospectionRoot(field));
            complexity = Math.addExact(complexity, multiplier);
            if (field.getField().getAlias() != null) {
                aliases++;
            }
            if (field.getParentEnvironment() == null) {
                rootFields++;
            }
            checkPageSize(field);
        }

        private void checkPageSize(QueryVisitorFieldEnvironment field) {
            for (String argument : List.of("first", "last")) {
                if (field.getArguments().get(argument) instanceof Integer requested
                        && requested > limits.maxPageSize()) {
                    oversizedPages.add("field '%s' asks for %s: %d, over the page-size limit of %d"
                            .formatted(field.getField().getName(), argument, requested, limits.maxPageSize()));
                }
            }
        }

        void refuseWhenOver(GraphQLLimits limits) {
            List<String> problems = new ArrayList<>(oversizedPages);
            addWhenOver(problems, "depth", deepest, limits.maxDepth());
            addWhenOver(problems, "complexity", complexity, limits.maxComplexity());
            addWhenOver(problems, "aliases", aliases, limits.maxAliases());
            addWhenOver(problems, "root fields", rootFields, limits.maxRootFields());
            if (!problems.isEmpty()) {
                throw new AbortExecutionException(problems.stream()
                        .map(problem -> ApiError.of(ErrorCode.LIMIT_EXCEEDED, "Query refused: " + problem + "."))
                        .toList());
            }
        }
    }

    private static void addWhenOver(List<String> problems, String what, long actual, int limit) {
        if (actual > limit) {
            problems.add("%s is %d, over the limit of %d".formatted(what, actual, limit));
        }
    }

    /**
     * How many levels the field lies below the outermost {@code __schema} or {@code __type} above
     * it; 0 outside introspection. Introspection's own nesting is left out of the depth: the
     * standard introspection query GraphiQL sends nests {@code ofType} seven levels deep, past any
     * depth limit fit for business queries, and graphql-java's good-faith introspection check
     * already bounds that nesting (no cycles, at most 20 levels and 500 fields). Its fields still
     * count towards complexity, aliases and root fields.
     */
    private static int belowIntrospectionRoot(QueryVisitorFieldEnvironment field) {
        int levels = 0;
        int below = 0;
        for (var current = field; current != null; current = current.getParentEnvironment()) {
            String name = current.getField().getName();
            if (name.equals("__schema") || name.equals("__type")) {
                below = levels;
            }
            levels++;
        }
        return below;
    }

    private static long pageSize(Map<String, Object> arguments) {
        Object first = arguments.get("first");
        Object last = arguments.get("last");
        long size = 1;
        if (first instanceof Integer f) {
            size = Math.max(size, f);
        }
        if (last instanceof Integer l) {
            size = Math.max(size, l);
        }
        return size;
    }
}
