package uk.trustplatform.webhooks;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the platform may post (server-side request forgery): an absolute {@code https} URL without
 * credentials, on a port from 1 to 65535, whose host is a name (not an address) resolving only to
 * public addresses, an IPv4 address inside an IPv6 one (NAT64, 6to4, IPv4-compatible) judged as the
 * IPv4 address it carries. Checked when an endpoint is registered and again just before every
 * attempt, since a name may be pointed elsewhere later. The devstack's and tests'
 * {@code trust.webhooks.allow-insecure-local} also lets loopback receivers through, and for them
 * only plain {@code http} and IP literals: anything else is held to the production rules.
 */
@Singleton
final class EndpointAddresses {

    static final int URL_MAX = 2000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    /** An IPv4 network no webhook goes to, and what kind of address it holds. */
    private record Network(int address, int bits, String kind) {

        static Network of(String dotted, int bits, String kind) {
            byte[] b;
            try {
                b = InetAddress.getByName(dotted).getAddress();
            } catch (UnknownHostException notAnAddress) {
                throw new IllegalArgumentException(dotted, notAnAddress);
            }
            return new Network(ipv4(b, 0), bits, kind);
        }

        boolean holds(int value) {
            int mask = bits == 0 ? 0 : -1 << (32 - bits);
            return (value & mask) == (address & mask);
        }
    }

    /**
     * IPv4's special-purpose networks (IANA's registry) that are not the public internet, beyond
     * those {@link InetAddress} names itself (loopback, link-local, private, multicast).
     */
    private static final List<Network> IPV4_SPECIAL = List.of(
            Network.of("0.0.0.0", 8, "the unspecified address"),
            Network.of("100.64.0.0", 10, "a shared (carrier-grade NAT) address"),
            Network.of("192.0.0.0", 24, "an IETF protocol address"),
            Network.of("192.0.2.0", 24, "a documentation address"),
            Network.of("198.18.0.0", 15, "a benchmarking address"),
            Network.of("198.51.100.0", 24, "a documentation address"),
            Network.of("203.0.113.0", 24, "a documentation address"),
            Network.of("255.255.255.255", 32, "the broadcast address"),
            Network.of("240.0.0.0", 4, "a reserved address"));

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
        return shapeRefusal(uri).or(() -> hostRefusal(uri));
    }

    private Optional<String> shapeRefusal(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("The url must be an absolute URL, such as https://partner.example/webhooks.");
        }
        if (!scheme(uri).equals("https") && !(allowInsecureLocal && scheme(uri).equals("http"))) {
            return Optional.of("The url must use https.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("The url must not carry a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("The url must not have a fragment (#…).");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return Optional.of("The url's port must be from 1 to 65535.");
        }
        return Optional.empty();
    }

    private Optional<String> hostRefusal(URI uri) {
        String host = uri.getHost();
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
        // What the devstack setting lets through beyond production's rules is for loopback only.
        boolean local = allowInsecureLocal && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (!local && !scheme(uri).equals("https")) {
            return Optional.of("The url must use https.");
        }
        if (!local && literal) {
            return Optional.of("The url's host must be a name, not an IP address.");
        }
        return Optional.empty();
    }

    private static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** What kind of address this is, when webhooks may not go there. */
    Optional<String> forbiddenKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowInsecureLocal ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return address instanceof Inet6Address ipv6 ? ipv6Kind(ipv6.getAddress()) : ipv4Kind(address.getAddress());
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int value = ipv4(b, 0);
        return IPV4_SPECIAL.stream()
                .filter(network -> network.holds(value))
                .map(Network::kind)
                .findFirst();
    }

    /**
     * IPv6's own special addresses, and those carrying an IPv4 address, judged by that: a route to
     * a private IPv4 address through a translator is as internal as the address itself.
     * ({@code ::ffff:a.b.c.d}, IPv4-mapped, is an {@link Inet4Address} already.)
     */
    private Optional<String> ipv6Kind(byte[] b) {
        if ((b[0] & 0xFE) == 0xFC) {
            return Optional.of("a private address"); // fc00::/7, unique local
        }
        if (startsWith(b, 0x20, 0x01, 0x0d, 0xb8)) {
            return Optional.of("a documentation address"); // 2001:db8::/32
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            // 2001::/32: the IPv4 address inside is obscured and the relay is anyone's.
            return Optional.of("a Teredo address");
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return Optional.of("a local-use NAT64 address"); // 64:ff9b:1::/48, a network's own translator
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return embedded(b, 12, "a NAT64 address"); // 64:ff9b::/96
        }
        if (startsWith(b, 0x20, 0x02)) {
            return embedded(b, 2, "a 6to4 address"); // 2002::/16, the IPv4 address after the prefix
        }
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return embedded(b, 12, "an IPv4-compatible address"); // ::a.b.c.d, deprecated
        }
        return Optional.empty();
    }

    /** The IPv4 address at {@code offset} judged as itself, as a whole kind naming what carries it. */
    private Optional<String> embedded(byte[] b, int offset, String carrier) {
        InetAddress inside;
        try {
            inside = InetAddress.getByAddress(Arrays.copyOfRange(b, offset, offset + 4));
        } catch (UnknownHostException never) {
            throw new IllegalStateException(never); // four bytes are always an address
        }
        // Loopback is let through in the devstack only as itself, never wrapped.
        if (inside.isLoopbackAddress()) {
            return Optional.of("a loopback address inside " + carrier);
        }
        return forbiddenKind(inside).map(kind -> kind + " inside " + carrier);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int ipv4(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24
                | (b[offset + 1] & 0xFF) << 16
                | (b[offset + 2] & 0xFF) << 8
                | (b[offset + 3] & 0xFF);
    }
}
