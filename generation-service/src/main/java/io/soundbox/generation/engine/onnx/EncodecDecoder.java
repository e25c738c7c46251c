package io.soundbox.generation.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** EnCodec's decoder: {@code audio_codes [1, batch, codebooks, frames]} to {@code audio_values [batch, 1, samples]}. */
final class EncodecDecoder {
    private final OrtSession session;
    private final OrtEnvironment env;

    EncodecDecoder(OrtSession session, OrtEnvironment env) {
        this.session = session;
        this.env = env;
    }

    /** @param codes {@code [batch][codebook][frame]}; returns one waveform per batch item */
    float[][] decode(long[][][] codes) throws OrtException {
        int batch = codes.length;
        int books = codes[0].length;
        int frames = codes[0][0].length;
        long[] flat = new long[batch * books * frames];
        int i = 0;
        for (long[][] item : codes) {
            for (long[] book : item) {
                System.arraycopy(book, 0, flat, i, frames);
                i += frames;
            }
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), new long[] {1, batch, books, frames});
                OrtSession.Result r = session.run(Map.of("audio_codes", t))) {
            OnnxTensor out = (OnnxTensor) r.get("audio_values").orElseThrow(
                    () -> new ModelInstallException("EnCodec decoder has no audio_values output"));
            long[] shape = out.getInfo().getShape();
            int samples = (int) shape[shape.length - 1];
            FloatBuffer fb = out.getFloatBuffer();
            float[][] audio = new float[batch][samples];
            for (int b = 0; b < batch; b++) {
                fb.get(audio[b]);
            }
            return audio;
        }
    }
}
