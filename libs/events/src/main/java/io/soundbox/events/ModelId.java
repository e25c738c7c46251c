package io.soundbox.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The generation models, with the wire names of the original Sound Box API. */
public enum ModelId {
    MUSIC("music", AudioKind.MUSIC),
    AUDIO("audio", AudioKind.SFX),
    MAGNET_MUSIC("magnet-music", AudioKind.MUSIC),
    MAGNET_AUDIO("magnet-audio", AudioKind.SFX);

    private final String wireName;
    private final AudioKind kind;

    ModelId(String wireName, AudioKind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public AudioKind kind() {
        return kind;
    }

    /**
     * Parses an API model name, accepting the documented aliases: {@code sfx} for {@code audio} and
     * {@code magnet} for {@code magnet-music}.
     */
    public static Optional<ModelId> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "sfx":
                return Optional.of(AUDIO);
            case "magnet":
                return Optional.of(MAGNET_MUSIC);
            case "magnet-sfx":
                return Optional.of(MAGNET_AUDIO);
            default:
                for (ModelId m : values()) {
                    if (m.wireName.equals(n)) {
                        return Optional.of(m);
                    }
                }
                return Optional.empty();
        }
    }

    @JsonCreator
    static ModelId fromJson(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown model: " + name));
    }
}
