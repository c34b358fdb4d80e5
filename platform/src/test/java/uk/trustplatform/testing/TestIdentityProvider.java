package uk.trustplatform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import uk.trustplatform.api.Role;

/**
 * An identity provider for tests: a key set served over HTTP on loopback, as Keycloak serves its
 * certs endpoint, and tokens signed with its key in Keycloak's shape. Started once per test run;
 * its issuer, audience and key-set address are published as system properties the platform reads.
 */
public final class TestIdentityProvider implements LauncherSessionListener {

    public static final String AUDIENCE = "trust-platform-api";
    private static final String REALM_PATH = "/realms/test";
    private static final String CERTS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    private static volatile String issuer;
    private static volatile RSAKey signingKey;
    private static final List<RSAKey> published = new ArrayList<>();
    private static final AtomicInteger keySetFetches = new AtomicInteger();
    private HttpServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            signingKey = newKey();
            published.add(signingKey);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(CERTS_PATH, exchange -> {
                keySetFetches.incrementAndGet();
                byte[] body = keySet().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        System.setProperty("trust.oidc.issuer", issuer);
        System.setProperty(
                "trust.oidc.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + CERTS_PATH);
        System.setProperty("trust.oidc.audience", AUDIENCE);
        // Tests rotate keys at will; production keeps the default minimum interval between refetches.
        System.setProperty("trust.oidc.jwks-refetch-interval", "0s");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String issuer() {
        return issuer;
    }

    /** How often the platform has fetched the key set. */
    public static int keySetFetches() {
        return keySetFetches.get();
    }

    /** Publishes a new key and signs from now on with it, as Keycloak does when keys rotate. */
    public static synchronized void rotateKeys() {
        signingKey = newKey();
        published.add(signingKey);
    }

    /** A token for a person or system; adjust it before signing. */
    public static Token token(String subject) {
        return new Token(subject);
    }

    private static synchronized String keySet() {
        return new JWKSet(published.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token being built. Defaults: valid now for five minutes, our issuer and audience. */
    public static final class Token {
        private final JWTClaimsSet.Builder claims;
        private final List<String> roles = new ArrayList<>();

        private Token(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(AUDIENCE)
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        }

        public Token roles(Role... given) {
            for (Role role : given) {
                roles.add(role.tokenName());
            }
            return this;
        }

        /** Tenant memberships as Keycloak 26's organization claim: a list of aliases. */
        public Token organisations(String... aliases) {
            claims.claim("organization", List.of(aliases));
            return this;
        }

        /** Tenant memberships in the claim's other shape: alias to details. */
        public Token organisationMap(String alias) {
            claims.claim(
                    "organization", Map.of(alias, Map.of("id", UUID.randomUUID().toString())));
            return this;
        }

        public Token partnerOrganisation(UUID id) {
            claims.claim("partner_organisation", id.toString());
            return this;
        }

        /** Binds a forum analyst's token to its regional forum. */
        public Token regionalForum(String slug) {
            claims.claim("regional_forum", slug);
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token issuer(String other) {
            claims.issuer(other);
            return this;
        }

        public Token audience(String other) {
            claims.audience(other);
            return this;
        }

        public Token expiredAgo(Duration ago) {
            claims.expirationTime(Date.from(Instant.now().minus(ago)));
            return this;
        }

        public Token validFromIn(Duration in) {
            claims.notBeforeTime(Date.from(Instant.now().plus(in)));
            return this;
        }

        /** Signed with the provider's current key, in Keycloak's realm_access shape for roles. */
        public String sign() {
            return signWith(signingKey);
        }

        /** Signed with a key the provider never published. */
        public String signWithUnpublishedKey() {
            return signWith(newKey());
        }

        /** The classic algorithm confusion: HS256 with the RSA public key as the shared secret. */
        public String signHs256WithPublicKey() {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(signingKey.getKeyID())
                                .build(),
                        build());
                jwt.sign(new MACSigner(signingKey.toPublicJWK().toRSAPublicKey().getEncoded()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An unsigned token ({@code "alg": "none"}). */
        public String unsigned() {
            return new PlainJWT(build()).serialize();
        }

        private String signWith(RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWTClaimsSet build() {
            return claims.claim("realm_access", Map.of("roles", List.copyOf(roles)))
                    .build();
        }
    }
}
