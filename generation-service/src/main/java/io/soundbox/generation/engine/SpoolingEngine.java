package io.soundbox.generation.engine;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.PcmSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An engine that accepts long clips and so renders them in chunks to a spool on disk ({@link #render});
 * {@link #generate} reads that spool back into the heap, for callers that want the clip as a buffer.
 */
public interface SpoolingEngine extends AudioEngine {

    @Override
    PcmSpool render(GenerationInput input, Path workDir, ProgressListener progress, CancellationCheck cancelled);

    @Override
    default PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
        try (PcmSpool clip = render(input, AudioEngine.scratchDir(), progress, cancelled)) {
            return PcmSource.readAll(clip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
