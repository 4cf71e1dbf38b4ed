package com.magazine.content.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request counts as coming from, with and without trusted proxies in front. */
class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8::/32"));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        assertThat(direct.of("198.51.100.7", List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(behindProxies.of("198.51.100.7", List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void fromATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(behindProxies.of("10.0.0.2", List.of("203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("10.0.0.2", List.of("1.2.3.4, 203.0.113.1, 10.0.0.9"))).isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("10.0.0.2", List.of("1.2.3.4", "203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("2001:db8::5", List.of("203.0.113.1:4711"))).isEqualTo("203.0.113.1");
    }

    @Test
    void garbageOrOnlyProxiesLeaveTheLastVouchedForAddress() {
        assertThat(behindProxies.of("10.0.0.2", List.of("evil.example, 10.0.0.3"))).isEqualTo("10.0.0.3");
        assertThat(behindProxies.of("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
        assertThat(behindProxies.of("10.0.0.2", List.of("unknown"))).isEqualTo("10.0.0.2");
    }
}
