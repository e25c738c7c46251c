package io.soundbox.tts.speech;

import io.soundbox.events.AudioCreated;

/** Announces a new file on {@code soundbox.audio.created} and returns once the broker acknowledged it. */
public interface AudioAnnouncer {
    /** @throws IllegalStateException when the broker did not acknowledge in time */
    void announce(AudioCreated event);
}
