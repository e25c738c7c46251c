package io.soundbox.events.kafka;

import io.soundbox.events.JobStatus;

/** Kafka value deserializer for {@link JobStatus}. */
public class JobStatusDeserializer extends EventDeserializer<JobStatus> {
    public JobStatusDeserializer() {
        super(JobStatus.class);
    }
}
