package io.soundbox.generation.model;

import io.soundbox.events.ModelId;

/** Puts a model's weights into memory and takes them out again; both may take seconds. */
public interface ModelLoader {

    void load(ModelId model) throws Exception;

    void unload(ModelId model);

    /** For engines without weights (the procedural ones): nothing to load or free. */
    ModelLoader WEIGHTLESS = new ModelLoader() {
        @Override
        public void load(ModelId model) {
        }

        @Override
        public void unload(ModelId model) {
        }
    };
}
