package io.soundbox.generation.engine;

/** Polled by engines between blocks of work; true means stop as soon as possible. */
@FunctionalInterface
public interface CancellationCheck {
    CancellationCheck NEVER = () -> false;

    boolean isCancelled();
}
