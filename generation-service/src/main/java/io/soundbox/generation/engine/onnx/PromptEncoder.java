package io.soundbox.generation.engine.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * T5 tokenizer plus text encoder: prompts to {@code encoder_hidden_states} and
 * {@code encoder_attention_mask}. With guidance the batch is doubled as MusicGen's generate does it: the
 * prompts' rows, then as many unconditional rows of zeros with an all-zero mask.
 */
final class PromptEncoder implements AutoCloseable {
    /** T5's context in MusicGen; longer prompts are cut (the gateway allows 500 characters). */
    static final int MAX_TOKENS = 256;

    static {
        TokenizerNatives.useBundledCpuLibrary();
    }

    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession encoder;
    private final OrtEnvironment env;

    PromptEncoder(Path tokenizerJson, OrtSession encoder, OrtEnvironment env) {
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("maxLength", String.valueOf(MAX_TOKENS)));
        } catch (IOException | RuntimeException e) {
            throw new ModelInstallException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
        this.encoder = encoder;
        this.env = env;
    }

    /** Hidden states {@code [rows, tokens, dim]} and mask {@code [rows, tokens]}; the caller closes both. */
    record Encoded(OnnxTensor hiddenStates, OnnxTensor attentionMask, int rows) implements AutoCloseable {
        @Override
        public void close() {
            hiddenStates.close();
            attentionMask.close();
        }
    }

    Encoded encode(List<String> prompts, boolean withUnconditional) throws OrtException {
        int batch = prompts.size();
        long[][] ids = new long[batch][];
        int tokens = 1;
        for (int b = 0; b < batch; b++) {
            Encoding e = tokenizer.encode(prompts.get(b), true, false);
            long[] all = e.getIds();
            ids[b] = all.length > MAX_TOKENS ? java.util.Arrays.copyOf(all, MAX_TOKENS) : all;
            tokens = Math.max(tokens, ids[b].length);
        }
        // T5's pad id is 0; padded positions carry mask 0 and are zeroed below.
        long[] flatIds = new long[batch * tokens];
        long[] mask = new long[batch * tokens];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                flatIds[b * tokens + t] = ids[b][t];
                mask[b * tokens + t] = 1;
            }
        }
        float[] states;
        int dim;
        long[] shape2 = {batch, tokens};
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), shape2);
                OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape2)) {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", idsT);
            if (encoder.getInputNames().contains("attention_mask")) {
                in.put("attention_mask", maskT);
            }
            try (OrtSession.Result r = encoder.run(in)) {
                OnnxTensor out = (OnnxTensor) r.get("last_hidden_state").orElseThrow(
                        () -> new ModelInstallException("text encoder has no last_hidden_state output"));
                long[] shape = out.getInfo().getShape();
                dim = (int) shape[2];
                FloatBuffer fb = out.getFloatBuffer();
                states = new float[fb.remaining()];
                fb.get(states);
            }
        }
        int rows = withUnconditional ? 2 * batch : batch;
        float[] allStates = new float[rows * tokens * dim];
        long[] allMask = new long[rows * tokens];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < tokens; t++) {
                long m = mask[b * tokens + t];
                allMask[b * tokens + t] = m;
                // MusicGen multiplies the encoder output by the mask so padding contributes nothing.
                if (m != 0) {
                    System.arraycopy(states, (b * tokens + t) * dim, allStates, (b * tokens + t) * dim, dim);
                }
            }
        }
        OnnxTensor hs = OnnxTensor.createTensor(env, FloatBuffer.wrap(allStates), new long[] {rows, tokens, dim});
        OnnxTensor am = OnnxTensor.createTensor(env, LongBuffer.wrap(allMask), new long[] {rows, tokens});
        return new Encoded(hs, am, rows);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
