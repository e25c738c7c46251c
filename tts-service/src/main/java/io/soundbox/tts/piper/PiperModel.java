package io.soundbox.tts.piper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One Piper ONNX session: {@code input} int64 [1,N], {@code input_lengths} int64 [1], {@code scales}
 * float32 [noise_scale, length_scale, noise_w], {@code sid} int64 [1] only when the model lists it;
 * {@code output} float32 [1,1,1,T] (or any shape: the samples are read flat). {@code run} is
 * thread-safe (ONNX Runtime sessions are); {@link #close} must wait until no run is in flight, which
 * the voice cache's leases ensure.
 */
public final class PiperModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean hasSid;
    private final String outputName;

    private PiperModel(OrtEnvironment env, OrtSession session) throws OrtException {
        this.env = env;
        this.session = session;
        Set<String> inputs = session.getInputNames();
        for (String required : new String[] {"input", "input_lengths", "scales"}) {
            if (!inputs.contains(required)) {
                session.close();
                throw new IllegalArgumentException("not a Piper model: no input '" + required + "' (has " + inputs + ")");
            }
        }
        this.hasSid = inputs.contains("sid");
        this.outputName = session.getOutputNames().contains("output") ? "output"
                : session.getOutputNames().iterator().next();
    }

    /** @param intraOpThreads 0 lets ONNX Runtime choose */
    public static PiperModel load(Path onnx, int intraOpThreads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new PiperModel(env, env.createSession(onnx.toString(), options));
        }
    }

    public boolean hasSpeakerInput() {
        return hasSid;
    }

    public float[] run(long[] ids, float noiseScale, float lengthScale, float noiseW, int speakerId) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input", OnnxTensor.createTensor(env, new long[][] {ids}));
            inputs.put("input_lengths", OnnxTensor.createTensor(env, new long[] {ids.length}));
            inputs.put("scales", OnnxTensor.createTensor(env, new float[] {noiseScale, lengthScale, noiseW}));
            if (hasSid) {
                inputs.put("sid", OnnxTensor.createTensor(env, new long[] {speakerId}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue out = result.get(outputName).orElseThrow(
                        () -> new IllegalStateException("the model returned no '" + outputName + "'"));
                FloatBuffer buffer = ((OnnxTensor) out).getFloatBuffer();
                float[] samples = new float[buffer.remaining()];
                buffer.get(samples);
                return samples;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing frees native memory; there is nothing to recover if it reports an error.
        }
    }
}
