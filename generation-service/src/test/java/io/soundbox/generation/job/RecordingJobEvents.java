package io.soundbox.generation.job;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link JobEvents} for plain tests: keeps what was published, in order. */
final class RecordingJobEvents implements JobEvents {
    final List<Object> published = new ArrayList<>();

    @Override
    public synchronized void publish(JobStatus status) {
        published.add(status);
    }

    @Override
    public synchronized void publish(AudioCreated audio) {
        published.add(audio);
    }

    synchronized List<JobStatus> statuses(String jobId) {
        return published.stream().filter(JobStatus.class::isInstance).map(JobStatus.class::cast)
                .filter(s -> s.jobId().equals(jobId)).toList();
    }

    synchronized List<JobState> states(String jobId) {
        return statuses(jobId).stream().map(JobStatus::state).toList();
    }

    synchronized List<AudioCreated> audio(String jobId) {
        return published.stream().filter(AudioCreated.class::isInstance).map(AudioCreated.class::cast)
                .filter(a -> a.jobId().equals(jobId)).toList();
    }

    synchronized void clear() {
        published.clear();
    }
}
