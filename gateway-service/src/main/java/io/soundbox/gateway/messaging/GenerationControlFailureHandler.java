package io.soundbox.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.soundbox.events.GenerationControl;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/** Logs and skips a control record that is not a valid {@link GenerationControl} (the channel stays healthy). */
@ApplicationScoped
@Identifier(GenerationControlFailureHandler.NAME)
public class GenerationControlFailureHandler implements DeserializationFailureHandler<GenerationControl> {
    public static final String NAME = "generation-control-failure";
    private static final Logger LOG = Logger.getLogger(GenerationControlFailureHandler.class);

    @Override
    public GenerationControl handleDeserializationFailure(String topic, boolean isKey, String deserializer,
                                                          byte[] data, Exception exception, Headers headers) {
        LOG.warnf("Skipping a poison record on %s: %s", topic, exception.getMessage());
        return null;
    }
}
