package io.soundbox.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuraSkipPricingTest {
    @Test
    void defaultsAreDesignMdsBands() {
        AuraSkipPricing p = AuraSkipPricing.defaults();
        int[][] cases = {{1, 1}, {10, 1}, {11, 3}, {30, 3}, {31, 5}, {60, 5}, {61, 10}, {120, 10}, {121, 15},
                {3600, 15}};
        for (int[] c : cases) {
            assertThat(p.costFor(c[0])).as(c[0] + " s").isEqualTo(c[1]);
        }
        assertThat(p.bands()).hasSize(5).first().isEqualTo(new AuraSkipPricing.Band(1, 10, 1));
        assertThat(p.bands().get(4)).isEqualTo(new AuraSkipPricing.Band(121, null, 15));
    }

    @Test
    void bandsMayBeGivenInAnyOrder() {
        AuraSkipPricing p = AuraSkipPricing.parse(List.of("*:9", "20:2"));
        assertThat(p.costFor(20)).isEqualTo(2);
        assertThat(p.costFor(21)).isEqualTo(9);
    }

    @Test
    void malformedBandsAreRejected() {
        for (List<String> bad : List.of(List.of("10:1"), List.of("x:1", "*:2"), List.of("10:-1", "*:2"),
                List.of("10", "*:2"), List.of("0:1", "*:2"), List.<String>of())) {
            assertThatThrownBy(() -> AuraSkipPricing.parse(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
