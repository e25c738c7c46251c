package io.soundbox.generation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.GenerationControl;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.AudioCreatedDeserializer;
import io.soundbox.events.kafka.JobStatusDeserializer;
import io.soundbox.generation.TempDataDirResource;
import io.soundbox.generation.config.HeldMusicEngines;
import io.soundbox.generation.store.AudioStore;
import io.soundbox.testsupport.KafkaBroker;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The scheduler behind the real broker: cancel and skip commands on {@code soundbox.generation.control},
 * live positions on {@code soundbox.job.status}, and a job whose consumer crashed mid-job completing once.
 */
@QuarkusTest
@QuarkusTestResource(value = io.soundbox.testsupport.KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TempDataDirResource.class, restrictToAnnotatedClass = false)
class SchedulingFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    AudioStore store;

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static GenerationRequested request(String jobId, String tier, String user, ModelId model, int seconds) {
        return new GenerationRequested(SchemaVersion.CURRENT, jobId, user, tier, 4, model, "prompt of " + jobId, seconds,
                false, null, Instant.now());
    }

    private static void control(String jobId, GenerationControl.Action action) {
        KafkaBroker.publish(Topics.GENERATION_CONTROL,
                new GenerationControl(SchemaVersion.CURRENT, jobId, "someone", action, Instant.now()));
    }

    private static JobStatus awaitStatus(String jobId, Predicate<JobStatus> match) {
        return TopicReader.awaitFirst(Topics.JOB_STATUS, jobId, new JobStatusDeserializer(), match::test, WAIT);
    }

    private static Predicate<JobStatus> in(JobState state) {
        return s -> s.state() == state;
    }

    @Test
    void cancelAndSkipCommandsReorderAndStopJobsAndPositionsAreLive() throws Exception {
        try {
            reorderCancelAndStop();
        } finally {
            HeldMusicEngines.release(); // a failed run must not leave the worker held for the next tests
        }
    }

    private void reorderCancelAndStop() throws Exception {
        // A held job keeps the worker busy until it is cancelled, so the next jobs queue up behind it;
        // it is cancelled once the queued jobs were reordered and cancelled.
        String running = id("held");
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, new GenerationRequested(SchemaVersion.CURRENT, running, id("u"),
                "free", 4, ModelId.MUSIC, HeldMusicEngines.HOLD + " until cancelled", 5, false, null, Instant.now()));
        awaitStatus(running, in(JobState.GENERATING));

        String premium = id("premium");
        String freeA = id("free-a");
        String freeB = id("free-b");
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(freeA, "free", id("u"), ModelId.AUDIO, 1));
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(freeB, "free", id("u"), ModelId.AUDIO, 1));
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, request(premium, "premium", id("u"), ModelId.AUDIO, 1));
        // Live positions: the premium job that came last moves to the front.
        awaitStatus(premium, s -> s.state() == JobState.QUEUED && s.position() == 1 && s.etaSeconds() != null);

        // An Aura skip puts free-b ahead of free-a (not of the premium job); a cancel removes free-a, and
        // the running job stops at its next progress step.
        control(freeB, GenerationControl.Action.SKIP);
        awaitStatus(freeB, s -> s.state() == JobState.QUEUED && s.position() == 2);
        control(freeA, GenerationControl.Action.CANCEL);
        control(running, GenerationControl.Action.CANCEL);
        awaitStatus(freeA, in(JobState.CANCELLED));
        JobStatus stopped = awaitStatus(running, s -> s.state().isFinal());
        assertThat(stopped.state()).isEqualTo(JobState.CANCELLED);

        awaitStatus(premium, in(JobState.COMPLETED));
        awaitStatus(freeB, in(JobState.COMPLETED));
        List<JobStatus> premiumStates = TopicReader.allOf(Topics.JOB_STATUS, premium, new JobStatusDeserializer());
        List<JobStatus> freeBStates = TopicReader.allOf(Topics.JOB_STATUS, freeB, new JobStatusDeserializer());
        assertThat(last(premiumStates, JobState.COMPLETED).updatedAt())
                .isBeforeOrEqualTo(first(freeBStates, JobState.GENERATING).updatedAt());
        assertThat(Files.exists(store.pathOf(running))).isFalse();
        assertThat(Files.exists(store.pathOf(freeA))).isFalse();
        assertThat(TopicReader.allOf(Topics.JOB_STATUS, freeA, new JobStatusDeserializer()))
                .extracting(JobStatus::state).doesNotContain(JobState.GENERATING);
    }

    @Test
    void aJobWhoseConsumerCrashedMidJobIsRedeliveredAndCompletesOnce() throws Exception {
        // A second instance of the consumer group joins and takes some partitions from the service.
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "generation-service");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> crashing = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        String jobId;
        GenerationRequested request;
        try {
            crashing.subscribe(List.of(Topics.GENERATION_REQUESTED));
            Set<TopicPartition> mine = Set.of();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (mine.isEmpty() && System.nanoTime() < deadline) {
                crashing.poll(Duration.ofMillis(200));
                mine = crashing.assignment();
            }
            assertThat(mine).as("partitions of the second instance").isNotEmpty();
            Set<Integer> partitions = mine.stream().map(TopicPartition::partition).collect(java.util.stream.Collectors.toSet());
            int count = crashing.partitionsFor(Topics.GENERATION_REQUESTED).size();
            // A job id the default partitioner puts on one of the second instance's partitions.
            String candidate;
            do {
                candidate = id("crash");
            } while (!partitions.contains(Utils.toPositive(Utils.murmur2(candidate.getBytes(StandardCharsets.UTF_8))) % count));
            jobId = candidate;
            request = request(jobId, "creator", id("u"), ModelId.AUDIO, 2);
            KafkaBroker.publish(Topics.GENERATION_REQUESTED, request);

            // The second instance takes the job, starts it, and dies before it finishes: nothing committed.
            boolean got = false;
            while (!got && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = crashing.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    got |= jobId.equals(r.key());
                }
            }
            assertThat(got).as("the second instance received the job").isTrue();
            KafkaBroker.publish(Topics.JOB_STATUS, JobStatus.queued(request, 0, null, Instant.now())
                    .advance(JobState.GENERATING, 0.4, Instant.now()));
        } finally {
            crashing.close(Duration.ZERO);
        }

        // The service gets the partition back, with the record after its last committed offset.
        awaitStatus(jobId, in(JobState.COMPLETED));
        AtomicInteger completed = new AtomicInteger();
        Thread.sleep(2_000); // room for a second completion, if there were one
        List<JobStatus> statuses = TopicReader.allOf(Topics.JOB_STATUS, jobId, new JobStatusDeserializer());
        statuses.forEach(s -> {
            if (s.state() == JobState.COMPLETED) {
                completed.incrementAndGet();
            }
        });
        assertThat(completed).hasValue(1);
        assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(JobState.COMPLETED);
        List<AudioCreated> audio = TopicReader.allOf(Topics.AUDIO_CREATED, jobId, new AudioCreatedDeserializer());
        assertThat(audio).hasSize(1);
        assertThat(Files.exists(store.pathOf(jobId))).isTrue();
        try (var files = Files.list(store.dir())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(jobId) && n.endsWith(".wav")))
                    .containsExactly(jobId + ".wav");
        }
    }

    private static JobStatus first(List<JobStatus> statuses, JobState state) {
        return statuses.stream().filter(in(state)).findFirst().orElseThrow();
    }

    private static JobStatus last(List<JobStatus> statuses, JobState state) {
        return statuses.stream().filter(in(state)).reduce((a, b) -> b).orElseThrow();
    }
}
