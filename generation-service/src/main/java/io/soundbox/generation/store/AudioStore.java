package io.soundbox.generation.store;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.WavCodec;
import io.soundbox.audio.store.WritableDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The audio store directory as this service writes it: one {@code <jobId>.wav} per finished job, written
 * atomically, so a file that exists is complete and marks its job as done.
 */
public final class AudioStore {
    /** Job ids become file names: nothing that could climb out of the directory or surprise a shell. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;

    private AudioStore(Path dir) {
        this.dir = dir;
    }

    /** Opens the store, creating the directory (and parents) when missing. */
    public static AudioStore open(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audio store " + absolute, e);
        }
        return new AudioStore(absolute);
    }

    public static boolean isSafeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    public Path dir() {
        return dir;
    }

    public String fileName(String jobId) {
        if (!isSafeId(jobId)) {
            throw new IllegalArgumentException("unsafe job id for a file name: " + jobId);
        }
        return jobId + ".wav";
    }

    public Path pathOf(String jobId) {
        return dir.resolve(fileName(jobId));
    }

    /** The job's spectrogram, written beside its audio by the quality step. */
    public String spectrogramName(String jobId) {
        if (!isSafeId(jobId)) {
            throw new IllegalArgumentException("unsafe job id for a file name: " + jobId);
        }
        return jobId + ".png";
    }

    public Path spectrogramPath(String jobId) {
        return dir.resolve(spectrogramName(jobId));
    }

    public boolean hasSpectrogram(String jobId) {
        return Files.isRegularFile(spectrogramPath(jobId));
    }

    /** The stored audio itself, for re-analysis when a finished job is announced again. */
    public PcmBuffer read(String jobId) throws IOException {
        return WavCodec.read(pathOf(jobId));
    }

    public boolean contains(String jobId) {
        return Files.isRegularFile(pathOf(jobId));
    }

    public void save(String jobId, PcmBuffer pcm) throws IOException {
        WavCodec.writeAtomically(pcm, pathOf(jobId));
    }

    /** Streams a clip of any length into the job's file, times {@code gain}, atomically. */
    public void save(String jobId, PcmSource pcm, double gain) throws IOException {
        WavCodec.writeAtomically(pcm, gain, pathOf(jobId));
    }

    /** The stored audio as a source read chunk by chunk (a replay re-analyses a 10-minute file in bounded memory). */
    public PcmSource open(String jobId) throws IOException {
        return WavCodec.open(pathOf(jobId));
    }

    /** Where jobs keep their clips while they are made: beside the store, on the same disk. */
    public Path workDir() {
        return dir.resolve(".work");
    }

    /** Removes what jobs of an earlier run left in {@link #workDir()} (a crash or a kill mid-job). */
    public int clearWork() {
        Path work = workDir();
        if (!Files.isDirectory(work)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + work, e);
        }
        return removed;
    }

    /**
     * Counts a run of the job starting, in a marker file that outlives the process (beside the store,
     * hidden like the work directory): a job whose runs keep ending with the process (a crash, a kill by
     * the OS) is recognised when Kafka re-delivers it once more.
     *
     * @return runs started so far, this one included
     */
    public int startRun(String jobId) {
        Path marker = dir.resolve(".runs").resolve(fileName(jobId) + ".runs");
        try {
            Files.createDirectories(marker.getParent());
            int before = Files.isRegularFile(marker) ? parseRuns(Files.readString(marker)) : 0;
            Files.writeString(marker, Integer.toString(before + 1));
            return before + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the runs of job " + jobId, e);
        }
    }

    /** The job's run ended inside a live process (any outcome): its count is dropped. */
    public void endRun(String jobId) {
        try {
            Files.deleteIfExists(dir.resolve(".runs").resolve(fileName(jobId) + ".runs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the runs of job " + jobId, e);
        }
    }

    private static int parseRuns(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reads a stored file's header for what the events report about it (not its samples). */
    public StoredAudio describe(String jobId) throws IOException {
        Path file = pathOf(jobId);
        WavCodec.Info info = WavCodec.info(file);
        return new StoredAudio(fileName(jobId), info.durationSeconds(), info.sampleRate(),
                Files.getLastModifiedTime(file).toInstant());
    }

    /** True when a file can be created here now (the disk is mounted, writable and not full). */
    public boolean isWritable() {
        return new WritableDirectory(dir).problem().isEmpty();
    }

    /**
     * @param createdAt the file's modification time: stable across re-deliveries, so the library's
     *                  upsert sees the same row each time
     */
    public record StoredAudio(String filename, double durationSeconds, int sampleRate, Instant createdAt) {
    }
}
