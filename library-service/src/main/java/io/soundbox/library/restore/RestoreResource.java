package io.soundbox.library.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.library.api.Problem;
import io.soundbox.library.api.ProblemException;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/admin/library/restore}: restores the library from a backup's database (backup-service
 * calls it; admins only). Body: {@code backup_id, backup_database (a file in the backup folder),
 * backup_created_at, confirm, dry_run}. 200 with the outcome; 409 {@code restore-confirmation-required}
 * with the plan when the restore would lose something and {@code confirm} was not true.
 */
@Path(RestoreResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class RestoreResource {
    static final String PATH = "/api/admin/library/restore";
    public static final String CONFIRMATION_REQUIRED = "urn:soundbox:problem:restore-confirmation-required";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record Request(String backupId, String backupDatabase, String backupCreatedAt, Boolean confirm,
                          Boolean dryRun) {
    }

    private final CallerResolver callers;
    private final LibraryRestore restore;

    public RestoreResource(CallerResolver callers, LibraryRestore restore) {
        this.callers = callers;
        this.restore = restore;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restore(Request body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        if (caller.isAnonymous()) {
            throw ProblemException.unauthorized("a restore needs an admin's token");
        }
        if (!caller.admin()) {
            throw ProblemException.forbidden("only admins may restore the library");
        }
        if (body == null || body.backupDatabase() == null || body.backupDatabase().isBlank()
                || body.backupCreatedAt() == null) {
            throw ProblemException.badBody("backup_database and backup_created_at are required");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(body.backupCreatedAt());
        } catch (DateTimeParseException e) {
            throw ProblemException.badBody("backup_created_at must be an ISO-8601 instant; got '" + body.backupCreatedAt() + "'");
        }
        RestoreOutcome outcome;
        try {
            outcome = restore.restore(body.backupId(), java.nio.file.Path.of(body.backupDatabase()), createdAt,
                    Boolean.TRUE.equals(body.confirm()), Boolean.TRUE.equals(body.dryRun()));
        } catch (LibraryRestore.RefusedException e) {
            String type = e.status() == 409 ? Problem.CONFLICT : e.status() == 400 ? Problem.INVALID_BODY
                    : e.status() == 503 ? "urn:soundbox:problem:restore-unavailable" : Problem.INTERNAL;
            throw new ProblemException(type, Response.Status.fromStatusCode(e.status()).getReasonPhrase(), e.status(),
                    e.getMessage());
        }
        if (RestoreOutcome.CONFIRMATION_REQUIRED.equals(outcome.status())) {
            long kinds = outcome.plan().losses().size();
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", CONFIRMATION_REQUIRED);
            problem.put("title", "Confirmation Required");
            problem.put("status", 409);
            problem.put("detail", "restoring backup " + body.backupId() + " would lose " + kinds
                    + " kind(s) of library state that replay cannot bring back (listed in plan.losses);"
                    + " nothing was changed. Repeat with confirm=true to restore anyway.");
            problem.put("error", "restore would lose data; confirm=true to go ahead");
            problem.put("instance", PATH);
            problem.put("plan", outcome.plan());
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(json(problem)).build();
        }
        return Response.ok(json(outcome)).type(MediaType.APPLICATION_JSON).build();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a restore outcome always serialises", e);
        }
    }
}
