package io.soundbox.generation.engine;

/** An engine stopped because its {@link CancellationCheck} asked it to; no audio was produced. */
public class GenerationCancelledException extends RuntimeException {
    public GenerationCancelledException() {
        super("generation cancelled");
    }
}
