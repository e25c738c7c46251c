package io.soundbox.gateway.moderation;

import io.soundbox.moderation.ContentPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shipped word list (libs/moderation), loaded once. */
public class ContentFilterProducer {
    @Produces
    @Singleton
    ContentPolicy contentPolicy() {
        return ContentPolicy.shipped();
    }
}
