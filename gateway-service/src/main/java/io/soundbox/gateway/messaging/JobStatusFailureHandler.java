package io.soundbox.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.soundbox.events.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Logs a job status record that is not valid JSON for {@link JobStatus} and lets the consumer skip it
 * (the value becomes null). Without a handler SmallRye would mark the channel unhealthy.
 */
@ApplicationScoped
@Identifier(JobStatusFailureHandler.NAME)
public class JobStatusFailureHandler implements DeserializationFailureHandler<JobStatus> {
    public static final String NAME = "job-status-failure";
    private static final Logger LOG = Logger.getLogger(JobStatusFailureHandler.class);

    @Override
    public JobStatus handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
                                                  Exception exception, Headers headers) {
        String sample = data == null ? "null" : new String(data, 0, Math.min(data.length, 200), StandardCharsets.UTF_8);
        LOG.warnf("Skipping a poison record on %s: %s; value starts with: %s", topic, exception.getMessage(), sample);
        return null;
    }
}
