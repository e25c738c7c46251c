package io.soundbox.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidThatCarriesItsMillisecond() {
        Instant t = Instant.parse("2026-11-27T08:15:30.123Z");
        UUID id = UUID.fromString(TimeOrderedIds.of(t, new Random(1)));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
    }

    @Test
    void laterIdsSortLaterAsText() {
        Random random = new Random(7);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String previous = TimeOrderedIds.of(t, random);
        for (int i = 1; i < 10_000; i++) {
            String id = TimeOrderedIds.of(t.plusMillis(i), random);
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        Instant t = Instant.now();
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.of(t, random));
        }
        assertThat(ids).hasSize(10_000);
        assertThat(UUID.fromString(TimeOrderedIds.next()).version()).isEqualTo(7);
    }
}
