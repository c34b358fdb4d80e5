package uk.trustplatform.api;

import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules every argument value keeps, whatever its field: text holds no {@link UnsafeCharacters}
 * and a {@code Date} is a real day ({@link DateScalar}). Checked on the coerced arguments of every
 * field of the operation, inline literals and variables alike, down through input objects and
 * lists, so that no data fetcher (and no SQL statement) ever sees such a value. Each error names
 * the argument in its message and, as a user error's {@code field} does, in
 * {@code extensions.field}: {@code ["input", "lines", "0", "text"]}, so that a form can put the
 * problem on the question it came from.
 */
final class ArgumentRules extends QueryVisitorStub {

    /** Enough to fix the request by; a list of a thousand bad values needs no thousand errors. */
    private static final int MOST_REPORTED = 10;

    /** Each problem's message and the argument's path, in the order found. */
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    @Override
    public void visitField(QueryVisitorFieldEnvironment field) {
        String name = field.getField().getName();
        field.getArguments().forEach((argument, value) -> check(name, argument, List.of(argument), value));
    }

    private void check(String field, String path, List<String> parts, Object value) {
        switch (value) {
            case String text ->
                UnsafeCharacters.firstIn(text)
                        .ifPresent(found ->
                                report(field, path, parts, "contains " + found + "; " + UnsafeCharacters.RULE + "."));
            case DateScalar.NotADate notADate -> report(field, path, parts, DateScalar.RULE + ".");
            case Map<?, ?> object ->
                object.forEach((member, memberValue) ->
                        check(field, path + "." + member, append(parts, String.valueOf(member)), memberValue));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(field, path + "[" + i + "]", append(parts, String.valueOf(i)), list.get(i));
                }
            }
            case null, default -> {}
        }
    }

    private static List<String> append(List<String> parts, String part) {
        List<String> longer = new ArrayList<>(parts);
        longer.add(part);
        return List.copyOf(longer);
    }

    private void report(String field, String path, List<String> parts, String problem) {
        problems.putIfAbsent("Argument '" + path + "' of field '" + field + "' " + problem, parts);
    }

    /** Stops the operation before execution when any argument broke a rule. */
    void refuseWhenBroken() {
        if (problems.isEmpty()) {
            return;
        }
        throw new AbortExecutionException(problems.entrySet().stream()
                .limit(MOST_REPORTED)
                .map(problem ->
                        ApiError.of(ErrorCode.BAD_USER_INPUT, problem.getKey(), Map.of("field", problem.getValue())))
                .toList());
    }
}
