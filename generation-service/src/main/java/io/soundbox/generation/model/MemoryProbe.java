package io.soundbox.generation.model;

/**
 * Reads how much memory is free for models right now. Other users of the device (Ollama on the same
 * GPU, other processes on the host) count: the reading is the device's, not this service's own tally.
 */
@FunctionalInterface
public interface MemoryProbe {

    MemoryReading read();

    /** No checks: every load fits (for machines where the operator knows better). */
    MemoryProbe UNLIMITED = () -> new MemoryReading(Long.MAX_VALUE / 4, 0, Long.MAX_VALUE / 4, "none");
}
