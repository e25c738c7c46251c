package io.soundbox.library.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagConsensusTest {
    private final TagConsensus three = new TagConsensus(3);

    @Test
    void nothingChangesBelowTheThreshold() {
        assertThat(three.apply(List.of("a"), "b", TagConsensus.Action.ADD, 2)).isEmpty();
        assertThat(three.apply(List.of("a"), "b", TagConsensus.Action.ADD, 3)).contains(List.of("a", "b"));
        assertThat(three.apply(List.of("a", "b"), "a", TagConsensus.Action.REMOVE, 4)).contains(List.of("b"));
    }

    @Test
    void aConsensusThatChangesNothingIsNoChange() {
        assertThat(three.apply(List.of("a"), "a", TagConsensus.Action.ADD, 3)).isEmpty();
        assertThat(three.apply(List.of("a"), "b", TagConsensus.Action.REMOVE, 3)).isEmpty();
    }

    @Test
    void theThresholdIsConfigurableButPositive() {
        assertThat(new TagConsensus(1).apply(List.of(), "x", TagConsensus.Action.ADD, 1)).contains(List.of("x"));
        assertThatThrownBy(() -> new TagConsensus(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
