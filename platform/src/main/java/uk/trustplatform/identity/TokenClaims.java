package uk.trustplatform.identity;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Role;

/**
 * Reads what the platform needs from a validated token's claims, in the shapes Keycloak 26 issues
 * them: roles as a top-level {@code roles} list or under {@code realm_access.roles}; tenant
 * memberships as the {@code organization} claim, either a list of aliases or a map from alias to
 * details; the bound partner organisation as {@code partner_organisation}; a forum analyst's
 * regional forum as {@code regional_forum}; the holder's name from {@code name} or
 * {@code preferred_username}.
 */
record TokenClaims(
        String subject,
        Set<Role> roles,
        List<String> organisations,
        Optional<UUID> partnerOrganisation,
        Optional<String> regionalForum,
        String name) {

    static final String ORGANISATION = "organization";
    static final String PARTNER_ORGANISATION = "partner_organisation";
    static final String REGIONAL_FORUM = "regional_forum";

    static TokenClaims of(Authentication authentication) {
        return from(authentication.getName(), authentication.getAttributes());
    }

    static TokenClaims from(String subject, Map<String, Object> claims) {
        return new TokenClaims(
                subject,
                roles(claims),
                organisations(claims),
                partner(claims),
                strings(claims.get(REGIONAL_FORUM)).stream().findFirst(),
                name(subject, claims));
    }

    /** A person's name, else their username, else the client a partner system signs in as. */
    private static String name(String subject, Map<String, Object> claims) {
        for (String claim : List.of("name", "preferred_username", "azp", "client_id")) {
            if (claims.get(claim) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return subject;
    }

    private static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        strings(claims.get("roles")).forEach(name -> Role.fromToken(name).ifPresent(roles::add));
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            strings(realm.get("roles")).forEach(name -> Role.fromToken(name).ifPresent(roles::add));
        }
        return roles;
    }

    private static List<String> organisations(Map<String, Object> claims) {
        Object claim = claims.get(ORGANISATION);
        if (claim instanceof Map<?, ?> byAlias) {
            return byAlias.keySet().stream().map(String::valueOf).sorted().toList();
        }
        return strings(claim).stream().sorted().toList();
    }

    private static Optional<UUID> partner(Map<String, Object> claims) {
        Object claim = claims.get(PARTNER_ORGANISATION);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(String.valueOf(claim)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static List<String> strings(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String single) {
            return List.of(single);
        }
        return List.of();
    }
}
