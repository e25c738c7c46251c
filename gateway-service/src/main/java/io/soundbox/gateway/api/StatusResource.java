package io.soundbox.gateway.api;

import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.queue.QueueEntry;
import io.soundbox.gateway.queue.QueueService;
import io.soundbox.gateway.queue.QueueSnapshot;
import io.soundbox.gateway.status.GenerationModels;
import io.soundbox.gateway.status.SystemStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original's {@code GET /status} (models, GPU, queue) and {@code GET /queue-status} (the queue with
 * live positions, recomputed from the job read model on every call). Always 200: without
 * generation-service the models are "unknown" and {@code status} is "degraded".
 */
@Path("/")
@Tag(name = "status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    private final GenerationModels models;
    private final JobReadModel jobs;
    private final QueueService queue;
    private final BearerAuthenticator auth;

    public StatusResource(GenerationModels models, JobReadModel jobs, QueueService queue, BearerAuthenticator auth) {
        this.models = models;
        this.jobs = jobs;
        this.queue = queue;
        this.auth = auth;
    }

    public record QueueStatus(int queueLength, int running, int total, Map<String, Integer> queueByModel,
                              long estimatedWait, List<QueueEntry> myJobs, List<QueueEntry> jobs,
                              boolean truncated) {
    }

    @GET
    @Path("status")
    @Operation(summary = "Models' loading states, GPU memory and load, queue length by model, estimated wait")
    public SystemStatus.Report status() {
        return SystemStatus.build(models.current(), jobs.unfinished());
    }

    @GET
    @Path("queue-status")
    @Operation(summary = "The queue with live positions (other users' prompts and ids hidden, except for admins)")
    public QueueStatus queueStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        QueueSnapshot snapshot = queue.snapshot(auth.optional(authorization).orElse(null));
        SystemStatus.Report counts = SystemStatus.build(Optional.empty(), jobs.unfinished());
        return new QueueStatus(snapshot.queueLength(), snapshot.running(), snapshot.total(), counts.queueByModel(),
                counts.estimatedWait(), snapshot.myJobs(), snapshot.jobs(), snapshot.truncated());
    }
}
