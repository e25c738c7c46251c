package io.soundbox.generation.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MusicGen (music) and AudioGen (sound effects) on the transformers.js ONNX export: one token per
 * codebook per step from {@code decoder_model_merged.onnx}, feeding {@code present.*} back as
 * {@code past_key_values.*} (the merged model's {@code use_cache_branch} is false on the first step only),
 * the delay pattern over 4 codebooks, classifier-free guidance on a doubled batch and top-k sampling.
 */
public final class MusicGenEngine extends NeuralEngine {
    private static final String PAST = "past_key_values.";
    private static final String PRESENT = "present.";
    private static final java.util.Set<String> KNOWN_INPUTS = java.util.Set.of("input_ids", "encoder_hidden_states",
            "encoder_attention_mask", "use_cache_branch", "attention_mask");

    private List<String> pastNames = List.of();
    private Map<String, long[]> pastShapes = Map.of();
    private int vocabulary;
    private volatile LoopStats lastLoop = new LoopStats(0, 0, 0);

    /**
     * Timing of the last token loop: {@code loopNanos} in all, {@code decoderNanos} inside
     * {@code decoder.run}; the difference is this engine's own per-step overhead (tensors, sampling).
     */
    public record LoopStats(int steps, long loopNanos, long decoderNanos) {
        public double overheadMsPerStep() {
            return steps == 0 ? 0 : (loopNanos - decoderNanos) / 1e6 / steps;
        }

        public double decoderMsPerStep() {
            return steps == 0 ? 0 : decoderNanos / 1e6 / steps;
        }
    }

    public LoopStats lastLoopStats() {
        return lastLoop;
    }

    public MusicGenEngine(String name, Path dir, OrtSessions sessions, NeuralSettings settings) {
        super(name, ModelLayout.AUTOREGRESSIVE, dir, sessions, settings);
    }

    @Override
    protected void validate(OrtSession decoder) {
        try {
            Map<String, NodeInfo> inputs = requireConditionedDecoder(decoder);
            List<String> names = new ArrayList<>();
            Map<String, long[]> shapes = new HashMap<>();
            for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
                if (!e.getKey().startsWith(PAST)) {
                    if (!KNOWN_INPUTS.contains(e.getKey())) {
                        throw new ModelInstallException("decoder_model_merged.onnx has an input this engine cannot"
                                + " feed: " + e.getKey() + " (inputs: " + inputs.keySet() + ")");
                    }
                    continue;
                }
                String present = PRESENT + e.getKey().substring(PAST.length());
                if (!decoder.getOutputNames().contains(present)) {
                    throw new ModelInstallException("decoder has " + e.getKey() + " but no " + present + " output");
                }
                long[] shape = ((TensorInfo) e.getValue().getInfo()).getShape();
                if (shape.length != 4 || shape[1] <= 0 || shape[3] <= 0) {
                    throw new ModelInstallException(e.getKey() + " must be [batch, heads, sequence, head_dim] with"
                            + " fixed heads and head_dim, is " + java.util.Arrays.toString(shape));
                }
                names.add(e.getKey());
                shapes.put(e.getKey(), shape);
            }
            names.sort(null);
            this.pastNames = List.copyOf(names);
            this.pastShapes = shapes;
            this.vocabulary = vocabularyOf(decoder, 2048);
        } catch (OrtException e) {
            throw new ModelInstallException("cannot read the decoder's inputs: " + e.getMessage(), e);
        }
    }

    @Override
    protected long[][][] generateCodes(Loaded model, List<GenerationInput> inputs, int[] frames,
            SplittableRandom[] rngs, ProgressListener progress, CancellationCheck cancelled) throws OrtException {
        int batch = inputs.size();
        int books = settings.codebooks();
        boolean guided = settings.guided();
        int rows = guided ? 2 * batch : batch;
        int n = rows * books;
        int pad = vocabulary;
        int maxFrames = 0;
        for (int f : frames) {
            maxFrames = Math.max(maxFrames, f);
        }
        DelayPattern delay = new DelayPattern(books);
        int steps = delay.steps(maxFrames);
        long[][][] delayed = new long[batch][books][steps];
        TokenSampler sampler = new TokenSampler(settings.topK(), settings.temperature());
        float[] guidedLogits = new float[vocabulary];
        long[] ids = new long[n];
        java.util.Arrays.fill(ids, pad);
        OrtEnvironment env = environment();
        OrtSession decoder = model.decoder();
        boolean hasCacheBranch = decoder.getInputNames().contains("use_cache_branch");
        boolean hasDecoderMask = decoder.getInputNames().contains("attention_mask");

        List<String> prompts = inputs.stream().map(GenerationInput::prompt).toList();
        try (PromptEncoder.Encoded enc = model.prompts().encode(prompts, guided)) {
            Map<String, OnnxTensor> past = emptyPast(env, rows);
            OrtSession.Result previous = null;
            float[] logits = new float[n * vocabulary];
            long loopStart = System.nanoTime();
            long decoderNanos = 0;
            try {
                for (int step = 0; step < steps; step++) {
                    checkCancelled(cancelled);
                    Map<String, OnnxTensor> in = new HashMap<>(past);
                    try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {n, 1});
                            OnnxTensor branch = OnnxTensor.createTensor(env, new boolean[] {step > 0});
                            OnnxTensor decoderMask = hasDecoderMask ? onesMask(env, n, step + 1) : null) {
                        if (decoderMask != null) {
                            in.put("attention_mask", decoderMask);
                        }
                        in.put("input_ids", idsT);
                        in.put("encoder_hidden_states", enc.hiddenStates());
                        in.put("encoder_attention_mask", enc.attentionMask());
                        if (hasCacheBranch) {
                            in.put("use_cache_branch", branch);
                        }
                        long runStart = System.nanoTime();
                        OrtSession.Result result = decoder.run(in);
                        decoderNanos += System.nanoTime() - runStart;
                        readLastLogits(result, n, logits);
                        // The previous step's presents were this step's pasts: free them only now.
                        if (previous != null) {
                            previous.close();
                        } else {
                            past.values().forEach(OnnxTensor::close);
                        }
                        previous = result;
                        past = presentsOf(result);
                    }
                    for (int b = 0; b < batch; b++) {
                        for (int k = 0; k < books; k++) {
                            long token;
                            if (delay.isPadding(k, step, frames[b])) {
                                token = pad;
                            } else {
                                int cond = (b * books + k) * vocabulary;
                                if (guided) {
                                    int uncond = ((batch + b) * books + k) * vocabulary;
                                    TokenSampler.guide(logits, cond, logits, uncond, vocabulary,
                                            settings.guidanceScale(), guidedLogits);
                                    token = sampler.sample(guidedLogits, 0, vocabulary, rngs[b]);
                                } else {
                                    token = sampler.sample(logits, cond, vocabulary, rngs[b]);
                                }
                            }
                            delayed[b][k][step] = token;
                            ids[b * books + k] = token;
                            if (guided) {
                                ids[(batch + b) * books + k] = token;
                            }
                        }
                    }
                    progress.onProgress((step + 1) / (double) steps);
                }
                lastLoop = new LoopStats(steps, System.nanoTime() - loopStart, decoderNanos);
            } finally {
                if (previous != null) {
                    previous.close();
                } else {
                    past.values().forEach(OnnxTensor::close);
                }
            }
        }
        long[][][] codes = new long[batch][][];
        for (int b = 0; b < batch; b++) {
            long[][] undelayed = delay.undelay(delayed[b], maxFrames);
            codes[b] = undelayed;
            // Frames past a shorter item's end are padding: give EnCodec a valid code instead.
            for (int k = 0; k < books; k++) {
                for (int f = frames[b]; f < maxFrames; f++) {
                    codes[b][k][f] = 0;
                }
            }
        }
        return codes;
    }

    /** All-ones decoder mask {@code [rows, length]}, for exports that take one. */
    private static OnnxTensor onesMask(OrtEnvironment env, int rows, int length) throws OrtException {
        long[] ones = new long[rows * length];
        java.util.Arrays.fill(ones, 1L);
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ones), new long[] {rows, length});
    }

    /** Empty caches for the first step: {@code [rows, heads, 0, head_dim]}. */
    private Map<String, OnnxTensor> emptyPast(OrtEnvironment env, int rows) throws OrtException {
        Map<String, OnnxTensor> past = new HashMap<>();
        for (String name : pastNames) {
            long[] s = pastShapes.get(name);
            past.put(name, OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {rows, s[1], 0, s[3]}));
        }
        return past;
    }

    private Map<String, OnnxTensor> presentsOf(OrtSession.Result result) {
        Map<String, OnnxTensor> next = new HashMap<>();
        for (String name : pastNames) {
            OnnxValue v = result.get(PRESENT + name.substring(PAST.length())).orElseThrow();
            next.put(name, (OnnxTensor) v);
        }
        return next;
    }

    /** Copies the last position's logits of every row into {@code out} ({@code [rows * vocabulary]}). */
    private void readLastLogits(OrtSession.Result result, int rows, float[] out) throws OrtException {
        OnnxTensor t = (OnnxTensor) result.get("logits").orElseThrow();
        long[] shape = t.getInfo().getShape();
        int seq = (int) shape[1];
        int v = (int) shape[2];
        if (v != vocabulary || shape[0] != rows) {
            throw new ModelInstallException("decoder logits are " + java.util.Arrays.toString(shape) + ", expected ["
                    + rows + ", seq, " + vocabulary + "]");
        }
        FloatBuffer fb = t.getFloatBuffer();
        for (int r = 0; r < rows; r++) {
            fb.position((r * seq + seq - 1) * v);
            fb.get(out, r * v, v);
        }
    }
}
