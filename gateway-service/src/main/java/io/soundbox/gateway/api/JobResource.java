package io.soundbox.gateway.api;

import io.soundbox.events.JobStatus;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.files.FileUrlSigner;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.jobs.JobView;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.queue.QueueService;
import io.soundbox.gateway.queue.SkipLedger;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /job/{id}}: a job's status for its owner (or an admin); {@code POST /job/{id}/cancel}. */
@Path("/job")
public class JobResource {
    private final BearerAuthenticator auth;
    private final JobReadModel jobs;
    private final QueueService queue;
    private final FileUrlSigner signer;
    private final SkipLedger skips;

    public JobResource(BearerAuthenticator auth, JobReadModel jobs, QueueService queue, FileUrlSigner signer,
                       SkipLedger skips) {
        this.skips = skips;
        this.auth = auth;
        this.jobs = jobs;
        this.queue = queue;
        this.signer = signer;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = auth.require(authorization);
        JobStatus status = jobs.find(id)
                .filter(s -> caller.isAdmin() || caller.userId().equals(s.userId()))
                // Same answer for "unknown" and "someone else's": job ids cannot be probed.
                .orElseThrow(() -> ApiProblem.notFound("no job with this id"));
        // Signed: a fresh job's files are private until the library has them and moderation approved
        // them, and the web UI's <audio> element cannot send the bearer token.
        JobView view = JobView.of(status).withSkip(skips.isSkipped(status.jobId()));
        return view.withUrls(view.audioUrl() == null ? null : signer.sign("/audio/", view.filename()).url(),
                view.spectrogramUrl() == null ? null : signer.sign("/spectrogram/", view.spectrogram()).url());
    }

    /** Same as {@code POST /api/queue/{id}/cancel}. */
    @POST
    @Path("/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = auth.require(authorization);
        return Response.accepted(queue.cancel(caller, id)).type(MediaType.APPLICATION_JSON).build();
    }
}
