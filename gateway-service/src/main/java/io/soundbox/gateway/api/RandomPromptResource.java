package io.soundbox.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.ModelId;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.prompts.RandomPrompts;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /random-prompt {model[, seed]}} → {@code {prompt}} (the original's path and fields). */
@Path("/random-prompt")
@Tag(name = "generation")
public class RandomPromptResource {
    private final RandomPrompts prompts;
    private final ObjectMapper json;

    public record RandomPrompt(String prompt, String model) {
    }

    public RandomPromptResource(ObjectMapper json) {
        this.json = json;
        this.prompts = RandomPrompts.fromClasspath(json);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A random prompt for the model's kind (music or sound effects); a seed makes it repeatable")
    public RandomPrompt randomPrompt(String body) {
        JsonNode request = read(body);
        ModelId model = ModelId.MUSIC;
        JsonNode m = request.get("model");
        if (m != null && !m.isNull()) {
            if (!m.isTextual()) {
                throw ApiProblem.badRequest("invalid-model", "model must be a string");
            }
            model = ModelId.parse(m.asText()).orElseThrow(() -> ApiProblem.badRequest("invalid-model",
                    "unknown model; use music, audio (sfx), magnet-music or magnet-audio"));
        }
        JsonNode seed = request.get("seed");
        Random random;
        if (seed == null || seed.isNull()) {
            random = ThreadLocalRandom.current();
        } else if (seed.isIntegralNumber() && seed.canConvertToLong()) {
            random = new Random(seed.asLong());
        } else {
            throw ApiProblem.badRequest("invalid-seed", "seed must be a whole number");
        }
        return new RandomPrompt(prompts.prompt(model.kind(), random), model.wireName());
    }

    /** An empty body is allowed (music); anything else must be a JSON object. */
    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badRequest("malformed-json", "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "the request body is not valid JSON");
        }
    }
}
