package io.soundbox.library.ingest;

import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.domain.CategoryCatalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The categoriser is plain Java; this makes the shipped catalog's instance injectable. */
public class CategorizerProducer {
    @Produces
    @Singleton
    Categorizer categorizer() {
        return new Categorizer(CategoryCatalog.loadDefault());
    }
}
