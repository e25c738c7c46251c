package io.soundbox.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierTest {
    @Test
    void numbersFromDesign() {
        assertThat(Tier.ADMIN.priority()).isZero();
        assertThat(Tier.CREATOR.priority()).isEqualTo(1);
        assertThat(Tier.PREMIUM.priority()).isEqualTo(2);
        assertThat(Tier.SUPPORTER.priority()).isEqualTo(3);
        assertThat(Tier.FREE.priority()).isEqualTo(4);
        assertThat(Tier.ADMIN.maxDurationSeconds()).isEmpty();
        assertThat(Tier.CREATOR.maxDurationSeconds()).hasValue(180);
        assertThat(Tier.PREMIUM.maxDurationSeconds()).hasValue(120);
        assertThat(Tier.SUPPORTER.maxDurationSeconds()).hasValue(60);
        assertThat(Tier.FREE.maxDurationSeconds()).hasValue(30);
        assertThat(Tier.FREE.perHour()).hasValue(3);
        assertThat(Tier.CREATOR.perHour()).hasValue(60);
        assertThat(Tier.ADMIN.perHour()).isEmpty();
    }

    @Test
    void durationLimits() {
        assertThat(Tier.FREE.allowsDuration(30)).isTrue();
        assertThat(Tier.FREE.allowsDuration(31)).isFalse();
        assertThat(Tier.ADMIN.allowsDuration(100_000)).isTrue();
    }

    @Test
    void parsing() {
        assertThat(Tier.parse(" Premium ")).contains(Tier.PREMIUM);
        assertThat(Tier.parse("free")).contains(Tier.FREE);
        assertThat(Tier.parse("gold")).isEmpty();
        assertThat(Tier.parse(null)).isEmpty();
        assertThat(Tier.SUPPORTER.wireName()).isEqualTo("supporter");
    }
}
