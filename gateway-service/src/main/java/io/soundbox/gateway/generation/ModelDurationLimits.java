package io.soundbox.gateway.generation;

import io.soundbox.events.ModelId;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The longest clip each model makes, for every tier (admin included): a request over it is refused
 * here with 400 and the maximum, instead of being queued for a generation-service that would fail it.
 * Configured as {@code soundbox.jobs.model-max-duration.<model>}.
 */
@ApplicationScoped
public class ModelDurationLimits {
    private final Map<ModelId, Integer> max;

    @Inject
    public ModelDurationLimits(GatewayConfig config) {
        this(config.jobs().modelMaxDuration());
    }

    ModelDurationLimits(Map<String, Integer> byName) {
        Map<ModelId, Integer> m = new EnumMap<>(ModelId.class);
        byName.forEach((name, seconds) -> m.put(ModelId.parse(name).orElseThrow(() -> new IllegalArgumentException(
                "soundbox.jobs.model-max-duration: unknown model '" + name + "'")), seconds));
        this.max = Map.copyOf(m);
    }

    public OptionalInt maxFor(ModelId model) {
        Integer m = max.get(model);
        return m == null ? OptionalInt.empty() : OptionalInt.of(m);
    }

    /** @throws ApiProblem 400 {@code invalid-duration} naming the model's maximum when the order is longer */
    public GenerationOrder check(GenerationOrder order) {
        OptionalInt m = maxFor(order.model());
        if (m.isPresent() && order.durationSeconds() > m.getAsInt()) {
            throw ApiProblem.badRequest("invalid-duration", "duration must be at most " + m.getAsInt()
                            + " seconds for model " + order.model().wireName())
                    .with("field", "duration").with("max_duration", m.getAsInt())
                    .with("model", order.model().wireName());
        }
        return order;
    }
}
