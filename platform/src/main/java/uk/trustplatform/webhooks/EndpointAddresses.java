package uk.trustplatform.webhooks;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the platform may post (server-side request forgery): an absolute {@code https} URL without
 * credentials, whose host is a name (not an address) resolving only to public addresses. Checked
 * when an endpoint is registered and again before every attempt, since a name may be pointed
 * elsewhere later. The devstack's and tests' {@code trust.webhooks.allow-insecure-local} lets plain
 * {@code http} and loopback receivers through, and nothing else.
 */
@Singleton
final class EndpointAddresses {

    static final int URL_MAX = 2000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private final boolean allowInsecureLocal;

    @Inject
    EndpointAddresses(WebhookSettings settings) {
        this(settings.allowInsecureLocal());
    }

    EndpointAddresses(boolean allowInsecureLocal) {
        this.allowInsecureLocal = allowInsecureLocal;
    }

    /** Why the URL may not be registered (a sentence naming the rule), or empty when it may. */
    Optional<String> refusal(String url) {
        if (url.length() > URL_MAX) {
            return Optional.of("The url is longer than " + URL_MAX + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            return Optional.of("The url must be an absolute URL, such as https://partner.example/webhooks.");
        }
        return refusalNow(uri);
    }

    /** Why the platform may not post to the URL now, the name resolved again; empty when it may. */
    Optional<String> refusalNow(URI uri) {
        return shapeRefusal(uri).or(() -> hostRefusal(uri.getHost()));
    }

    private Optional<String> shapeRefusal(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("The url must be an absolute URL, such as https://partner.example/webhooks.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean plainAllowed = allowInsecureLocal && scheme.equals("http");
        if (!scheme.equals("https") && !plainAllowed) {
            return Optional.of("The url must use https.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("The url must not carry a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("The url must not have a fragment (#…).");
        }
        return Optional.empty();
    }

    private Optional<String> hostRefusal(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean literal = bare.contains(":") || IPV4_LITERAL.matcher(bare).matches();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException unknown) {
            return Optional.of("The url's host " + bare + " does not resolve to an address.");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return Optional.of("The url's host must resolve to public internet addresses only; " + bare + " is "
                        + (literal ? "" : "at ") + kind.get() + ".");
            }
        }
        if (literal && !allowInsecureLocal) {
            return Optional.of("The url's host must be a name, not an IP address.");
        }
        return Optional.empty();
    }

    /** What kind of address this is, when webhooks may not go there. */
    Optional<String> forbiddenKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowInsecureLocal ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress() || startsWith(address, 0, 8)) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address)) {
            return Optional.of("a private address");
        }
        if (address instanceof Inet4Address && startsWith(address, 100 << 24 | 64 << 16, 10)) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address && startsWith(address, 0xFFFFFFFF, 32)) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }

    /** fc00::/7: IPv6's private addresses. */
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    /** Whether an IPv4 address is in {@code network}/{@code bits}. */
    private static boolean startsWith(InetAddress address, int network, int bits) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int value = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        int mask = bits == 32 ? -1 : ~(-1 >>> bits);
        return (value & mask) == (network & mask);
    }
}
