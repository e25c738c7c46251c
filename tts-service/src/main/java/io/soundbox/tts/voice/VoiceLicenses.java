package io.soundbox.tts.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * License records by voice id, from the bundled {@code voice-licenses.json} (Piper's public voices and
 * the built-in voices) with an operator's file laid over it. A record may be keyed by the full voice id
 * ({@code en_US-lessac-medium}) or by the id without its quality ({@code en_US-lessac}), since every
 * quality of a Piper dataset shares its license.
 */
public final class VoiceLicenses {
    public static final String BUNDLED = "/voice-licenses.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, VoiceLicense> byKey;

    public VoiceLicenses(Map<String, VoiceLicense> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** The bundled records, overridden entry by entry by {@code overrides} when that file exists. */
    public static VoiceLicenses load(Path overrides) {
        Map<String, VoiceLicense> records = new HashMap<>();
        try (InputStream in = VoiceLicenses.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + BUNDLED);
            }
            records.putAll(parse(JSON.readTree(in)));
            if (overrides != null && Files.isRegularFile(overrides)) {
                records.putAll(parse(JSON.readTree(overrides.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read voice licenses (" + overrides + ")", e);
        }
        return new VoiceLicenses(records);
    }

    static Map<String, VoiceLicense> parse(JsonNode root) {
        Map<String, VoiceLicense> out = new HashMap<>();
        JsonNode voices = root.has("voices") ? root.get("voices") : root;
        for (Iterator<Map.Entry<String, JsonNode>> it = voices.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), new VoiceLicense(text(v, "name"), v.path("commercial_ok").asBoolean(false),
                    text(v, "license"), text(v, "license_short"), text(v, "attribution"),
                    text(v, "attribution_url"), text(v, "license_url"), text(v, "license_warning")));
        }
        return out;
    }

    public VoiceLicense forVoice(String voiceId) {
        VoiceLicense exact = byKey.get(voiceId);
        if (exact != null) {
            return exact;
        }
        int dash = voiceId.lastIndexOf('-');
        if (dash > 0) {
            VoiceLicense family = byKey.get(voiceId.substring(0, dash));
            if (family != null) {
                return family;
            }
        }
        return VoiceLicense.unknown();
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
