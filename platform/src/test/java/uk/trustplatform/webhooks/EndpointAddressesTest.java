package uk.trustplatform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The rules on where webhooks may go, as production applies them (no loopback, no plain HTTP). */
class EndpointAddressesTest {

    private final EndpointAddresses production = new EndpointAddresses(false);
    private final EndpointAddresses devstack = new EndpointAddresses(true);

    @Test
    void internal_addresses_are_refused_naming_the_rule() {
        assertThat(production.refusal("https://127.0.0.1/hooks"))
                .hasValue(
                        "The url's host must resolve to public internet addresses only; 127.0.0.1 is a loopback address.");
        assertThat(production.refusal("https://localhost:8443/hooks"))
                .hasValue(
                        "The url's host must resolve to public internet addresses only; localhost is at a loopback address.");
        assertThat(production.refusal("https://[::1]/hooks"))
                .hasValue("The url's host must resolve to public internet addresses only; ::1 is a loopback address.");
        assertThat(production.refusal("https://10.1.2.3/")).get().asString().endsWith("is a private address.");
        assertThat(production.refusal("https://172.16.9.9/")).get().asString().endsWith("is a private address.");
        assertThat(production.refusal("https://192.168.1.1/")).get().asString().endsWith("is a private address.");
        assertThat(production.refusal("https://[fd12::1]/")).get().asString().endsWith("is a private address.");
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data"))
                .get()
                .asString()
                .endsWith("is a link-local address.");
        assertThat(production.refusal("https://[fe80::1]/")).get().asString().endsWith("is a link-local address.");
        assertThat(production.refusal("https://100.64.0.1/"))
                .get()
                .asString()
                .endsWith("is a shared (carrier-grade NAT) address.");
        assertThat(production.refusal("https://0.0.0.0/")).get().asString().endsWith("is the unspecified address.");
        assertThat(production.refusal("https://224.0.0.1/")).get().asString().endsWith("is a multicast address.");
        assertThat(production.refusal("https://255.255.255.255/"))
                .get()
                .asString()
                .endsWith("is the broadcast address.");
    }

    @Test
    void special_purpose_networks_and_ipv4_addresses_inside_ipv6_ones_are_refused() {
        assertThat(production.refusal("https://192.0.0.8/")).get().asString().endsWith("is an IETF protocol address.");
        assertThat(production.refusal("https://198.19.0.1/")).get().asString().endsWith("is a benchmarking address.");
        assertThat(production.refusal("https://240.1.2.3/")).get().asString().endsWith("is a reserved address.");
        assertThat(production.refusal("https://[64:ff9b::a00:1]/"))
                .hasValue("The url's host must resolve to public internet addresses only;"
                        + " 64:ff9b::a00:1 is a private address inside a NAT64 address.");
        assertThat(production.refusal("https://[64:ff9b::7f00:1]/"))
                .get()
                .asString()
                .endsWith("is a loopback address inside a NAT64 address.");
        assertThat(production.refusal("https://[64:ff9b:1::5db8:d822]/"))
                .get()
                .asString()
                .endsWith("is a local-use NAT64 address.");
        assertThat(production.refusal("https://[::a9fe:a9fe]/"))
                .get()
                .asString()
                .endsWith("is a link-local address inside an IPv4-compatible address.");
        assertThat(production.refusal("https://[2002:c0a8:101::1]/"))
                .get()
                .asString()
                .endsWith("is a private address inside a 6to4 address.");
        assertThat(production.refusal("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/"))
                .get()
                .asString()
                .endsWith("is a Teredo address.");
        assertThat(production.refusal("https://[::ffff:10.0.0.1]/"))
                .as("IPv4-mapped")
                .get()
                .asString()
                .endsWith("is a private address.");
        assertThat(devstack.refusal("http://[64:ff9b::7f00:1]:8000/"))
                .as("loopback only as itself")
                .get()
                .asString()
                .endsWith("is a loopback address inside a NAT64 address.");
    }

    @Test
    void a_port_outside_1_to_65535_is_refused() {
        assertThat(devstack.refusal("http://127.0.0.1:0/hooks")).hasValue("The url's port must be from 1 to 65535.");
        assertThat(devstack.refusal("http://127.0.0.1:65536/hooks"))
                .hasValue("The url's port must be from 1 to 65535.");
        assertThat(devstack.refusal("http://127.0.0.1:65535/hooks")).isEmpty();
    }

    @Test
    void a_public_address_is_still_refused_as_a_literal_and_the_url_must_be_https_without_credentials() {
        assertThat(production.refusal("https://93.184.216.34/hooks"))
                .hasValue("The url's host must be a name, not an IP address.");
        assertThat(production.refusal("http://partner.example/hooks")).hasValue("The url must use https.");
        assertThat(production.refusal("https://user:secret@partner.example/hooks"))
                .hasValue("The url must not carry a user name or password.");
        assertThat(production.refusal("/hooks"))
                .hasValue("The url must be an absolute URL, such as https://partner.example/webhooks.");
        assertThat(production.refusal("https://partner.example/" + "a".repeat(2000)))
                .hasValue("The url is longer than 2000 characters.");
    }

    @Test
    void public_addresses_are_allowed() throws UnknownHostException {
        assertThat(production.forbiddenKind(InetAddress.getByName("93.184.216.34")))
                .isEmpty();
        assertThat(production.forbiddenKind(InetAddress.getByName("2606:2800:220:1::1")))
                .isEmpty();
        assertThat(production.forbiddenKind(InetAddress.getByName("100.128.0.1")))
                .isEmpty();
        assertThat(production.forbiddenKind(InetAddress.getByName("64:ff9b::5db8:d822")))
                .as("a public address through NAT64")
                .isEmpty();
        assertThat(production.forbiddenKind(InetAddress.getByName("2002:5db8:d822::1")))
                .as("a public address through 6to4")
                .isEmpty();
    }

    @Test
    void the_devstack_setting_lets_loopback_through_by_plain_http_or_literal_and_nothing_else() {
        assertThat(devstack.refusal("http://127.0.0.1:8000/webhooks")).isEmpty();
        assertThat(devstack.refusal("http://localhost:8000/webhooks")).isEmpty();
        assertThat(devstack.refusal("https://[::1]:8443/webhooks")).isEmpty();
        assertThat(devstack.refusal("http://93.184.216.34/webhooks")).hasValue("The url must use https.");
        assertThat(devstack.refusal("https://93.184.216.34/webhooks"))
                .hasValue("The url's host must be a name, not an IP address.");
        assertThat(devstack.refusal("http://10.0.0.5/webhooks"))
                .get()
                .asString()
                .endsWith("is a private address.");
        assertThat(devstack.refusal("http://169.254.169.254/")).get().asString().endsWith("is a link-local address.");
    }
}
