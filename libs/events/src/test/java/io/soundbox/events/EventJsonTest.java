package io.soundbox.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.kafka.AudioCreatedDeserializer;
import io.soundbox.events.kafka.EventSerializer;
import io.soundbox.events.kafka.GenerationControlDeserializer;
import io.soundbox.events.kafka.GenerationRequestedDeserializer;
import io.soundbox.events.kafka.JobStatusDeserializer;
import io.soundbox.events.kafka.LibraryEventDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant T = Instant.parse("2026-11-27T10:15:30.123Z");

    static GenerationRequested request() {
        return new GenerationRequested(1, "job-1", "alice", "premium", 2, ModelId.MAGNET_AUDIO,
                "rain on a tin roof", 12, true, 42L, T);
    }

    static Stream<Arguments> events() {
        GenerationRequested req = request();
        JobStatus queued = JobStatus.queued(req, 3, 40, T);
        return Stream.of(
                Arguments.of(req, new GenerationRequestedDeserializer()),
                Arguments.of(new GenerationControl(1, "job-1", "alice", GenerationControl.Action.SKIP, T),
                        new GenerationControlDeserializer()),
                Arguments.of(queued, new JobStatusDeserializer()),
                Arguments.of(queued.completed("job-1.wav", "job-1.png",
                        new QualityReport(87, List.of("clipping"), true), T), new JobStatusDeserializer()),
                Arguments.of(queued.failed("model missing", T), new JobStatusDeserializer()),
                Arguments.of(new AudioCreated(1, "gen-1", "job-1", "gen-1.wav", AudioKind.SPEECH, "voice",
                        "hello there", 1.5, 22050, "bob", false, 90, null, "en_US-lessac-medium", false,
                        List.of("greeting"), T), new AudioCreatedDeserializer()),
                Arguments.of(new LibraryEvent(1, "ev-1", LibraryEvent.Type.VOTED, "gen-1", "bob",
                        Map.of("vote", 1, "reasons", List.of("catchy")), T), new LibraryEventDeserializer()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSurvivesTheKafkaSerdeRoundTrip(Object event, Deserializer<?> deserializer) {
        byte[] bytes = new EventSerializer().serialize("t", event);
        assertThat(deserializer.deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void fieldsAreSnakeCaseAndEnumsUseTheApiWords() {
        String json = EventJson.toJson(request());
        assertThat(json).contains("\"job_id\":\"job-1\"", "\"schema_version\":1", "\"model\":\"magnet-audio\"",
                "\"duration_seconds\":12", "\"requested_at\":\"2026-11-27T10:15:30.123Z\"");
        String status = EventJson.toJson(JobStatus.queued(request(), 1, null, T));
        assertThat(status).contains("\"state\":\"queued\"");
    }

    @Test
    void qualityReportsKeepTheOriginalFieldNamesOnly() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_IS_GETTERS_FOR_NON_BOOLEAN);
        QualityReport report = new QualityReport(87, List.of("clipping"), true);
        for (String json : List.of(EventJson.toJson(report), mapper.writeValueAsString(report))) {
            assertThat(mapper.readTree(json).properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("score", "issues", "is_good");
        }
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() {
        String json = EventJson.toJson(request()).replace("{", "{\"added_in_v2\":{\"x\":1},");
        assertThat(EventJson.fromJson(json, GenerationRequested.class)).isEqualTo(request());
    }

    @Test
    void requestsWrittenBeforeTheVisibilityFieldReadAsPublic() {
        String json = EventJson.toJson(request()).replace(",\"is_public\":true", "");
        assertThat(json).doesNotContain("is_public");
        assertThat(EventJson.fromJson(json, GenerationRequested.class).isPublic()).isTrue();
        String privateJson = EventJson.toJson(request()).replace("\"is_public\":true", "\"is_public\":false");
        assertThat(EventJson.fromJson(privateJson, GenerationRequested.class).isPublic()).isFalse();
    }

    @Test
    void statusesCarryTheRequestsVisibilityAndOldOnesReadAsPublic() {
        GenerationRequested r = request();
        GenerationRequested privately = new GenerationRequested(r.schemaVersion(), r.jobId(), r.userId(), r.tier(),
                r.priority(), r.model(), r.prompt(), r.durationSeconds(), r.loop(), r.seed(), r.requestedAt(), false);
        JobStatus done = JobStatus.queued(privately, 1, null, T).advance(JobState.GENERATING, 0.5, T)
                .completed("f.wav", null, null, T);
        String json = EventJson.toJson(done);
        assertThat(json).contains("\"is_public\":false");
        assertThat(EventJson.fromJson(json, JobStatus.class).isPublic()).isFalse();
        String old = EventJson.toJson(JobStatus.queued(r, 1, null, T)).replace(",\"is_public\":true", "");
        assertThat(old).doesNotContain("is_public");
        assertThat(EventJson.fromJson(old, JobStatus.class).isPublic()).isTrue();
    }

    @Test
    void malformedRecordsFailWithAClearError() {
        assertThatThrownBy(() -> EventJson.fromJson("{not json", JobStatus.class))
                .isInstanceOf(EventJson.EventFormatException.class).hasMessageContaining("JobStatus");
        assertThatThrownBy(() -> EventJson.fromJson("{\"job_id\":\"j\",\"model\":\"kazoo\",\"prompt\":\"p\"}",
                GenerationRequested.class)).isInstanceOf(EventJson.EventFormatException.class);
    }

    @Test
    void tombstonesStayNull() {
        assertThat(new JobStatusDeserializer().deserialize("t", null)).isNull();
    }

    @Test
    void modelNamesAcceptTheOriginalAliases() {
        assertThat(ModelId.parse("sfx")).contains(ModelId.AUDIO);
        assertThat(ModelId.parse("magnet")).contains(ModelId.MAGNET_MUSIC);
        assertThat(ModelId.parse(" Music ")).contains(ModelId.MUSIC);
        assertThat(ModelId.parse("magnet-audio")).contains(ModelId.MAGNET_AUDIO);
        assertThat(ModelId.parse("kazoo")).isEmpty();
        assertThat(ModelId.parse(null)).isEmpty();
        assertThat(ModelId.AUDIO.kind()).isEqualTo(AudioKind.SFX);
    }

    @Test
    void finalStatesAreFinal() {
        assertThat(JobState.COMPLETED.isFinal()).isTrue();
        assertThat(JobState.CANCELLED.isFinal()).isTrue();
        assertThat(JobState.GENERATING.isFinal()).isFalse();
    }
}
