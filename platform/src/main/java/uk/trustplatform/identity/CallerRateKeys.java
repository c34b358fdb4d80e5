package uk.trustplatform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import uk.trustplatform.api.RateKey;
import uk.trustplatform.api.RateKeys;
import uk.trustplatform.api.Role;

/**
 * Whom the rate limits count a request against: the subject of the bearer token Micronaut
 * Security validated, or of the browser session's token, and the tenant it acts in, chosen as
 * {@link CallerResolver} chooses it (the {@code X-Trust-Tenant} header, or a page's partnership,
 * among the token's tenants; else its only one). Read from the token alone, with no tenant looked
 * up, so that counting costs no more than the request's own authentication.
 */
@Singleton
final class CallerRateKeys implements RateKeys {

    private final BrowserSignIn signIn;

    CallerRateKeys(BrowserSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Optional<RateKey> of(HttpRequest<?> request) {
        Optional<Authentication> bearer = request.getUserPrincipal(Authentication.class);
        if (bearer.isPresent()) {
            TokenClaims claims = TokenClaims.of(bearer.get());
            String named = request.getHeaders().get(CallerResolver.TENANT_HEADER);
            boolean mayName = named != null
                    && (claims.organisations().contains(named) || claims.roles().contains(Role.PLATFORM_OPERATOR));
            return Optional.of(key(claims, mayName ? named : null));
        }
        return request.getCookies()
                .findCookie(BrowserSignIn.SESSION_COOKIE)
                .flatMap(cookie -> signIn.session(cookie.getValue(), request))
                .map(session -> {
                    TokenClaims claims = TokenClaims.of(session.authentication());
                    String partnership = firstSegment(request.getPath());
                    return key(claims, claims.organisations().contains(partnership) ? partnership : null);
                });
    }

    private static RateKey key(TokenClaims claims, @Nullable String named) {
        List<String> tenants = claims.organisations();
        return new RateKey(claims.subject(), named != null ? named : tenants.size() == 1 ? tenants.getFirst() : null);
    }

    /** A partnership's pages are at {@code /{slug}/…}. */
    private static String firstSegment(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }
}
