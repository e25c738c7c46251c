package io.soundbox.generation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.AudioCreatedDeserializer;
import io.soundbox.events.kafka.JobStatusDeserializer;
import io.soundbox.generation.TempDataDirResource;
import io.soundbox.generation.store.AudioStore;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The whole hop through a real broker: request in, WAV in the store, status and audio.created out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TempDataDirResource.class, restrictToAnnotatedClass = false)
class GenerationFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AudioStore store;

    private static String newJobId() {
        return "job-" + UUID.randomUUID();
    }

    private static GenerationRequested request(String jobId, ModelId model, String prompt, int seconds) {
        return new GenerationRequested(SchemaVersion.CURRENT, jobId, "user-7", "free", 4, model, prompt, seconds,
                false, null, Instant.now());
    }

    /** This job's statuses from the start of the topic until {@code done} has matched {@code times} of them. */
    private static List<JobStatus> statusesUntil(String jobId, Predicate<JobStatus> done, int times) {
        AtomicInteger matches = new AtomicInteger();
        return KafkaBroker.readUntil(Topics.JOB_STATUS, new JobStatusDeserializer(),
                        r -> jobId.equals(r.key()) && done.test(r.value()) && matches.incrementAndGet() >= times, WAIT)
                .stream().filter(r -> jobId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    private static List<AudioCreated> audioUntil(String jobId, int times) {
        AtomicInteger matches = new AtomicInteger();
        return KafkaBroker.readUntil(Topics.AUDIO_CREATED, new AudioCreatedDeserializer(),
                        r -> jobId.equals(r.key()) && matches.incrementAndGet() >= times, WAIT)
                .stream().filter(r -> jobId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    private static Predicate<JobStatus> in(JobState state) {
        return s -> s.state() == state;
    }

    @Test
    void aRequestBecomesAWavFileAndIsAnnounced() throws Exception {
        String jobId = newJobId();
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(jobId, ModelId.MUSIC, "chill lofi beat", 3));

        List<JobStatus> statuses = statusesUntil(jobId, in(JobState.COMPLETED), 1);
        assertThat(statuses).extracting(JobStatus::state)
                .startsWith(JobState.QUEUED).contains(JobState.GENERATING).endsWith(JobState.COMPLETED);
        assertThat(statuses.get(0).position()).isGreaterThanOrEqualTo(1);
        JobStatus completed = statuses.get(statuses.size() - 1);
        assertThat(completed.filename()).isEqualTo(jobId + ".wav");
        assertThat(completed.progress()).isEqualTo(1.0);
        assertThat(completed.userId()).isEqualTo("user-7");

        AudioCreated audio = audioUntil(jobId, 1).get(0);
        assertThat(audio.filename()).isEqualTo(jobId + ".wav");
        assertThat(audio.kind()).isEqualTo(AudioKind.MUSIC);
        assertThat(audio.model()).isEqualTo("music");
        assertThat(audio.prompt()).isEqualTo("chill lofi beat");
        assertThat(audio.durationSeconds()).isEqualTo(3.0);

        PcmBuffer wav = WavCodec.read(store.pathOf(jobId));
        assertThat(wav.durationSeconds()).isEqualTo(3.0);
        assertThat(wav.sampleRate()).isEqualTo(32_000);
        assertThat(wav.rms()).isGreaterThan(0.01);
    }

    @Test
    void aRedeliveredJobIsAnsweredFromItsFileWithoutGeneratingAgain() throws Exception {
        String jobId = newJobId();
        GenerationRequested r = request(jobId, ModelId.AUDIO, "rain on a tin roof", 2);
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, r);
        statusesUntil(jobId, in(JobState.COMPLETED), 1);
        audioUntil(jobId, 1);
        Path file = store.pathOf(jobId);
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);

        KafkaBroker.publish(Topics.GENERATION_REQUESTED, r);

        List<JobStatus> statuses = statusesUntil(jobId, in(JobState.COMPLETED), 2);
        List<AudioCreated> audio = audioUntil(jobId, 2);
        // The replay announces the result again; it neither queues nor generates.
        assertThat(statuses.subList(statuses.indexOf(statuses.stream().filter(in(JobState.COMPLETED)).findFirst()
                .orElseThrow()) + 1, statuses.size())).extracting(JobStatus::state).containsExactly(JobState.COMPLETED);
        assertThat(audio).hasSize(2);
        assertThat(audio.get(1).createdAt()).isEqualTo(audio.get(0).createdAt());
        assertThat(audio.get(1).durationSeconds()).isEqualTo(2.0);
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
        try (var files = Files.list(store.dir())) {
            // One audio file (its spectrogram image sits beside it).
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(jobId) && !n.endsWith(".png")))
                    .containsExactly(jobId + ".wav");
        }
    }

    @Test
    void aMalformedRecordIsReportedAndTheConsumerCarriesOn() {
        String badId = newJobId();
        KafkaBroker.publishRaw(Topics.GENERATION_REQUESTED, badId, "{not json at all".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.publishRaw(Topics.GENERATION_REQUESTED, newJobId(),
                "{\"job_id\":\"x\",\"model\":\"kazoo\",\"prompt\":\"p\"}".getBytes(StandardCharsets.UTF_8));
        String goodId = newJobId();
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(goodId, ModelId.AUDIO, "laser zap", 1));

        assertThat(statusesUntil(badId, in(JobState.FAILED), 1)).last()
                .satisfies(s -> assertThat(s.error()).startsWith("malformed generation request").doesNotContain("[Source"));
        assertThat(statusesUntil(goodId, in(JobState.COMPLETED), 1)).last()
                .satisfies(s -> assertThat(s.filename()).isEqualTo(goodId + ".wav"));
    }

    @Test
    void anUnsafeJobIdFailsWithoutTouchingTheStore() throws Exception {
        String unsafe = "../" + UUID.randomUUID();
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(unsafe, ModelId.MUSIC, "anything", 2));

        assertThat(statusesUntil(unsafe, in(JobState.FAILED), 1)).extracting(JobStatus::state)
                .containsExactly(JobState.FAILED);
        assertThat(statusesUntil(unsafe, in(JobState.FAILED), 1).get(0).error()).contains("invalid job id");
        try (var files = Files.list(store.dir().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(unsafe.substring(3)));
        }
    }
}
