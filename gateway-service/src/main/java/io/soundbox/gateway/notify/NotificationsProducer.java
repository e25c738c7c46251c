package io.soundbox.gateway.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.files.FileUrlSigner;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Wires notifications from configuration: on when enabled and an accounts URL is known. */
public class NotificationsProducer {
    private static final Logger LOG = Logger.getLogger(NotificationsProducer.class);

    @Produces
    @Singleton
    Optional<NotificationDispatcher> dispatcher(GatewayConfig config, ObjectMapper json) {
        GatewayConfig.Notifications n = config.notifications();
        Optional<URI> base = n.url().or(() -> config.auth().valnetUrl());
        if (!n.enabled() || base.isEmpty()) {
            LOG.info("Job notifications are off (soundbox.notifications.enabled/url)");
            return Optional.empty();
        }
        String b = base.get().toString();
        URI endpoint = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + n.path());
        return Optional.of(new NotificationDispatcher(new HttpNotificationClient(endpoint, n.timeout(), n.apiKey(),
                json), n.queueCapacity(), n.maxAttempts(), n.initialBackoff()));
    }

    void close(@Disposes Optional<NotificationDispatcher> dispatcher) {
        dispatcher.ifPresent(NotificationDispatcher::close);
    }

    @Produces
    @Singleton
    JobNotifications jobNotifications(Optional<NotificationDispatcher> dispatcher, GatewayConfig config,
                                      FileUrlSigner signer) {
        FileUrlSigner links = signer.withTtl(config.notifications().linkTtl());
        return new JobNotifications(dispatcher, config.notifications().maxAge(), Clock.systemUTC(),
                filename -> links.sign("/audio/", filename).url());
    }
}
