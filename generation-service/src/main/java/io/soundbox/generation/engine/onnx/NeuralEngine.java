package io.soundbox.generation.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * What MusicGen-style engines share: lazy loading of tokenizer, text encoder, decoder and EnCodec
 * sessions (first use or {@link #load()}, released by {@link #close()}), batching, trimming to the exact
 * length and loop crossfades. Subclasses turn prompts into codebook tokens. One generation at a time
 * (calls are serialised): a second concurrent pass would only compete for the same accelerator.
 */
public abstract class NeuralEngine implements AudioEngine {
    private static final Logger LOG = Logger.getLogger(NeuralEngine.class.getName());
    /** The original's loop rule: 0.5 s of the continuation crossfaded into the head. */
    static final double LOOP_CROSSFADE_SECONDS = 0.5;

    private final String name;
    private final ModelLayout layout;
    private final java.nio.file.Path dir;
    private final OrtSessions sessions;
    protected final NeuralSettings settings;
    /** Written under the engine's lock; volatile so that GET /models reads it without waiting for a generation. */
    private volatile Loaded loaded;

    protected NeuralEngine(String name, ModelLayout layout, java.nio.file.Path dir, OrtSessions sessions,
            NeuralSettings settings) {
        this.name = name;
        this.layout = layout;
        this.dir = dir;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** The sessions of one loaded model; the decoder is the subclass's business. */
    protected record Loaded(PromptEncoder prompts, OrtSession textEncoder, OrtSession decoder,
            EncodecDecoder encodec, OrtSession encodecSession, OrtSessions.Device device) implements AutoCloseable {
        @Override
        public void close() {
            prompts.close();
            for (OrtSession s : List.of(textEncoder, decoder, encodecSession)) {
                try {
                    s.close();
                } catch (OrtException e) {
                    LOG.warning("closing an ONNX session failed: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int sampleRate() {
        return settings.sampleRate();
    }

    @Override
    public boolean supportsBatching() {
        return true;
    }

    @Override
    public int maxBatchSize() {
        return settings.maxBatchSize();
    }

    @Override
    public int maxDurationSeconds() {
        return settings.maxDurationSeconds();
    }

    /** The model files' size plus a third for activations and the KV cache: a planning estimate. */
    @Override
    public long memoryBytes() {
        try {
            return layout.require(dir).totalBytes() * 4 / 3;
        } catch (ModelInstallException e) {
            // Files gone since selection: loading will say which; nothing to budget meanwhile.
            return 0;
        }
    }

    /** Opens the sessions now (the model lifecycle preloads); throws {@link ModelInstallException}. */
    public synchronized void load() {
        if (loaded != null) {
            return;
        }
        ModelLayout.ModelFiles files = layout.require(dir);
        List<OrtSession> opened = new ArrayList<>();
        try {
            OrtSessions.Opened text = sessions.open(files.textEncoder());
            opened.add(text.session());
            OrtSessions.Opened decoder = sessions.open(files.decoder());
            opened.add(decoder.session());
            OrtSessions.Opened encodec = sessions.open(files.encodec());
            opened.add(encodec.session());
            validate(decoder.session());
            PromptEncoder prompts = new PromptEncoder(files.tokenizer(), text.session(), sessions.environment());
            loaded = new Loaded(prompts, text.session(), decoder.session(),
                    new EncodecDecoder(encodec.session(), sessions.environment()), encodec.session(), decoder.device());
            LOG.info(() -> name + " loaded from " + dir + " on " + decoder.device());
        } catch (RuntimeException e) {
            for (OrtSession s : opened) {
                try {
                    s.close();
                } catch (OrtException ignored) {
                    // Already failing; the original error is what the operator needs.
                }
            }
            throw e;
        }
    }

    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    /** Where the decoder runs, or empty before loading. Lock-free: a generation holds the lock for minutes. */
    @Override
    public java.util.Optional<String> device() {
        return java.util.Optional.ofNullable(loaded).map(l -> l.device().wireName());
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    /** Checks the decoder's inputs and outputs against the contract; throws {@link ModelInstallException}. */
    protected abstract void validate(OrtSession decoder);

    /**
     * Tokens for every input: {@code [batch][codebook][frame]} with {@code frames[b]} valid frames each
     * (the array is as long as the longest).
     */
    protected abstract long[][][] generateCodes(Loaded model, List<GenerationInput> inputs, int[] frames,
            SplittableRandom[] rngs, ProgressListener progress, CancellationCheck cancelled) throws OrtException;

    @Override
    public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
        return generateBatch(List.of(input), progress, cancelled).get(0);
    }

    @Override
    public synchronized List<PcmBuffer> generateBatch(List<GenerationInput> inputs, ProgressListener progress,
            CancellationCheck cancelled) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        for (GenerationInput in : inputs) {
            if (in.durationSeconds() > settings.maxDurationSeconds()) {
                throw new IllegalArgumentException(name + " generates at most " + settings.maxDurationSeconds()
                        + " s, asked for " + in.durationSeconds() + " s");
            }
        }
        load();
        List<PcmBuffer> out = new ArrayList<>(inputs.size());
        int chunks = (inputs.size() + settings.maxBatchSize() - 1) / settings.maxBatchSize();
        for (int c = 0; c < chunks; c++) {
            List<GenerationInput> chunk = inputs.subList(c * settings.maxBatchSize(),
                    Math.min(inputs.size(), (c + 1) * settings.maxBatchSize()));
            int done = c;
            out.addAll(runChunk(chunk, f -> progress.onProgress((done + f) / chunks), cancelled));
        }
        progress.onProgress(1.0);
        return out;
    }

    private List<PcmBuffer> runChunk(List<GenerationInput> chunk, ProgressListener progress,
            CancellationCheck cancelled) {
        int batch = chunk.size();
        int[] frames = new int[batch];
        SplittableRandom[] rngs = new SplittableRandom[batch];
        for (int b = 0; b < batch; b++) {
            frames[b] = settings.framesFor(renderSeconds(chunk.get(b)));
            // One generator per request: a job sounds the same alone or batched with others.
            rngs[b] = new SplittableRandom(chunk.get(b).seed());
        }
        try {
            long[][][] codes = generateCodes(loaded, chunk, frames, rngs, f -> progress.onProgress(0.95 * f), cancelled);
            if (cancelled.isCancelled()) {
                throw new GenerationCancelledException();
            }
            float[][] audio = loaded.encodec().decode(codes);
            List<PcmBuffer> out = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                out.add(finish(chunk.get(b), audio[b]));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException(name + " inference failed: " + e.getCode() + " " + e.getMessage(), e);
        }
    }

    private double renderSeconds(GenerationInput in) {
        return in.loop() ? in.durationSeconds() + LOOP_CROSSFADE_SECONDS : in.durationSeconds();
    }

    /** Exact frame count, the loop seam crossfaded, as a mono buffer at the model's rate. */
    private PcmBuffer finish(GenerationInput in, float[] audio) {
        int frames = AudioEngine.frameCount(in.durationSeconds(), settings.sampleRate());
        float[] out = new float[frames];
        System.arraycopy(audio, 0, out, 0, Math.min(frames, audio.length));
        if (in.loop()) {
            int fade = Math.min((int) (LOOP_CROSSFADE_SECONDS * settings.sampleRate()),
                    Math.min(frames / 4, Math.max(0, audio.length - frames)));
            for (int i = 0; i < fade; i++) {
                float w = (i + 0.5f) / fade;
                out[i] = out[i] * w + audio[frames + i] * (1 - w);
            }
        }
        return PcmBuffer.mono(settings.sampleRate(), out);
    }

    /**
     * The contract every decoder layout shares: text conditioning in ({@code input_ids},
     * {@code encoder_hidden_states}, {@code encoder_attention_mask}), {@code logits} out.
     *
     * @return the decoder's inputs, for the layout's own further checks
     */
    protected final Map<String, NodeInfo> requireConditionedDecoder(OrtSession decoder)
            throws OrtException {
        Map<String, NodeInfo> inputs = decoder.getInputInfo();
        for (String required : List.of("input_ids", "encoder_hidden_states", "encoder_attention_mask")) {
            if (!inputs.containsKey(required)) {
                throw new ModelInstallException(layout.decoderFile() + " has no input " + required
                        + " (inputs: " + inputs.keySet() + ")");
            }
        }
        if (!decoder.getOutputNames().contains("logits")) {
            throw new ModelInstallException(layout.decoderFile() + " has no logits output");
        }
        return inputs;
    }

    /** Vocabulary (codebook size) from the decoder's {@code logits} output, or the settings' default. */
    protected static int vocabularyOf(OrtSession decoder, int fallback) {
        try {
            var info = decoder.getOutputInfo().get("logits");
            if (info != null && info.getInfo() instanceof ai.onnxruntime.TensorInfo t) {
                long[] shape = t.getShape();
                long v = shape[shape.length - 1];
                return v > 0 ? (int) v : fallback;
            }
        } catch (OrtException e) {
            throw new ModelInstallException("cannot read the decoder's outputs: " + e.getMessage(), e);
        }
        return fallback;
    }

    protected ai.onnxruntime.OrtEnvironment environment() {
        return sessions.environment();
    }

    protected void checkCancelled(CancellationCheck cancelled) {
        if (cancelled.isCancelled()) {
            throw new GenerationCancelledException();
        }
    }
}
