package uk.trustplatform.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The address a request came from, for rate limits: the connection's own address, since any
 * client can write a Forwarded or X-Forwarded-For header. Behind a proxy the operator names the
 * header that proxy sets ({@code micronaut.server.client-address-header}), and only then is a
 * header believed.
 */
@Singleton
public final class ClientAddresses {

    private final @Nullable String header;

    ClientAddresses(HttpServerConfiguration server) {
        this.header = server.getClientAddressHeader();
    }

    /** The client's address; null when the connection has none. */
    public @Nullable String of(HttpRequest<?> request) {
        if (header != null) {
            return request.getHeaders().get(header);
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress();
    }
}
