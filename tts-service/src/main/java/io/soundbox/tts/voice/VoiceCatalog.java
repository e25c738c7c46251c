package io.soundbox.tts.voice;

import io.soundbox.tts.piper.PiperVoiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The voices this service can speak with: the built-in ones (no weights) and every {@code X.onnx} with
 * its {@code X.onnx.json} under the voices directory (subfolders included, as Piper's own voice tree
 * nests them). The folder is scanned again at most every {@code refresh}, so voices an operator drops
 * in appear without a restart. Thread-safe: a scan builds a new immutable map and swaps it in.
 */
public final class VoiceCatalog {
    private static final Logger LOG = Logger.getLogger(VoiceCatalog.class);
    /** Voice ids end up in file names and URLs. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final int MAX_DEPTH = 5;

    private final Path voicesDir;
    private final List<VoiceEntry> builtins;
    private final Duration refresh;
    private final Clock clock;
    private volatile Map<String, VoiceEntry> voices = Map.of();
    private volatile long scannedAt = Long.MIN_VALUE;

    public VoiceCatalog(Path voicesDir, List<VoiceEntry> builtins, Duration refresh, Clock clock) {
        this.voicesDir = voicesDir;
        this.builtins = List.copyOf(builtins);
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Every voice: Piper voices sorted by id, then the built-in voices. */
    public List<VoiceEntry> list() {
        return List.copyOf(current().values());
    }

    public Optional<VoiceEntry> find(String id) {
        return Optional.ofNullable(current().get(id));
    }

    public Path voicesDir() {
        return voicesDir;
    }

    /** Forces the next lookup to scan the folder again. */
    public void invalidate() {
        scannedAt = Long.MIN_VALUE;
    }

    private Map<String, VoiceEntry> current() {
        long now = clock.millis();
        if (scannedAt == Long.MIN_VALUE || now - scannedAt >= refresh.toMillis()) {
            synchronized (this) {
                if (scannedAt == Long.MIN_VALUE || now - scannedAt >= refresh.toMillis()) {
                    voices = scan();
                    scannedAt = now;
                }
            }
        }
        return voices;
    }

    private Map<String, VoiceEntry> scan() {
        Map<String, VoiceEntry> found = new LinkedHashMap<>();
        List<Path> models = new ArrayList<>();
        if (Files.isDirectory(voicesDir)) {
            try (Stream<Path> walk = Files.walk(voicesDir, MAX_DEPTH)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".onnx") && Files.isRegularFile(p))
                        .forEach(models::add);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("cannot list voices under %s: %s", voicesDir, e.getMessage());
            }
        }
        Collections.sort(models);
        for (Path model : models) {
            String file = model.getFileName().toString();
            String id = file.substring(0, file.length() - ".onnx".length());
            Path config = model.resolveSibling(file + ".json");
            if (!ID.matcher(id).matches() || !Files.isRegularFile(config)) {
                LOG.debugf("skipping %s: no %s or an id that is not [A-Za-z0-9_.-]", model, config.getFileName());
                continue;
            }
            if (found.containsKey(id)) {
                LOG.warnf("voice %s exists twice; using %s, ignoring %s", id, found.get(id).model(), model);
                continue;
            }
            try {
                found.put(id, piperEntry(id, model, config));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("skipping voice %s: %s", id, e.getMessage());
            }
        }
        for (VoiceEntry b : builtins) {
            found.putIfAbsent(b.id(), b);
        }
        return Collections.unmodifiableMap(found);
    }

    static VoiceEntry piperEntry(String id, Path model, Path config) throws IOException {
        PiperVoiceConfig piper = PiperVoiceConfig.read(config);
        String[] parts = id.split("-");
        String locale = piper.languageCode() != null ? piper.languageCode()
                : parts.length > 1 ? parts[0] : piper.espeakVoice();
        String quality = piper.quality() != null ? piper.quality() : parts.length > 2 ? parts[parts.length - 1] : null;
        String dataset = piper.dataset() != null ? piper.dataset() : parts.length > 1 ? parts[1] : id;
        String version = Files.getLastModifiedTime(model).toMillis() + ":" + Files.size(model) + ":"
                + Files.getLastModifiedTime(config).toMillis();
        return new VoiceEntry(id, displayName(dataset, locale, quality), locale, quality, piper.sampleRate(),
                VoiceEngineKind.PIPER, piper.speakers(), model, version, piper);
    }

    static String displayName(String dataset, String locale, String quality) {
        StringBuilder name = new StringBuilder();
        for (String word : dataset.replace('_', ' ').split(" ")) {
            if (!word.isEmpty()) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        name.append(" (").append(locale);
        if (quality != null) {
            name.append(", ").append(quality);
        }
        return name.append(')').toString();
    }
}
