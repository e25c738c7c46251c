package io.soundbox.library.ingest;

import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.domain.CategoryCatalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The categoriser is plain Java; this makes the shipped catalog's instance injectable. */
public class CategorizerProducer {
    @Produces
    @Singleton
    CategoryCatalog catalog() {
        return CategoryCatalog.loadDefault();
    }

    @Produces
    @Singleton
    Categorizer categorizer(CategoryCatalog catalog) {
        return new Categorizer(catalog);
    }
}
