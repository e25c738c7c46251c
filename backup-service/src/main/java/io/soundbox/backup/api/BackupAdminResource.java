package io.soundbox.backup.api;

import io.soundbox.backup.auth.AdminGuard;
import io.soundbox.backup.engine.BackupException;
import io.soundbox.backup.engine.BackupId;
import io.soundbox.backup.engine.Verification;
import io.soundbox.backup.service.BackupService;
import io.soundbox.backup.service.LibraryRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Admin API of backups. Every method is blocking (file copies, JDBC) and therefore runs on a worker
 * thread; every method needs the gateway's internal token with the group {@code admin}.
 */
@Path("/api/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupAdminResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BackupService service;
    private final AdminGuard guard;

    public BackupAdminResource(BackupService service, AdminGuard guard) {
        this.service = service;
        this.guard = guard;
    }

    /** Complete backups, newest first. */
    @GET
    public List<BackupSummary> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        guard.requireAdmin(auth);
        List<BackupSummary> all = new ArrayList<>(service.list().stream().map(BackupSummary::of).toList());
        Collections.reverse(all);
        return all;
    }

    /** Takes a backup now and answers when it is complete (201, Location of the new backup). */
    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @Context UriInfo uri) {
        guard.requireAdmin(auth);
        BackupSummary b = BackupSummary.of(call(() -> service.backup("manual")));
        return Response.created(uri.getAbsolutePathBuilder().path(b.id()).build()).entity(b).build();
    }

    @GET
    @Path("{id}")
    public BackupSummary get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        guard.requireAdmin(auth);
        return BackupSummary.of(call(() -> service.get(valid(id))));
    }

    /** Re-reads every file against the manifest and runs the integrity check; 200 with {@code ok} either way. */
    @POST
    @Path("{id}/verify")
    public Verification verify(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        guard.requireAdmin(auth);
        return call(() -> service.verify(valid(id)));
    }

    /**
     * Restores a backup (docs/operations.md): library-service rebuilds the library from it and replays
     * everything after it. {@code ?dry_run=true} only reports the plan; a restore that would lose something
     * answers 409 with the plan (exactly what, with ids) and changes nothing unless {@code ?confirm=true}. A
     * corrupt backup is refused (422) before anything changes; library-service must run (503 otherwise).
     */
    @POST
    @Path("{id}/restore")
    public Response restore(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id,
                            @QueryParam("confirm") boolean confirm, @QueryParam("dry_run") boolean dryRun) {
        guard.requireAdmin(auth);
        try {
            return Response.ok(service.restore(valid(id), auth, confirm, dryRun)).build();
        } catch (LibraryRefusal e) {
            Map<String, Object> problem = new LinkedHashMap<>(e.problem());
            problem.putIfAbsent("status", e.status());
            problem.putIfAbsent("detail", e.getMessage());
            problem.putIfAbsent("error", e.getMessage());
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(json(problem)).build();
        } catch (BackupException e) {
            throw ProblemException.of(e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    static String valid(String id) {
        if (!BackupId.isValid(id)) {
            throw ProblemException.invalid("'" + id + "' is not a backup id (like 20261127T030000Z); "
                    + "GET /api/admin/backups lists them");
        }
        return id;
    }

    interface Call<T> {
        T run() throws BackupException;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (BackupException e) {
            throw ProblemException.of(e);
        }
    }
}
