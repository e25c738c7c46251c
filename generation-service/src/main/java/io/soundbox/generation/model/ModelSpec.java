package io.soundbox.generation.model;

import io.soundbox.events.ModelId;

/**
 * A served model as the lifecycle sees it.
 *
 * @param name     what is loaded, e.g. {@code musicgen-small}
 * @param memoryMb device memory it takes while loaded (original: musicgen-small 4 GB, audiogen-medium
 *                 5 GB, magnet 6 GB); 0 for engines without weights
 */
public record ModelSpec(ModelId model, String name, long memoryMb) {
}
