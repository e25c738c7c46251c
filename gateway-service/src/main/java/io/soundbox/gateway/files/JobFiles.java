package io.soundbox.gateway.files;

import io.soundbox.events.JobStatus;
import io.soundbox.gateway.jobs.JobReadModel;
import java.util.Optional;

/**
 * Who made a file the library has not ingested yet: generation-service names a job's files
 * {@code <job id>.wav} and {@code <job id>.png}, so the job read model knows their owner.
 */
public final class JobFiles {
    private JobFiles() {
    }

    public static Optional<String> ownerOf(JobReadModel jobs, String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return jobs.find(name.substring(0, dot)).filter(s -> names(s, name)).map(JobStatus::userId);
    }

    /** A finished job names its files; before that, the job id is all there is. */
    private static boolean names(JobStatus s, String name) {
        if (s.filename() == null && s.spectrogram() == null) {
            return true;
        }
        return name.equals(s.filename()) || name.equals(s.spectrogram());
    }
}
