package io.soundbox.gateway.api;

import io.soundbox.events.JobStatus;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.jobs.JobView;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /job/{id}}: a job's status for its owner (or an admin). */
@Path("/job")
public class JobResource {
    private final BearerAuthenticator auth;
    private final JobReadModel jobs;

    public JobResource(BearerAuthenticator auth, JobReadModel jobs) {
        this.auth = auth;
        this.jobs = jobs;
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
        return JobView.of(status);
    }
}
