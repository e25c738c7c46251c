package io.soundbox.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemStatusTest {
    private static final Instant T = Instant.parse("2026-11-27T03:00:00Z");

    private static JobStatus queued(String id, ModelId model, int duration, int position, Integer eta) {
        GenerationRequested r = new GenerationRequested(SchemaVersion.CURRENT, id, "u1", "free", 4, model,
                "gentle rain", duration, false, null, T);
        return JobStatus.queued(r, position, eta, T);
    }

    @Test
    void withoutGenerationServiceModelsAreUnknownAndTheQueueIsStillCounted() {
        var report = SystemStatus.build(Optional.empty(), List.of(queued("a", ModelId.MUSIC, 8, 1, null),
                queued("b", ModelId.AUDIO, 4, 2, null), queued("c", ModelId.MUSIC, 10, 3, null)));
        assertThat(report.status()).isEqualTo("degraded");
        assertThat(report.generationService()).isFalse();
        assertThat(report.models()).containsKeys("music", "audio", "magnet-music", "magnet-audio");
        assertThat(report.models().values()).allMatch(m -> m.state().equals("unknown") && !m.loaded());
        assertThat(report.gpu().memoryTotalMb()).isEqualTo(-1);
        assertThat(report.gpu().busy()).isFalse();
        assertThat(report.queueLength()).isEqualTo(3);
        assertThat(report.queueByModel()).containsEntry("music", 2).containsEntry("audio", 1)
                .containsEntry("magnet-music", 0);
        assertThat(report.estimatedWait()).isEqualTo(22);
    }

    @Test
    void modelsAndMemoryComeFromGenerationServiceAndEtasWin() throws Exception {
        var doc = new ObjectMapper().readTree("{\"models\":[{\"id\":\"music\",\"state\":\"generating\","
                + "\"engine\":\"procedural-music\"},{\"id\":\"audio\",\"state\":\"loading\"}],"
                + "\"memory\":{\"free_mb\":1000,\"used_mb\":3000,\"total_mb\":4000,\"source\":\"host\"}}");
        JobStatus running = queued("a", ModelId.MUSIC, 8, 1, null).advance(io.soundbox.events.JobState.GENERATING,
                10, T.plusSeconds(1));
        var report = SystemStatus.build(Optional.of(doc), List.of(running, queued("b", ModelId.AUDIO, 4, 1, 30)));
        assertThat(report.status()).isEqualTo("ok");
        assertThat(report.models().get("music").state()).isEqualTo("generating");
        assertThat(report.models().get("music").loaded()).isTrue();
        assertThat(report.models().get("audio").loaded()).isFalse();
        assertThat(report.gpu().loadedModels()).containsExactly("music");
        assertThat(report.gpu().memoryUsedMb()).isEqualTo(3000);
        assertThat(report.gpu().memoryFreeMb()).isEqualTo(1000);
        assertThat(report.gpu().name()).isEqualTo("cpu");
        assertThat(report.gpu().busy()).isTrue();
        assertThat(report.running()).isEqualTo(1);
        assertThat(report.queueLength()).isEqualTo(1);
        assertThat(report.estimatedWait()).isEqualTo(30);
    }
}
