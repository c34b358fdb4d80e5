package uk.trustplatform.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/** Turns a request and its validated token into a {@link Caller}; the identity feature provides it. */
public interface CallerResolution {

    /**
     * @param authentication the token Micronaut Security validated; null when there was none or it was refused
     * @throws ApiException UNAUTHENTICATED or FORBIDDEN when the request may not proceed at all
     */
    Caller resolve(HttpRequest<?> request, @Nullable Authentication authentication);

    /**
     * The caller a validated token makes, acting in the tenant named (as the {@code X-Trust-Tenant}
     * header names one): for the web pages, whose address names the tenant.
     *
     * @throws ApiException FORBIDDEN when the token does not make its holder a member of that tenant
     */
    Caller resolve(Authentication authentication, @Nullable String tenantSlug);
}
