package uk.trustplatform.api;

import graphql.schema.DataFetchingEnvironment;
import java.util.Objects;
import org.dataloader.DataLoader;

/**
 * What graphql-java hands a field's fetcher, for code whose nulls are checked: graphql-java marks
 * each of these as possibly null, since it cannot see the schema, but here they never are.
 */
public final class Fetched {

    private Fetched() {}

    /** The object whose field is fetched: graphql-java fetches no field of a null object. */
    public static <T> T source(DataFetchingEnvironment env) {
        return Objects.requireNonNull(env.getSource(), "a field's object");
    }

    /** A request's loader by name: every {@link PerRequestLoader} is registered for every request. */
    public static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String name) {
        return Objects.requireNonNull(env.getDataLoader(name), name);
    }

    /** An argument the schema requires ({@code !}): graphql-java refuses a request without it before any fetcher runs. */
    public static <T> T required(DataFetchingEnvironment env, String name) {
        return Objects.requireNonNull(env.getArgument(name), name);
    }
}
