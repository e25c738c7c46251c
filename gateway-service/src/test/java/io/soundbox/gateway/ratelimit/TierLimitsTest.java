package io.soundbox.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.gateway.domain.Tier;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TierLimitsTest {
    @Test
    void defaultsAreTheDesignTable() {
        TierLimits l = TierLimits.defaults();
        assertThat(l.of(Tier.CREATOR)).isEqualTo(new TierLimit(OptionalInt.of(60), OptionalInt.of(180), OptionalInt.of(20)));
        assertThat(l.of(Tier.PREMIUM)).isEqualTo(new TierLimit(OptionalInt.of(30), OptionalInt.of(120), OptionalInt.of(10)));
        assertThat(l.of(Tier.SUPPORTER)).isEqualTo(new TierLimit(OptionalInt.of(15), OptionalInt.of(60), OptionalInt.of(5)));
        assertThat(l.of(Tier.FREE)).isEqualTo(new TierLimit(OptionalInt.of(3), OptionalInt.of(30), OptionalInt.of(2)));
        assertThat(l.of(Tier.ADMIN)).isEqualTo(TierLimit.UNLIMITED);
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        TierLimits l = TierLimits.defaults().with(Map.of(
                "free", new TierLimits.Override(OptionalInt.of(10), OptionalInt.empty(), OptionalInt.of(-1)),
                "ADMIN", new TierLimits.Override(OptionalInt.of(1000), OptionalInt.empty(), OptionalInt.empty())));
        assertThat(l.of(Tier.FREE)).isEqualTo(new TierLimit(OptionalInt.of(10), OptionalInt.of(30), OptionalInt.empty()));
        assertThat(l.of(Tier.ADMIN).perHour()).hasValue(1000);
        assertThat(l.of(Tier.CREATOR).perHour()).hasValue(60);
    }

    @Test
    void unknownTierNamesAreAConfigurationError() {
        assertThatThrownBy(() -> TierLimits.defaults().with(Map.of("gold",
                new TierLimits.Override(OptionalInt.of(1), OptionalInt.empty(), OptionalInt.empty()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("soundbox.limits.tiers.gold");
    }
}
