package io.soundbox.generation.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MAGNeT: non-autoregressive masked decoding over the same 4 codebooks. Codebook by codebook, every
 * frame starts as the mask token; each step runs the non-causal decoder over the whole sequence, samples
 * the masked positions (guidance annealed from {@code magnetMaxGuidance} to {@code magnetMinGuidance},
 * temperature annealed toward 0) and re-masks the least confident ones, following the cosine schedule
 * {@code masked = floor(frames * cos(pi/2 * (step+1)/steps))}, which reaches 0 on the last step.
 * Audiocraft's span masking is not reproduced: tokens are masked one by one.
 */
public final class MagnetEngine extends NeuralEngine {
    private int vocabulary;

    public MagnetEngine(String name, Path dir, OrtSessions sessions, NeuralSettings settings) {
        super(name, ModelLayout.MASKED, dir, sessions, settings);
    }

    @Override
    protected void validate(OrtSession decoder) {
        try {
            requireConditionedDecoder(decoder);
            vocabulary = vocabularyOf(decoder, 2048);
        } catch (OrtException e) {
            throw new ModelInstallException("cannot read the decoder's inputs: " + e.getMessage(), e);
        }
    }

    /** Masked positions after step {@code step} of {@code steps} for a sequence of {@code frames}. */
    static int maskedAfter(int step, int steps, int frames) {
        if (step >= steps - 1) {
            return 0;
        }
        return (int) Math.floor(frames * Math.cos(Math.PI / 2 * (step + 1) / steps));
    }

    @Override
    protected long[][][] generateCodes(Loaded model, List<GenerationInput> inputs, int[] frames,
            SplittableRandom[] rngs, ProgressListener progress, CancellationCheck cancelled) throws OrtException {
        int batch = inputs.size();
        int books = settings.codebooks();
        boolean guided = settings.guided() || settings.magnetMaxGuidance() != 1.0;
        int rows = guided ? 2 * batch : batch;
        int n = rows * books;
        int mask = vocabulary;
        int length = Arrays.stream(frames).max().orElse(1);
        long[] ids = new long[n * length];
        Arrays.fill(ids, mask);
        int totalSteps = 0;
        for (int k = 0; k < books; k++) {
            totalSteps += settings.magnetStepsFor(k);
        }
        OrtEnvironment env = environment();
        float[] logits = new float[n * length * vocabulary];
        float[] guidedLogits = new float[vocabulary];
        int done = 0;
        List<String> prompts = inputs.stream().map(GenerationInput::prompt).toList();
        try (PromptEncoder.Encoded enc = model.prompts().encode(prompts, guided)) {
            for (int k = 0; k < books; k++) {
                int steps = settings.magnetStepsFor(k);
                boolean[][] masked = new boolean[batch][length];
                for (boolean[] m : masked) {
                    Arrays.fill(m, true);
                }
                for (int step = 0; step < steps; step++) {
                    checkCancelled(cancelled);
                    runDecoder(model.decoder(), env, enc, ids, n, length, logits);
                    double progressOfStage = step / (double) steps;
                    double scale = settings.magnetMaxGuidance() * (1 - progressOfStage)
                            + settings.magnetMinGuidance() * progressOfStage;
                    double temperature = Math.max(0.01, settings.temperature() * (1 - progressOfStage));
                    TokenSampler sampler = new TokenSampler(settings.topK(), temperature);
                    for (int b = 0; b < batch; b++) {
                        List<double[]> candidates = new ArrayList<>();
                        for (int t = 0; t < length; t++) {
                            if (!masked[b][t]) {
                                continue;
                            }
                            int cond = ((b * books + k) * length + t) * vocabulary;
                            float[] src = logits;
                            int off = cond;
                            if (guided) {
                                int uncond = (((batch + b) * books + k) * length + t) * vocabulary;
                                TokenSampler.guide(logits, cond, logits, uncond, vocabulary, scale, guidedLogits);
                                src = guidedLogits;
                                off = 0;
                            }
                            int token = sampler.sample(src, off, vocabulary, rngs[b]);
                            double confidence = sampler.probability(src, off, vocabulary, token);
                            candidates.add(new double[] {t, token, confidence});
                        }
                        int remask = Math.min(candidates.size(), maskedAfter(step, steps, length));
                        // Least confident first; ties by position so the result is deterministic.
                        candidates.sort(Comparator.<double[]>comparingDouble(c -> c[2]).thenComparingDouble(c -> c[0]));
                        for (int c = 0; c < candidates.size(); c++) {
                            int t = (int) candidates.get(c)[0];
                            long token = c < remask ? mask : (long) candidates.get(c)[1];
                            masked[b][t] = c < remask;
                            ids[(b * books + k) * length + t] = token;
                            if (guided) {
                                ids[((batch + b) * books + k) * length + t] = token;
                            }
                        }
                    }
                    done++;
                    progress.onProgress(done / (double) totalSteps);
                }
            }
        }
        long[][][] codes = new long[batch][books][length];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < books; k++) {
                System.arraycopy(ids, (b * books + k) * length, codes[b][k], 0, length);
            }
        }
        return codes;
    }

    private void runDecoder(OrtSession decoder, OrtEnvironment env, PromptEncoder.Encoded enc, long[] ids, int n,
            int length, float[] out) throws OrtException {
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {n, length});
                OrtSession.Result r = decoder.run(Map.of("input_ids", idsT,
                        "encoder_hidden_states", enc.hiddenStates(), "encoder_attention_mask", enc.attentionMask()))) {
            OnnxTensor logits = (OnnxTensor) r.get("logits").orElseThrow();
            long[] shape = logits.getInfo().getShape();
            if (shape[0] != n || shape[1] != length || shape[2] != vocabulary) {
                throw new ModelInstallException("decoder logits are " + Arrays.toString(shape) + ", expected ["
                        + n + ", " + length + ", " + vocabulary + "]");
            }
            FloatBuffer fb = logits.getFloatBuffer();
            fb.get(out, 0, n * length * vocabulary);
        }
    }
}
