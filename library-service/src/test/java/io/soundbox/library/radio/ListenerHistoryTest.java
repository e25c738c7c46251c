package io.soundbox.library.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerHistoryTest {
    @Test
    void eachSessionKeepsOnlyItsLatestTracks() {
        ListenerHistory h = new ListenerHistory(10, 3);
        h.remember("s", List.of("a", "b", "c"));
        h.remember("s", List.of("d", "b"));
        assertThat(h.recent("s")).containsExactly("c", "d", "b");
        assertThat(h.recent("other")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedSessionIsForgottenFirst() {
        ListenerHistory h = new ListenerHistory(2, 5);
        h.remember("one", List.of("a"));
        h.remember("two", List.of("b"));
        h.recent("one"); // one is used again
        h.remember("three", List.of("c"));
        assertThat(h.sessions()).isEqualTo(2);
        assertThat(h.recent("two")).isEmpty();
        assertThat(h.recent("one")).containsExactly("a");
        h.forget("one");
        assertThat(h.recent("one")).isEmpty();
    }
}
