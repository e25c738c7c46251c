package io.soundbox.library.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next offset of soundbox.audio.created that this instance has not stored yet, per partition: what
 * the readiness check compares with the topic's end. Bounded by the topic's partition count.
 */
@ApplicationScoped
public class ConsumerProgress {
    private final Map<Integer, Long> next = new ConcurrentHashMap<>();

    void stored(int partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
    }

    /** -1 when nothing of that partition was stored since start. */
    public long next(int partition) {
        return next.getOrDefault(partition, -1L);
    }
}
