package io.soundbox.library.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When crowdsourced tag suggestions change a generation's categories: only once {@code threshold}
 * distinct users agree on the same category and action (the original used 3). Pure logic.
 */
public final class TagConsensus {
    public enum Action { ADD, REMOVE }

    private final int threshold;

    public TagConsensus(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the tag consensus threshold must be at least 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /**
     * The categories after applying the suggestion, or empty when there is no consensus yet or applying it
     * would change nothing.
     */
    public Optional<List<String>> apply(List<String> current, String category, Action action, long agreeingUsers) {
        if (agreeingUsers < threshold) {
            return Optional.empty();
        }
        List<String> next = new ArrayList<>(current);
        boolean changed = action == Action.ADD ? !next.contains(category) && next.add(category) : next.remove(category);
        return changed ? Optional.of(List.copyOf(next)) : Optional.empty();
    }
}
