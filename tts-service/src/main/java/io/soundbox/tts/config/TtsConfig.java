package io.soundbox.tts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** tts-service configuration; {@code soundbox.data-dir} is shared by every service of the stack. */
@ConfigMapping(prefix = "soundbox")
public interface TtsConfig {

    /** Root of the stack's state (env {@code SOUNDBOX_DATA}); the audio store is its {@code audio/} folder. */
    Path dataDir();

    default Path audioDir() {
        return dataDir().toAbsolutePath().normalize().resolve("audio");
    }

    Tts tts();

    InternalAuth internalAuth();

    Kafka kafka();

    interface Tts {
        /** Piper voices ({@code X.onnx} + {@code X.onnx.json}); default {@code <data-dir>/voices}. */
        Optional<Path> voicesDir();

        /** Loaded voices kept in memory (least recently used evicted first). */
        @WithDefault("10")
        int voiceCacheSize();

        /** The voice used when a request names none, when it is installed. */
        @WithDefault("en_US-lessac-medium")
        String defaultVoice();

        /** The voice that needs no weights: used when the default voice is not installed. */
        @WithDefault("kevin16")
        String fallbackVoice();

        /** How often the voices folder is scanned again for added or removed voices. */
        @WithDefault("5s")
        Duration catalogRefresh();

        /**
         * How Piper voices get phonemes: {@code auto} (the bundled Piper espeak-ng, else the system's
         * espeak-ng command), {@code bundled}, or {@code command}.
         */
        @WithDefault("auto")
        String phonemizer();

        /** The espeak-ng executable for the command fallback. */
        @WithDefault("espeak-ng")
        String espeakCommand();

        /** Where the bundled espeak-ng is unpacked; default {@code <data-dir>/cache/espeak-ng}. */
        Optional<Path> espeakCacheDir();

        /** ONNX Runtime intra-op threads per voice session; 0 lets ONNX Runtime decide. */
        @WithDefault("0")
        int onnxThreads();

        /** Syntheses running at once; 0 means one per CPU core. Others wait (see {@link #synthesisWait}). */
        @WithDefault("0")
        int maxConcurrent();

        /** How long a request waits for a synthesis slot before it is answered 503. */
        @WithDefault("30s")
        Duration synthesisWait();

        /** Silence between sentences, in seconds (Piper's default). */
        @WithDefault("0.2")
        double sentenceSilence();

        /** License overrides laid over the bundled records; default {@code <voices-dir>/voice-licenses.json}. */
        Optional<Path> licensesFile();

        /** Requests whose text is larger than this (UTF-8 bytes) are refused outright (413). */
        @WithDefault("102400")
        int maxTextBytes();

        /** Characters of text per request, by caller tier ({@code anonymous} without an internal token). */
        Map<String, Integer> textLimits();

        /** The sentence each voice speaks for {@code GET /api/tts/sample/{voice}}. */
        @WithDefault("Hello! This is a sample of my voice, made by Sound Box.")
        String sampleText();

        /** Sample WAVs kept in memory (per voice and speaker). */
        @WithDefault("32")
        int sampleCacheSize();

        /** How long a request waits for Kafka to acknowledge the audio.created event. */
        @WithDefault("30s")
        Duration publishTimeout();

        /**
         * How long speech that was not saved to the library stays in the audio store (its {@code audio_url}
         * keeps working that long); older unsaved files are deleted, so one-off speech does not fill the disk.
         */
        @WithDefault("24h")
        Duration unsavedRetention();

        /** Unsaved speech up to this many WAV bytes is also returned inline as {@code audio_base64}. */
        @WithDefault("16777216")
        int inlineAudioMaxBytes();
    }

    interface InternalAuth {
        /** The gateway's public key (PEM); default {@code <data-dir>/keys/gateway-public.pem}. */
        Optional<Path> publicKeyPath();

        @WithDefault("soundbox-gateway")
        String issuer();

        @WithDefault("soundbox-internal")
        String audience();
    }

    interface Kafka {
        @WithDefault("1")
        short replicationFactor();

        @WithDefault("10000")
        long topicBootstrapTimeoutMs();
    }

    default Path voicesDir() {
        return tts().voicesDir().orElse(dataDir().resolve("voices")).toAbsolutePath().normalize();
    }

    default Path espeakCacheDir() {
        return tts().espeakCacheDir().orElse(dataDir().resolve("cache").resolve("espeak-ng")).toAbsolutePath().normalize();
    }

    default Path licensesFile() {
        return tts().licensesFile().orElse(voicesDir().resolve("voice-licenses.json"));
    }

    default Path internalPublicKey() {
        return internalAuth().publicKeyPath().orElse(dataDir().resolve("keys").resolve("gateway-public.pem"));
    }
}
