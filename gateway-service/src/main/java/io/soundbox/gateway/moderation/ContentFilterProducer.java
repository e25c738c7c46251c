package io.soundbox.gateway.moderation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shipped word list, loaded once. */
public class ContentFilterProducer {
    @Produces
    @Singleton
    ContentFilter contentFilter() {
        return ContentFilter.fromClasspath();
    }
}
