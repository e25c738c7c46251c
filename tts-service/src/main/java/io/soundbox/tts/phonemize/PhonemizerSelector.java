package io.soundbox.tts.phonemize;

import java.nio.file.Path;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Picks the phonemizer once, on first use (unpacking the bundled espeak-ng takes a moment and is only
 * needed when a Piper voice speaks): {@code bundled} is Piper's own patched espeak-ng from piper-jni
 * through JNA (exact Piper phonemes); {@code command} is the system's {@code espeak-ng} process;
 * {@code auto} tries the bundled one and falls back to the command. Thread-safe.
 */
public final class PhonemizerSelector {
    private static final Logger LOG = Logger.getLogger(PhonemizerSelector.class);

    private final String mode;
    private final Path cacheDir;
    private final String command;
    private volatile Phonemizer chosen;

    public PhonemizerSelector(String mode, Path cacheDir, String command) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.cacheDir = cacheDir;
        this.command = command;
        if (!this.mode.equals("auto") && !this.mode.equals("bundled") && !this.mode.equals("command")) {
            throw new IllegalArgumentException("soundbox.tts.phonemizer must be auto, bundled or command, not " + mode);
        }
    }

    public Phonemizer get() {
        Phonemizer p = chosen;
        if (p == null) {
            synchronized (this) {
                if (chosen == null) {
                    chosen = choose();
                    LOG.infof("Piper phonemes from %s", chosen.name());
                }
                p = chosen;
            }
        }
        return p;
    }

    private Phonemizer choose() {
        PhonemizerException bundledFailure = null;
        if (!mode.equals("command")) {
            if (BundledEspeak.available()) {
                try {
                    return EspeakLibraryPhonemizer.load(cacheDir);
                } catch (PhonemizerException | java.io.UncheckedIOException e) {
                    bundledFailure = new PhonemizerException(e.getMessage(), e);
                }
            } else {
                bundledFailure = new PhonemizerException("piper-jni has no espeak-ng for this platform");
            }
            if (mode.equals("bundled")) {
                throw bundledFailure;
            }
            LOG.warnf("bundled espeak-ng unavailable (%s); trying the %s command", bundledFailure.getMessage(), command);
        }
        if (EspeakProcessPhonemizer.available(command)) {
            return new EspeakProcessPhonemizer(command);
        }
        throw new PhonemizerException("no espeak-ng for Piper voices: "
                + (bundledFailure != null ? bundledFailure.getMessage() + "; " : "")
                + "no '" + command + "' command either (install the espeak-ng package)");
    }
}
