package uk.trustplatform.identity;

import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.List;

/**
 * A person signed in to the web pages: their validated access token (as {@link Authentication},
 * the same a bearer token gives the API), the tenants it makes them a member of, and the token
 * their forms must carry.
 *
 * @param idleTimeout how long without a request before the session ends
 */
public record BrowserSession(
        String name, String csrfToken, Authentication authentication, List<String> tenants, Duration idleTimeout) {}
