package dev.tracklight.core.outbound;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationPolicyTest {

    private static final DestinationPolicy PRODUCTION = new DestinationPolicy(false);
    private static final DestinationPolicy LOCAL = new DestinationPolicy(true);

    /** Literal addresses only: InetAddress parses them without asking any resolver. */
    private static List<InetAddress> at(String literal) throws UnknownHostException {
        return List.of(InetAddress.getByName(literal));
    }

    @Test
    void productionRefusesEveryPrivateLoopbackLinkLocalAndReservedAddress() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fd00:ec2::254", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::127.0.0.1", "64:ff9b::a00:1")) {
            assertThat(PRODUCTION.refusalOf(at(address))).as(address).isPresent();
        }
    }

    @Test
    void productionAcceptsPublicAddressesButRefusesAHostWithAnyPrivateOne() throws Exception {
        for (String address : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111")) {
            assertThat(PRODUCTION.refusalOf(at(address))).as(address).isEmpty();
        }
        var mixed = List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));
        assertThat(PRODUCTION.refusalOf(mixed)).hasValueSatisfying(reason -> assertThat(reason).contains("10.0.0.1"));
        assertThat(PRODUCTION.refusalOf(List.of())).hasValue("the host does not resolve");
    }

    @Test
    void productionTakesHttpsUrlsOnlyWithoutCredentialsOrFragments() {
        assertThat(PRODUCTION.refusalOf("https://merchant.example/hooks/tracklight?x=1")).isEmpty();
        assertThat(PRODUCTION.refusalOf("http://merchant.example/hooks")).hasValue("url must be https");
        assertThat(PRODUCTION.refusalOf("ftp://merchant.example/")).isPresent();
        assertThat(PRODUCTION.refusalOf("https://user:pw@merchant.example/")).isPresent();
        assertThat(PRODUCTION.refusalOf("https://merchant.example/#top")).isPresent();
        assertThat(PRODUCTION.refusalOf("/relative")).isPresent();
        assertThat(PRODUCTION.refusalOf("https://merchant.example/" + "a".repeat(DestinationPolicy.MAX_URL_LENGTH))).isPresent();
        assertThat(PRODUCTION.refusalOf(" ")).hasValue("url is required");
    }

    @Test
    void aUrlIsCheckedWithTheAddressesItsHostResolvesTo() throws Exception {
        var addresses = java.util.Map.of("hooks.merchant.example", at("93.184.216.34"), "rebound.example", at("169.254.169.254"));
        DestinationPolicy.Resolver resolver = host -> addresses.getOrDefault(host, List.of());

        assertThat(PRODUCTION.refusalOf("https://hooks.merchant.example/tracklight", resolver)).isEmpty();
        assertThat(PRODUCTION.refusalOf("https://rebound.example/", resolver)).hasValueSatisfying(reason -> assertThat(reason).contains("169.254.169.254"));
        assertThat(PRODUCTION.refusalOf("https://nowhere.example/", resolver)).hasValue("the host does not resolve");
        assertThat(PRODUCTION.refusalOf("http://hooks.merchant.example/", resolver)).as("the URL is checked first").hasValue("url must be https");
    }

    @Test
    void aDeploymentThatAllowsPrivateDestinationsTakesLoopbackAndHttp() throws Exception {
        assertThat(LOCAL.refusalOf("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(LOCAL.refusalOf(at("127.0.0.1"))).isEmpty();
        assertThat(LOCAL.refusalOf(List.of())).as("still needs an address").isPresent();
    }
}
