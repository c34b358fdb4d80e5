package uk.trustplatform.api;

import graphql.schema.DataFetchingEnvironment;

/** The caller of the request a data fetcher runs for. */
public final class Callers {

    private Callers() {}

    public static Caller of(DataFetchingEnvironment env) {
        return env.getGraphQlContext().<RequestContext>get(RequestContext.class).caller();
    }
}
