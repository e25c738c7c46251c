package io.soundbox.tts.piper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Piper voice's {@code <voice>.onnx.json}: what synthesis needs (sample rate, espeak-ng voice, scales,
 * phoneme-id map, speakers) and what the catalog shows (language, quality, dataset).
 *
 * @param speakers    speaker names in speaker-id order; a single-speaker voice has none
 * @param phonemeMap  optional {@code phoneme_map}: a phoneme's code point to the code points replacing it
 */
public record PiperVoiceConfig(int sampleRate, String quality, String phonemeType, String espeakVoice, String languageCode,
                               String dataset, float noiseScale, float lengthScale, float noiseW,
                               Map<Integer, int[]> phonemeIdMap, int numSpeakers, List<String> speakers,
                               Map<Integer, int[]> phonemeMap) {
    /** Piper's {@code phoneme_type} for voices trained on letters instead of espeak-ng phonemes. */
    public static final String TEXT_PHONEMES = "text";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PiperVoiceConfig read(Path file) throws IOException {
        return parse(JSON.readTree(file.toFile()), file.toString());
    }

    public static PiperVoiceConfig parse(JsonNode root, String where) {
        JsonNode audio = root.path("audio");
        int sampleRate = audio.path("sample_rate").asInt(22050);
        if (sampleRate < 8000 || sampleRate > 96000) {
            throw new IllegalArgumentException(where + ": audio.sample_rate " + sampleRate + " is not plausible");
        }
        String phonemeType = root.path("phoneme_type").asText("espeak");
        String espeakVoice = root.path("espeak").path("voice").asText("");
        if (espeakVoice.isBlank() && !phonemeType.equals(TEXT_PHONEMES)) {
            throw new IllegalArgumentException(where + ": espeak.voice is missing");
        }
        JsonNode inference = root.path("inference");
        Map<Integer, int[]> idMap = new LinkedHashMap<>();
        JsonNode map = root.path("phoneme_id_map");
        if (!map.isObject() || map.isEmpty()) {
            throw new IllegalArgumentException(where + ": phoneme_id_map is missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String symbol = e.getKey();
            if (symbol.codePointCount(0, symbol.length()) != 1) {
                continue; // Piper maps single code points only.
            }
            JsonNode ids = e.getValue();
            int[] values = new int[ids.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ids.get(i).asInt();
            }
            idMap.put(symbol.codePointAt(0), values);
        }
        Map<Integer, int[]> phonemeMap = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("phoneme_map").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().codePointCount(0, e.getKey().length()) != 1 || !e.getValue().isArray()) {
                continue; // Piper maps single code points to lists of single code points.
            }
            List<Integer> to = new ArrayList<>();
            for (JsonNode p : e.getValue()) {
                String s = p.asText("");
                if (s.codePointCount(0, s.length()) == 1) {
                    to.add(s.codePointAt(0));
                }
            }
            phonemeMap.put(e.getKey().codePointAt(0), to.stream().mapToInt(Integer::intValue).toArray());
        }
        int numSpeakers = Math.max(1, root.path("num_speakers").asInt(1));
        List<String> speakers = new ArrayList<>();
        if (numSpeakers > 1) {
            String[] byId = new String[numSpeakers];
            root.path("speaker_id_map").fields().forEachRemaining(e -> {
                int id = e.getValue().asInt(-1);
                if (id >= 0 && id < byId.length) {
                    byId[id] = e.getKey();
                }
            });
            for (int i = 0; i < byId.length; i++) {
                speakers.add(byId[i] == null ? Integer.toString(i) : byId[i]);
            }
        }
        JsonNode language = root.path("language");
        return new PiperVoiceConfig(sampleRate, audio.path("quality").asText(null), phonemeType, espeakVoice,
                language.path("code").asText(null), root.path("dataset").asText(null),
                (float) inference.path("noise_scale").asDouble(0.667),
                (float) inference.path("length_scale").asDouble(1.0),
                (float) inference.path("noise_w").asDouble(0.8),
                Collections.unmodifiableMap(idMap), numSpeakers, List.copyOf(speakers),
                Collections.unmodifiableMap(phonemeMap));
    }

    public boolean textPhonemes() {
        return TEXT_PHONEMES.equals(phonemeType);
    }

    public boolean multiSpeaker() {
        return numSpeakers > 1;
    }
}
