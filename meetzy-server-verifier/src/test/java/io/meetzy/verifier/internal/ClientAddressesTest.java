package io.meetzy.verifier.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private static final InetAddress PROXY = address("10.0.0.1");
    private static final InetAddress INNER_PROXY = address("10.0.0.2");
    private static final InetAddress CLIENT = address("203.0.113.7");

    private final ClientAddresses addresses = new ClientAddresses(Set.of(PROXY, INNER_PROXY));

    @Test
    void untrustedPeerIsTheClient() {
        assertThat(addresses.resolve(CLIENT, List.of("198.51.100.1"))).isEqualTo(CLIENT);
    }

    @Test
    void trustedProxyForwardsClient() {
        assertThat(addresses.resolve(PROXY, List.of("203.0.113.7"))).isEqualTo(CLIENT);
    }

    @Test
    void spoofedEntriesLeftOfClientAreIgnored() {
        assertThat(addresses.resolve(PROXY, List.of("198.51.100.1, 203.0.113.7"))).isEqualTo(CLIENT);
    }

    @Test
    void chainOfTrustedProxiesIsWalked() {
        assertThat(addresses.resolve(PROXY, List.of("198.51.100.1, 203.0.113.7", "10.0.0.2"))).isEqualTo(CLIENT);
    }

    @Test
    void trustedPeerWithoutHeaderIsTheClient() {
        assertThat(addresses.resolve(PROXY, List.of())).isEqualTo(PROXY);
    }

    @Test
    void garbageEntryStopsTheWalk() {
        assertThat(addresses.resolve(PROXY, List.of("203.0.113.7, evil.example.com"))).isEqualTo(PROXY);
    }

    @Test
    void entriesWithPortsAreRead() {
        assertThat(addresses.resolve(PROXY, List.of("203.0.113.7:4711"))).isEqualTo(CLIENT);
        assertThat(addresses.resolve(PROXY, List.of("[2001:db8::7]:4711"))).isEqualTo(address("2001:db8::7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "256.1.1.1", "01.2.3.4", "1.2.3", "abc", "", "unknown",
            "1.2.3.4.5", "fe80::1%eth0", "::g"})
    void onlyLiteralsAreParsed(String text) {
        assertThat(ClientAddresses.parseLiteral(text)).isEmpty();
    }

    @Test
    void ipv6KeyIsItsNetwork() {
        assertThat(ClientAddresses.limiterKey(address("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddresses.limiterKey(address("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    private static InetAddress address(String literal) {
        return ClientAddresses.parseLiteral(literal).orElseThrow();
    }
}
