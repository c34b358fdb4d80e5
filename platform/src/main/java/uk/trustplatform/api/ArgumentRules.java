package uk.trustplatform.api;

import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every argument value keeps, whatever its field: text holds no {@link UnsafeCharacters}
 * and a {@code Date} is a real day ({@link DateScalar}). Checked on the coerced arguments of every
 * field of the operation, inline literals and variables alike, down through input objects and
 * lists, so that no data fetcher (and no SQL statement) ever sees such a value.
 */
final class ArgumentRules extends QueryVisitorStub {

    /** Enough to fix the request by; a list of a thousand bad values needs no thousand errors. */
    private static final int MOST_REPORTED = 10;

    private final Set<String> problems = new LinkedHashSet<>();

    @Override
    public void visitField(QueryVisitorFieldEnvironment field) {
        String name = field.getField().getName();
        field.getArguments().forEach((argument, value) -> check(name, argument, value));
    }

    private void check(String field, String path, Object value) {
        switch (value) {
            case String text ->
                UnsafeCharacters.firstIn(text)
                        .ifPresent(
                                found -> report(field, path, "contains " + found + "; " + UnsafeCharacters.RULE + "."));
            case DateScalar.NotADate notADate -> report(field, path, DateScalar.RULE + ".");
            case Map<?, ?> object ->
                object.forEach((member, memberValue) -> check(field, path + "." + member, memberValue));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(field, path + "[" + i + "]", list.get(i));
                }
            }
            case null, default -> {}
        }
    }

    private void report(String field, String path, String problem) {
        problems.add("Argument '" + path + "' of field '" + field + "' " + problem);
    }

    /** Stops the operation before execution when any argument broke a rule. */
    void refuseWhenBroken() {
        if (problems.isEmpty()) {
            return;
        }
        throw new AbortExecutionException(problems.stream()
                .limit(MOST_REPORTED)
                .map(problem -> ApiError.of(ErrorCode.BAD_USER_INPUT, problem))
                .toList());
    }
}
