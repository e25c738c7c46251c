package io.soundbox.gateway.notify;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a job becoming completed or failed into a notification for its owner. Guests (local guest
 * tokens, {@code guest-...}) have no account to notify. A status older than {@code maxAge} is not
 * announced: the read model replays the whole status topic on every start, and old jobs must not
 * be notified again. The {@code audio_url} is signed (the file may be private, and a link in a notification
 * cannot carry a bearer token).
 */
public final class JobNotifications {
    private final Optional<NotificationDispatcher> dispatcher;
    private final Duration maxAge;
    private final Clock clock;
    private final UnaryOperator<String> audioLink;

    /** @param audioLink a file name to the URL that opens it (signed) */
    public JobNotifications(Optional<NotificationDispatcher> dispatcher, Duration maxAge, Clock clock,
                            UnaryOperator<String> audioLink) {
        this.dispatcher = dispatcher;
        this.maxAge = maxAge;
        this.clock = clock;
        this.audioLink = audioLink;
    }

    /** Called once per job when the read model takes its final status. Never blocks. */
    public void jobFinished(JobStatus status) {
        if (dispatcher.isEmpty()) {
            return;
        }
        notificationFor(status, clock, maxAge, audioLink).ifPresent(n -> dispatcher.get().offer(n));
    }

    static Optional<Notification> notificationFor(JobStatus s, Clock clock, Duration maxAge,
                                                  UnaryOperator<String> audioLink) {
        if (s.userId() == null || s.userId().isBlank() || s.userId().startsWith("guest-")) {
            return Optional.empty();
        }
        if (s.state() != JobState.COMPLETED && s.state() != JobState.FAILED) {
            return Optional.empty();
        }
        if (s.updatedAt() != null && s.updatedAt().isBefore(clock.instant().minus(maxAge))) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", s.jobId());
        data.put("status", s.state().wireName());
        if (s.model() != null) {
            data.put("model", s.model().wireName());
        }
        String prompt = s.prompt() == null ? "" : s.prompt();
        String shortPrompt = prompt.length() > 60 ? prompt.substring(0, 57) + "..." : prompt;
        if (s.state() == JobState.COMPLETED) {
            if (s.filename() != null) {
                data.put("filename", s.filename());
                data.put("audio_url", audioLink.apply(s.filename()));
            }
            return Optional.of(new Notification(s.userId(), "soundbox.generation.completed",
                    "Your sound is ready", "\"" + shortPrompt + "\" has finished generating.", data));
        }
        if (s.error() != null) {
            data.put("error", s.error());
        }
        return Optional.of(new Notification(s.userId(), "soundbox.generation.failed", "Generation failed",
                "\"" + shortPrompt + "\" could not be generated.", data));
    }
}
