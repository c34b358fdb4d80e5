package uk.trustplatform.api;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token may carry, by the names used in Keycloak. */
public enum Role {
    PLATFORM_OPERATOR("platform-operator"),
    TENANT_ADMIN("tenant-admin"),
    BOARD_MEMBER("board-member"),
    PARTNER_LEAD("partner-lead"),
    PARTNER_INTEGRATION("partner-integration"),
    FORUM_ANALYST("forum-analyst");

    private final String tokenName;

    Role(String tokenName) {
        this.tokenName = tokenName;
    }

    public String tokenName() {
        return tokenName;
    }

    /** The role a token names, if it is one of ours; other roles in a token are ignored. */
    public static Optional<Role> fromToken(String name) {
        return Arrays.stream(values())
                .filter(role -> role.tokenName.equals(name))
                .findFirst();
    }
}
