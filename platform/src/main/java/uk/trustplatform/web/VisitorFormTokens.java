package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The form token of a page anyone may post to without signing in (a feedback code's, an email's
 * choices): a signed-in member's session token, or for anyone else a random one also set in a
 * cookie of that page only, which every post must carry back.
 */
final class VisitorFormTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorFormTokens() {}

    /** A signed-in member's session token; anyone else a new token of their own, for the page's cookie. */
    static String tokenFor(Visitor visitor) {
        Layout.Person person = visitor.person();
        if (person != null) {
            return person.csrfToken();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the post carries back the visitor's token: the session's, or the one in the page's cookie. */
    static boolean matches(Visitor visitor, Form form, HttpRequest<?> request, String cookie) {
        if (visitor.signedIn()) {
            return Visitors.csrfMatches(visitor, form);
        }
        String sent = form.value(FormBody.CSRF_FIELD);
        return !sent.isEmpty()
                && request.getCookies()
                        .findCookie(cookie)
                        .map(found -> MessageDigest.isEqual(
                                found.getValue().getBytes(StandardCharsets.UTF_8),
                                sent.getBytes(StandardCharsets.UTF_8)))
                        .orElse(false);
    }
}
