package io.soundbox.tts.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** tts-service configuration; {@code soundbox.data-dir} is shared by every service of the stack. */
@ConfigMapping(prefix = "soundbox")
public interface TtsConfig {

    /** Root of the stack's state (env {@code SOUNDBOX_DATA}); the audio store is its {@code audio/} folder. */
    Path dataDir();

    default Path audioDir() {
        return dataDir().toAbsolutePath().normalize().resolve("audio");
    }
}
