package io.soundbox.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    @Test
    void loopbackByDefaultAndConfiguredRanges() {
        MetricsAccess loopback = new MetricsAccess(List.of("127.0.0.0/8", "::1"));
        assertThat(loopback.allowed("127.0.0.1")).isTrue();
        assertThat(loopback.allowed("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(loopback.allowed("10.1.2.3")).isFalse();
        assertThat(loopback.allowed("203.0.113.9")).isFalse();
        assertThat(loopback.allowed(null)).isFalse();

        MetricsAccess cluster = new MetricsAccess(List.of("10.0.0.0/8"));
        assertThat(cluster.allowed("10.1.2.3")).isTrue();
        assertThat(cluster.allowed("127.0.0.1")).isFalse();
    }
}
