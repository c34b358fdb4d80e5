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
    }

    @Test
    void the_devstack_setting_lets_plain_http_to_loopback_through_and_nothing_else() {
        assertThat(devstack.refusal("http://127.0.0.1:8000/webhooks")).isEmpty();
        assertThat(devstack.refusal("http://localhost:8000/webhooks")).isEmpty();
        assertThat(devstack.refusal("http://10.0.0.5/webhooks"))
                .get()
                .asString()
                .endsWith("is a private address.");
        assertThat(devstack.refusal("http://169.254.169.254/")).get().asString().endsWith("is a link-local address.");
    }
}
