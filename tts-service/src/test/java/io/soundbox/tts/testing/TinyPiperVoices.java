package io.soundbox.tts.testing;

import static io.soundbox.testsupport.onnx.OnnxModelWriter.Attribute.i;

import io.soundbox.testsupport.onnx.OnnxModelWriter;
import io.soundbox.testsupport.onnx.OnnxModelWriter.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes tiny voices with a real Piper export's signature ({@code input}, {@code input_lengths},
 * {@code scales}, optional {@code sid} → {@code output} [1,1,1,T]) and a real-shaped {@code .onnx.json}.
 * The model says {@code SAMPLES_PER_ID × length_scale × (sid + 1)} samples for every input id, so a
 * test knows exactly how long the audio must be.
 */
public final class TinyPiperVoices {
    public static final int SAMPLES_PER_ID = 256;
    public static final int SAMPLE_RATE = 22050;
    public static final String SINGLE = "en_US-tiny-low";
    public static final String MULTI = "en_US-tinymulti-low";
    public static final List<String> MULTI_SPEAKERS = List.of("alice", "bob", "carol");

    /**
     * Piper's English phoneme-id map (the ids every en_US voice ships), enough for the tests' sentences:
     * specials, punctuation, Latin letters and the IPA symbols espeak-ng emits for English.
     */
    public static final Map<String, Integer> EN_IDS = Map.ofEntries(
            Map.entry("_", 0), Map.entry("^", 1), Map.entry("$", 2), Map.entry(" ", 3), Map.entry("!", 4),
            Map.entry("'", 5), Map.entry("(", 6), Map.entry(")", 7), Map.entry(",", 8), Map.entry("-", 9),
            Map.entry(".", 10), Map.entry(":", 11), Map.entry(";", 12), Map.entry("?", 13), Map.entry("a", 14),
            Map.entry("b", 15), Map.entry("c", 16), Map.entry("d", 17), Map.entry("e", 18), Map.entry("f", 19),
            Map.entry("h", 20), Map.entry("i", 21), Map.entry("j", 22), Map.entry("k", 23), Map.entry("l", 24),
            Map.entry("m", 25), Map.entry("n", 26), Map.entry("o", 27), Map.entry("p", 28), Map.entry("q", 29),
            Map.entry("r", 30), Map.entry("s", 31), Map.entry("t", 32), Map.entry("u", 33), Map.entry("v", 34),
            Map.entry("w", 35), Map.entry("x", 36), Map.entry("y", 37), Map.entry("z", 38), Map.entry("æ", 39),
            Map.entry("ç", 40), Map.entry("ð", 41), Map.entry("ø", 42), Map.entry("ŋ", 44), Map.entry("ɐ", 50),
            Map.entry("ɑ", 51), Map.entry("ɒ", 52), Map.entry("ɔ", 54), Map.entry("ə", 59), Map.entry("ɚ", 60),
            Map.entry("ɛ", 61), Map.entry("ɜ", 62), Map.entry("ɡ", 66), Map.entry("ɪ", 74), Map.entry("ɹ", 88),
            Map.entry("ɾ", 92), Map.entry("ʃ", 96), Map.entry("ʊ", 100), Map.entry("ʌ", 102), Map.entry("ʒ", 108),
            Map.entry("ʔ", 109), Map.entry("ˈ", 120), Map.entry("ˌ", 121), Map.entry("ː", 122), Map.entry("θ", 126),
            Map.entry("ᵻ", 128), Map.entry("\u0327", 140));

    private TinyPiperVoices() {
    }

    /** Writes both tiny voices into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        write(dir, SINGLE, false);
        write(dir, MULTI, true);
    }

    public static Path write(Path dir, String id, boolean multiSpeaker) throws IOException {
        Files.createDirectories(dir);
        model(multiSpeaker).write(dir.resolve(id + ".onnx"));
        Files.writeString(dir.resolve(id + ".onnx.json"), config(multiSpeaker));
        return dir.resolve(id + ".onnx");
    }

    static OnnxModelWriter model(boolean multiSpeaker) {
        OnnxModelWriter m = new OnnxModelWriter("tiny-piper")
                .input("input", DataType.INT64, 1, "phonemes")
                .input("input_lengths", DataType.INT64, 1)
                .input("scales", DataType.FLOAT, 3);
        if (multiSpeaker) {
            m.input("sid", DataType.INT64, 1);
        }
        m.output("output", DataType.FLOAT, 1, 1, 1, "time")
                .scalar("one_idx", 1L)
                .scalar("per_id", (float) SAMPLES_PER_ID)
                .constant("shape_1", 1)
                .constant("ones", 1)
                .constant("zero", 0)
                .constant("axes_2", 2)
                .constant("out_shape", 1, 1, 1, -1)
                .scalar("gain", 0.01f)
                // samples per id = int(length_scale * 256) ...
                .op("Gather", "length_scale", List.of("scales", "one_idx"), i("axis", 0))
                .op("Mul", "per_id_f", List.of("length_scale", "per_id"))
                .op("Cast", "per_id_i", List.of("per_id_f"), i("to", 7))
                .op("Reshape", "per_id_v", List.of("per_id_i", "shape_1"))
                // ... plus input_lengths × 0, so the input is consumed as in a real export ...
                .op("Mul", "len_zero", List.of("input_lengths", "zero"))
                .op("Add", "per_id_l", List.of("per_id_v", "len_zero"));
        String repeat = "per_id_l";
        if (multiSpeaker) {
            // ... times (sid + 1).
            m.op("Add", "speaker_factor", List.of("sid", "ones"))
                    .op("Mul", "per_id_s", List.of("per_id_l", "speaker_factor"));
            repeat = "per_id_s";
        }
        return m.op("Concat", "repeats", List.of("ones", "ones", repeat), i("axis", 0))
                .op("Cast", "ids_f", List.of("input"), i("to", 1))
                .op("Unsqueeze", "ids_3d", List.of("ids_f", "axes_2"))
                .op("Tile", "tiled", List.of("ids_3d", "repeats"))
                .op("Mul", "scaled", List.of("tiled", "gain"))
                .op("Sin", "wave", List.of("scaled"))
                .op("Reshape", "output", List.of("wave", "out_shape"));
    }

    static String config(boolean multiSpeaker) {
        String ids = EN_IDS.entrySet().stream()
                .map(e -> json(e.getKey()) + ": [" + e.getValue() + "]")
                .collect(Collectors.joining(", "));
        String speakers = multiSpeaker
                ? "\"num_speakers\": 3, \"speaker_id_map\": {\"alice\": 0, \"bob\": 1, \"carol\": 2},"
                : "\"num_speakers\": 1, \"speaker_id_map\": {},";
        return """
                {
                  "dataset": "%s",
                  "audio": {"sample_rate": %d, "quality": "low"},
                  "espeak": {"voice": "en-us"},
                  "language": {"code": "en_US", "family": "en", "region": "US"},
                  "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
                  "phoneme_type": "espeak",
                  "phoneme_map": {},
                  %s
                  "phoneme_id_map": {%s},
                  "piper_version": "1.0.0"
                }
                """.formatted(multiSpeaker ? "tinymulti" : "tiny", SAMPLE_RATE, speakers, ids);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
