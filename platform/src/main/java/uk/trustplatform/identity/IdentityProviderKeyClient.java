package uk.trustplatform.identity;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.security.token.jwt.signature.jwks.HttpClientJwksClient;
import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Fetches the identity provider's key set over HTTP and lets a failure reach {@link
 * IdentityProviderKeys}, which logs it once per attempt with its reason. (Micronaut's own client
 * logs every failure with a stack trace and then answers empty, hiding the reason.)
 */
@Singleton
@Replaces(HttpClientJwksClient.class)
final class IdentityProviderKeyClient implements JwksClient {

    private final HttpClient http;

    IdentityProviderKeyClient(BeanContext beans, HttpClientConfiguration configuration) {
        this.http = beans.createBean(HttpClient.class, LoadBalancer.empty(), configuration);
    }

    @Override
    public Publisher<String> load(@Nullable String providerName, String url) {
        return Mono.from(http.retrieve(url));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
