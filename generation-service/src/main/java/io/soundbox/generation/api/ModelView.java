package io.soundbox.generation.api;

import io.soundbox.generation.engine.EngineCatalog;
import java.util.Locale;

/** A served model as {@code GET /models} shows it (snake_case JSON). */
public record ModelView(String id, String kind, String engine, String state, int sampleRate) {

    static ModelView of(EngineCatalog.Entry e) {
        return new ModelView(e.model().wireName(), e.model().kind().wireName(), e.engine().name(),
                e.state().name().toLowerCase(Locale.ROOT), e.engine().sampleRate());
    }
}
