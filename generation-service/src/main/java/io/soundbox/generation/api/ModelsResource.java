package io.soundbox.generation.api;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.EngineCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The models this instance serves and their state; the gateway's status page reads it. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    private final EngineCatalog engines;

    public ModelsResource(EngineCatalog engines) {
        this.engines = engines;
    }

    public record ModelList(List<ModelView> models) {
    }

    @GET
    public ModelList list() {
        return new ModelList(engines.entries().stream().map(ModelView::of).toList());
    }

    /** Accepts the API aliases too ({@code sfx}, {@code magnet}). */
    @GET
    @Path("/{id}")
    public ModelView get(@PathParam("id") String id) {
        ModelId model = ModelId.parse(id).orElseThrow(() -> new NotFoundException("no model named '" + id + "'"));
        return engines.entries().stream().filter(e -> e.model() == model).findFirst().map(ModelView::of)
                .orElseThrow(() -> new NotFoundException("model '" + id + "' is not served here"));
    }
}
