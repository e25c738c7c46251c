package io.soundbox.generation.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.store.AudioStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobIntakeTest {
    @TempDir
    Path dir;
    private final RecordingJobEvents events = new RecordingJobEvents();
    private JobQueue queue;
    private JobIntake intake;

    @BeforeEach
    void setUp() {
        EngineCatalog engines = new EngineCatalog(Map.of(ModelId.MUSIC, new MusicEngine()));
        JobRunner runner = new JobRunner(engines, AudioStore.open(dir), events, new FinishedJobs(10), Clock.systemUTC());
        queue = new JobQueue(runner, 1, 1);
        intake = new JobIntake(runner, queue, engines, 30);
    }

    @AfterEach
    void tearDown() {
        queue.close();
    }

    private static GenerationRequested request(String id, ModelId model, String prompt, int seconds) {
        return new GenerationRequested(SchemaVersion.CURRENT, id, "u", "free", 4, model, prompt, seconds, false, 1L,
                Instant.now());
    }

    @Test
    void rejectsWhatCannotRunWithAClearReason() throws Exception {
        assertThat(intake.accept(request("../../etc/passwd", ModelId.MUSIC, "x", 2)).toCompletableFuture().join())
                .isEqualTo(JobOutcome.FAILED);
        assertThat(events.statuses("../../etc/passwd")).singleElement()
                .satisfies(s -> assertThat(s.error()).contains("invalid job id"));
        assertThat(intake.problemWith(request("a".repeat(65), ModelId.MUSIC, "x", 2))).isPresent();
        assertThat(intake.problemWith(request("ok", ModelId.MUSIC, "x", 0))).hasValueSatisfying(
                p -> assertThat(p).contains("1 to 30 seconds"));
        assertThat(intake.problemWith(request("ok", ModelId.MUSIC, "x", 31))).isPresent();
        assertThat(intake.problemWith(request("ok", ModelId.MUSIC, "  ", 3))).hasValue("the prompt is empty");
        assertThat(intake.problemWith(request("ok", ModelId.AUDIO, "x", 3))).hasValueSatisfying(
                p -> assertThat(p).contains("not served"));
        assertThat(intake.problemWith(request("Ok_job-1", ModelId.MUSIC, "x", 30))).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void malformedRecordsFailTheirJobWhenTheKeyIsAJobId() {
        intake.acceptMalformed("job-9", "malformed generation request: nope").toCompletableFuture().join();
        intake.acceptMalformed("../bad", "malformed").toCompletableFuture().join();
        intake.acceptMalformed(null, "malformed").toCompletableFuture().join();
        assertThat(events.states("job-9")).containsExactly(JobState.FAILED);
        assertThat(events.published).hasSize(1);
    }

    @Test
    void admitsAndCompletesAValidJob() throws Exception {
        assertThat(intake.accept(request("fine-1", ModelId.MUSIC, "lofi", 1)).toCompletableFuture().join())
                .isEqualTo(JobOutcome.COMPLETED);
        assertThat(events.states("fine-1")).startsWith(JobState.QUEUED).endsWith(JobState.COMPLETED);
    }
}
