package io.soundbox.tts.api;

import io.soundbox.tts.auth.CallerResolver;
import io.soundbox.tts.speech.SpeechRequest;
import io.soundbox.tts.speech.SpeechResult;
import io.soundbox.tts.speech.SpeechService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/tts/generate}: speech now, not queued. The caller's tier (for the text limit) comes
 * from the gateway's internal token; no token is an anonymous caller.
 */
// Rooted at /api like VoicesResource: JAX-RS picks the resource class by its own path first, so a
// class at /api/tts would hide VoicesResource's /api/tts/voices and /api/tts/sample/{voice}.
@Path("/api")
public class SpeechResource {
    private final SpeechService speech;
    private final CallerResolver callers;

    public SpeechResource(SpeechService speech, CallerResolver callers) {
        this.speech = speech;
        this.callers = callers;
    }

    @POST
    @Path("/tts/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SpeechResult generate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SpeechRequest request) {
        return speech.generate(request, callers.resolve(authorization));
    }
}
