package io.soundbox.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
    @Test
    void matchesSingleAddressesAndCidrRanges() {
        assertThat(AddressRange.parse("127.0.0.1").contains("127.0.0.1")).isTrue();
        assertThat(AddressRange.parse("127.0.0.1").contains("127.0.0.2")).isFalse();
        assertThat(AddressRange.parse("10.0.0.0/8").contains("10.200.3.4")).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").contains("11.0.0.1")).isFalse();
        assertThat(AddressRange.parse("192.168.1.128/25").contains("192.168.1.200")).isTrue();
        assertThat(AddressRange.parse("192.168.1.128/25").contains("192.168.1.100")).isFalse();
        assertThat(AddressRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
    }

    @Test
    void neverResolvesHostNames() {
        assertThatThrownBy(() -> AddressRange.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AddressRange.parse("10.0.0.0/8").contains("example.org")).isFalse();
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() {
        assertThat(AddressRange.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(AddressRange.clientKey("2001:db8:1:2:bbbb::9"));
        assertThat(AddressRange.clientKey("2001:db8:1:2::1")).isNotEqualTo(AddressRange.clientKey("2001:db8:1:3::1"));
        assertThat(AddressRange.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
