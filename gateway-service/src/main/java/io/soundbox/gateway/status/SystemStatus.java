package io.soundbox.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@code GET /status} in the original's shape from generation-service's {@code GET /models}
 * document (absent when the service is down: models are then "unknown") and the gateway's own view of
 * the unfinished jobs. Pure: no I/O.
 */
public final class SystemStatus {
    private SystemStatus() {
    }

    /**
     * @param name             the device's name as far as known ("unknown" without generation-service)
     * @param memoryUsedMb     -1 when unknown (likewise total and free)
     * @param busy             a job is running
     * @param loadedModels     models whose weights are in memory
     */
    public record Gpu(String name, long memoryUsedMb, long memoryTotalMb, long memoryFreeMb, boolean busy,
                      List<String> loadedModels) {
    }

    /** One model: its lifecycle state (unloaded, loading, ready, generating, unloading, or unknown). */
    public record Model(String state, boolean loaded, String engine, String weights) {
    }

    public record Report(String status, boolean generationService, Map<String, Model> models, Gpu gpu,
                         int queueLength, int running, Map<String, Integer> queueByModel, long estimatedWait) {
    }

    /** Seconds of generation assumed per second of audio when no job reports an estimate. */
    static final double SECONDS_PER_AUDIO_SECOND = 1.0;

    public static Report build(Optional<JsonNode> models, Collection<JobStatus> unfinished) {
        Map<String, Model> byModel = new LinkedHashMap<>();
        List<String> loaded = new ArrayList<>();
        for (ModelId id : ModelId.values()) {
            byModel.put(id.wireName(), new Model("unknown", false, null, null));
        }
        String gpuName = "unknown";
        long used = -1;
        long total = -1;
        long free = -1;
        if (models.isPresent()) {
            for (JsonNode m : models.get().path("models")) {
                String id = m.path("id").asText("");
                String state = m.path("state").asText("unknown");
                boolean isLoaded = state.equals("ready") || state.equals("generating");
                byModel.put(id, new Model(state, isLoaded, text(m, "engine"), text(m, "weights")));
                if (isLoaded) {
                    loaded.add(id);
                }
            }
            JsonNode memory = models.get().path("memory");
            used = memory.path("used_mb").asLong(-1);
            total = memory.path("total_mb").asLong(-1);
            free = memory.path("free_mb").asLong(-1);
            String source = memory.path("source").asText("none");
            gpuName = source.equals("nvidia-smi") ? "nvidia" : source.equals("host") ? "cpu" : source;
        }

        int queued = 0;
        int running = 0;
        Map<String, Integer> queueByModel = new LinkedHashMap<>();
        for (ModelId id : ModelId.values()) {
            queueByModel.put(id.wireName(), 0);
        }
        long waitFromEta = 0;
        double waitFromDurations = 0;
        for (JobStatus s : unfinished) {
            if (s.state() == JobState.QUEUED) {
                queued++;
                if (s.model() != null) {
                    queueByModel.merge(s.model().wireName(), 1, Integer::sum);
                }
                if (s.etaSeconds() != null) {
                    waitFromEta = Math.max(waitFromEta, s.etaSeconds());
                }
            } else {
                running++;
            }
            waitFromDurations += s.durationSeconds() * SECONDS_PER_AUDIO_SECOND;
        }
        // The newest estimate generation-service published for the last job in line, else a rough
        // one from the audio still to be generated.
        long estimatedWait = waitFromEta > 0 ? waitFromEta : Math.round(waitFromDurations);
        Gpu gpu = new Gpu(gpuName, used, total, free, running > 0, List.copyOf(loaded));
        return new Report(models.isPresent() ? "ok" : "degraded", models.isPresent(), byModel, gpu, queued,
                running, queueByModel, estimatedWait);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
