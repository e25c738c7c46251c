package io.soundbox.generation.engine.onnx;

import io.soundbox.testsupport.onnx.OnnxModelWriter;
import io.soundbox.testsupport.onnx.OnnxModelWriter.Attribute;
import io.soundbox.testsupport.onnx.OnnxModelWriter.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny stand-ins for the MusicGen/MAGNeT ONNX exports with the real input/output names, dtypes and
 * dynamic axes, whose outputs are known in closed form so a test can check every token:
 * <ul>
 * <li>tokenizer: word level, "calm"=3 ... so a prompt's mean token id is known;</li>
 * <li>text encoder: each token's hidden state is its id repeated {@link #DIM} times (masked to 0);</li>
 * <li>decoder: logits of row {@code n = row*4 + k} at absolute position {@code p} are 10 at token
 *     {@code (g + k + p) mod V} and 0 elsewhere, where {@code g = floor(mean(encoder_hidden_states[row]))}
 *     (0 for an unconditional row) and {@code p} counts the KV cache, so a lost cache shows;</li>
 * <li>EnCodec: every frame becomes {@link #HOP} samples of {@code sum_k code_k * V^k / V^4}.</li>
 * </ul>
 */
public final class TinyModels {
    static final int V = 16;
    static final int DIM = 4;
    static final int HEADS = 2;
    static final int HOP = 640;
    static final List<String> WORDS = List.of("<pad>", "</s>", "<unk>", "calm", "piano", "loud", "drums", "rain",
            "thunder", "deep", "bass", "bright", "synth", "wind", "fire", "birds");

    private TinyModels() {
    }

    static Path writeMusicGen(Path dir) throws IOException {
        return writeMusicGen(dir, V);
    }

    /** With a real-sized vocabulary (2048) for timing the loop; codes then do not round-trip EnCodec exactly. */
    public static Path writeMusicGen(Path dir, int vocabulary) throws IOException {
        Files.createDirectories(dir);
        writeTokenizer(dir.resolve("tokenizer.json"));
        textEncoder().write(dir.resolve("onnx/text_encoder.onnx"));
        mergedDecoder(vocabulary).write(dir.resolve("onnx/decoder_model_merged.onnx"));
        encodec(vocabulary).write(dir.resolve("onnx/encodec_decode.onnx"));
        return dir;
    }

    static Path writeMagnet(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeTokenizer(dir.resolve("tokenizer.json"));
        textEncoder().write(dir.resolve("text_encoder.onnx"));
        maskedDecoder().write(dir.resolve("decoder_model.onnx"));
        encodec().write(dir.resolve("encodec_decode.onnx"));
        return dir;
    }

    /** The prompt's conditioning shift {@code g} as the tiny decoder computes it. */
    static int shiftOf(String prompt) {
        String[] words = prompt.toLowerCase().split("\\s+");
        double sum = 0;
        for (String w : words) {
            int id = WORDS.indexOf(w);
            sum += id < 0 ? 2 : id;
        }
        return (int) Math.floor(sum / words.length);
    }

    static void writeTokenizer(Path file) throws IOException {
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < WORDS.size(); i++) {
            vocab.append(i == 0 ? "" : ",").append('"').append(WORDS.get(i)).append("\":").append(i);
        }
        Files.writeString(file, """
                {"version":"1.0","truncation":null,"padding":null,"added_tokens":[],
                 "normalizer":{"type":"Lowercase"},"pre_tokenizer":{"type":"Whitespace"},
                 "post_processor":null,"decoder":null,
                 "model":{"type":"WordLevel","vocab":{%s},"unk_token":"<unk>"}}
                """.formatted(vocab));
    }

    static OnnxModelWriter textEncoder() {
        float[] table = new float[WORDS.size() * DIM];
        for (int i = 0; i < WORDS.size(); i++) {
            for (int d = 0; d < DIM; d++) {
                table[i * DIM + d] = i;
            }
        }
        return new OnnxModelWriter("tiny_text_encoder")
                .input("input_ids", DataType.INT64, "batch_size", "encoder_sequence_length")
                .input("attention_mask", DataType.INT64, "batch_size", "encoder_sequence_length")
                .output("last_hidden_state", DataType.FLOAT, "batch_size", "encoder_sequence_length", DIM)
                .initializer("embedding", table, WORDS.size(), DIM)
                .constant("axis2", 2)
                .op("Gather", "embedded", List.of("embedding", "input_ids"), Attribute.i("axis", 0))
                .op("Cast", "mask_f", List.of("attention_mask"), Attribute.i("to", 1))
                .op("Unsqueeze", "mask_3d", List.of("mask_f", "axis2"))
                .op("Mul", "last_hidden_state", List.of("embedded", "mask_3d"));
    }

    /** Adds the nodes computing {@code logits [N, S, V]} for positions starting at {@code start} (0-d). */
    private static void logitsNodes(OnnxModelWriter m, String start, String length, int vocab) {
        m.constant("axes1", 1).constant("axes0", 0).constant("flat_col", -1, 1).scalar("one", 1L)
                .initializer("book_index", new long[] {0, 1, 2, 3}, 1, 4)
                .constant("vocab", vocab)
                .initializer("onehot_values", new float[] {0f, 10f}, 2)
                .op("ReduceMean", "mean_row", List.of("encoder_hidden_states"), Attribute.ints("axes", 1, 2),
                        Attribute.i("keepdims", 0))
                .op("Floor", "floor_row", List.of("mean_row"))
                .op("Cast", "g_row", List.of("floor_row"), Attribute.i("to", 7))
                .op("Unsqueeze", "g_row_col", List.of("g_row", "axes1"))
                .op("Add", "g_book", List.of("g_row_col", "book_index"))
                .op("Reshape", "g_n", List.of("g_book", "flat_col"))
                .op("Add", "end", List.of(start, length))
                .op("Range", "positions", List.of(start, "end", "one"))
                .op("Unsqueeze", "positions_row", List.of("positions", "axes0"))
                .op("Add", "token_index", List.of("g_n", "positions_row"))
                .op("Mod", "token", List.of("token_index", "vocab"))
                .op("OneHot", "onehot", List.of("token", "vocab", "onehot_values"), Attribute.i("axis", -1));
    }

    static OnnxModelWriter mergedDecoder() {
        return mergedDecoder(V);
    }

    static OnnxModelWriter mergedDecoder(int vocab) {
        String n = "batch_size_x_num_codebooks";
        OnnxModelWriter m = new OnnxModelWriter("tiny_musicgen_decoder")
                .input("encoder_attention_mask", DataType.INT64, "batch_size", "encoder_sequence_length")
                .input("input_ids", DataType.INT64, n, "decoder_sequence_length")
                .input("encoder_hidden_states", DataType.FLOAT, "batch_size", "encoder_sequence_length", DIM);
        for (String kind : List.of("decoder", "encoder")) {
            for (String kv : List.of("key", "value")) {
                m.input("past_key_values.0." + kind + "." + kv, DataType.FLOAT, "batch_size", HEADS,
                        "past_" + kind + "_sequence_length", DIM);
            }
        }
        m.input("use_cache_branch", DataType.BOOL, 1);
        m.output("logits", DataType.FLOAT, n, "decoder_sequence_length", vocab);
        for (String kind : List.of("decoder", "encoder")) {
            for (String kv : List.of("key", "value")) {
                m.output("present.0." + kind + "." + kv, DataType.FLOAT, "batch_size", HEADS,
                        "present_" + kind + "_sequence_length", DIM);
            }
        }
        m.scalar("idx2", 2L).scalar("idx1", 1L).constant("minus_one", -1).constant("four", 4)
                .constant("axes3", 3).constant("kv_expand", 1, HEADS, 1, DIM).constant("enc_expand", 1, HEADS, 1, 1)
                .scalar("zero_f", 0f)
                .op("Shape", "past_shape", List.of("past_key_values.0.decoder.key"))
                .op("Gather", "past_len", List.of("past_shape", "idx2"), Attribute.i("axis", 0))
                .op("Shape", "ids_shape", List.of("input_ids"))
                .op("Gather", "seq_len", List.of("ids_shape", "idx1"), Attribute.i("axis", 0));
        logitsNodes(m, "past_len", "seq_len", vocab);
        m.op("Cast", "branch_f", List.of("use_cache_branch"), Attribute.i("to", 1))
                .op("Mul", "branch_zero", List.of("branch_f", "zero_f"))
                .op("Add", "logits", List.of("onehot", "branch_zero"))
                // New decoder cache entries from the input ids: [rows, heads, S, dim].
                .op("Cast", "ids_f", List.of("input_ids"), Attribute.i("to", 1))
                .op("Unsqueeze", "seq_len_1d", List.of("seq_len", "axes0"))
                .op("Concat", "rows_books_seq", List.of("minus_one", "four", "seq_len_1d"), Attribute.i("axis", 0))
                .op("Reshape", "ids_rows", List.of("ids_f", "rows_books_seq"))
                .op("ReduceSum", "ids_sum", List.of("ids_rows", "axes1"), Attribute.i("keepdims", 1))
                .op("Unsqueeze", "ids_4d", List.of("ids_sum", "axes3"))
                .op("Expand", "new_kv", List.of("ids_4d", "kv_expand"))
                .op("Concat", "present.0.decoder.key", List.of("past_key_values.0.decoder.key", "new_kv"),
                        Attribute.i("axis", 2))
                .op("Concat", "present.0.decoder.value", List.of("past_key_values.0.decoder.value", "new_kv"),
                        Attribute.i("axis", 2))
                .op("Unsqueeze", "enc_4d", List.of("encoder_hidden_states", "axes1"))
                .op("Expand", "enc_kv", List.of("enc_4d", "enc_expand"))
                .op("Identity", "present.0.encoder.key", List.of("enc_kv"))
                .op("Identity", "present.0.encoder.value", List.of("enc_kv"));
        return m;
    }

    static OnnxModelWriter maskedDecoder() {
        String n = "batch_size_x_num_codebooks";
        OnnxModelWriter m = new OnnxModelWriter("tiny_magnet_decoder")
                .input("input_ids", DataType.INT64, n, "sequence_length")
                .input("encoder_hidden_states", DataType.FLOAT, "batch_size", "encoder_sequence_length", DIM)
                .input("encoder_attention_mask", DataType.INT64, "batch_size", "encoder_sequence_length")
                .output("logits", DataType.FLOAT, n, "sequence_length", V)
                .scalar("start", 0L).scalar("idx1", 1L).scalar("zero_f", 0f).constant("axes2", 2)
                .op("Shape", "ids_shape", List.of("input_ids"))
                .op("Gather", "seq_len", List.of("ids_shape", "idx1"), Attribute.i("axis", 0));
        logitsNodes(m, "start", "seq_len", V);
        m.op("Cast", "ids_f", List.of("input_ids"), Attribute.i("to", 1))
                .op("Mul", "ids_zero", List.of("ids_f", "zero_f"))
                .op("Unsqueeze", "ids_zero_3d", List.of("ids_zero", "axes2"))
                .op("Add", "logits", List.of("onehot", "ids_zero_3d"));
        return m;
    }

    static OnnxModelWriter encodec() {
        return encodec(V);
    }

    static OnnxModelWriter encodec(int vocab) {
        float base = (float) Math.pow(vocab, 4);
        float v = vocab;
        return new OnnxModelWriter("tiny_encodec")
                .input("audio_codes", DataType.INT64, 1, "batch_size", 4, "chunk_length")
                .output("audio_values", DataType.FLOAT, "batch_size", 1, "audio_length")
                .initializer("weights", new float[] {1 / base, v / base, v * v / base, v * v * v / base}, 1, 1, 4, 1)
                .constant("reduce_axes", 0, 2).constant("axes2", 2).constant("hop", 1, 1, HOP)
                .constant("out_shape", 0, 1, -1)
                .op("Cast", "codes_f", List.of("audio_codes"), Attribute.i("to", 1))
                .op("Mul", "weighted", List.of("codes_f", "weights"))
                .op("ReduceSum", "per_frame", List.of("weighted", "reduce_axes"), Attribute.i("keepdims", 0))
                .op("Unsqueeze", "per_frame_3d", List.of("per_frame", "axes2"))
                .op("Expand", "held", List.of("per_frame_3d", "hop"))
                .op("Reshape", "audio_values", List.of("held", "out_shape"));
    }

    /** Reads the 4 codes of frame {@code f} back out of the tiny EnCodec's audio. */
    static int[] codesAt(float[] audio, int frame) {
        long v = Math.round(audio[frame * HOP] * Math.pow(V, 4));
        int[] codes = new int[4];
        for (int k = 0; k < 4; k++) {
            codes[k] = (int) (v % V);
            v /= V;
        }
        return codes;
    }
}
