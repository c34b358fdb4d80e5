package uk.trustplatform.web;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;

/**
 * Who is looking at a page: the caller its operations run as, and the signed-in person (null for
 * a visitor who has not signed in).
 */
public record Visitor(Caller caller, Layout.@Nullable Person person) {

    public static Visitor anonymous() {
        return new Visitor(Caller.anonymous(), null);
    }

    public boolean signedIn() {
        return person != null;
    }
}
