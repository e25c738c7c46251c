package io.soundbox.generation.api;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.job.JobQueue;
import io.soundbox.generation.model.MemoryReading;
import io.soundbox.generation.model.ModelLifecycle;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The models this instance serves, their lifecycle state, the device memory and the queue; the
 * gateway's status page reads it. Blocking (the memory probe may run nvidia-smi): worker thread.
 */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    private final EngineCatalog engines;
    private final ModelLifecycle lifecycle;
    private final JobQueue queue;

    public ModelsResource(EngineCatalog engines, ModelLifecycle lifecycle, JobQueue queue) {
        this.engines = engines;
        this.lifecycle = lifecycle;
        this.queue = queue;
    }

    /** @param depthByPriority queued jobs per priority, 0 = admin ... 4 = free */
    public record QueueView(int length, Map<Integer, Integer> depthByPriority, long switches) {
    }

    public record ModelList(List<ModelView> models, MemoryReading memory, QueueView queue) {
    }

    @GET
    public ModelList list() {
        MemoryReading memory;
        try {
            memory = lifecycle.memory();
        } catch (RuntimeException e) {
            memory = new MemoryReading(-1, -1, -1, "unavailable: " + e.getMessage());
        }
        return new ModelList(engines.entries().stream().map(this::view).toList(), memory,
                new QueueView(queue.waiting(), queue.depthByPriority(), queue.switches()));
    }

    /** Accepts the API aliases too ({@code sfx}, {@code magnet}). */
    @GET
    @Path("/{id}")
    public ModelView get(@PathParam("id") String id) {
        ModelId model = ModelId.parse(id).orElseThrow(() -> new NotFoundException("no model named '" + id + "'"));
        return engines.entries().stream().filter(e -> e.model() == model).findFirst().map(this::view)
                .orElseThrow(() -> new NotFoundException("model '" + id + "' is not served here"));
    }

    private ModelView view(EngineCatalog.Entry e) {
        return ModelView.of(e, lifecycle.status(e.model()).orElse(null));
    }
}
