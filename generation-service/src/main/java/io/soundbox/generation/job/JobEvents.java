package io.soundbox.generation.job;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.JobStatus;

/**
 * Where job events go. Both calls block until the broker acknowledged the record and throw when it
 * could not be delivered, so a caller never acknowledges a request whose result is not out yet.
 */
public interface JobEvents {
    void publish(JobStatus status);

    void publish(AudioCreated audio);
}
