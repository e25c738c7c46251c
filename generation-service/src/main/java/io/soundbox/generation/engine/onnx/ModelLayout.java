package io.soundbox.generation.engine.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of an installed model directory ({@code <data-dir>/models/<model>/}). MusicGen and AudioGen
 * use the transformers.js ONNX export layout (files at the top or under {@code onnx/}); MAGNeT uses the
 * same encoder, tokenizer and EnCodec files with a non-causal {@code decoder_model.onnx}.
 */
public enum ModelLayout {
    AUTOREGRESSIVE("decoder_model_merged.onnx"),
    MASKED("decoder_model.onnx");

    public static final String TEXT_ENCODER = "text_encoder.onnx";
    public static final String ENCODEC = "encodec_decode.onnx";
    public static final String TOKENIZER = "tokenizer.json";

    private final String decoder;

    ModelLayout(String decoder) {
        this.decoder = decoder;
    }

    public String decoderFile() {
        return decoder;
    }

    /** The files this layout needs, in the order they are reported when missing. */
    public List<String> requiredFiles() {
        return List.of(TOKENIZER, TEXT_ENCODER, decoder, ENCODEC);
    }

    /** Names of required files found neither in {@code dir} nor in {@code dir/onnx}. */
    public List<String> missingFiles(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : requiredFiles()) {
            if (locate(dir, f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    public boolean isInstalledIn(Path dir) {
        return Files.isDirectory(dir) && missingFiles(dir).isEmpty();
    }

    /** The file's path, preferring the transformers.js {@code onnx/} sub-directory; null when absent. */
    public static Path locate(Path dir, String file) {
        Path nested = dir.resolve("onnx").resolve(file);
        if (Files.isRegularFile(nested)) {
            return nested;
        }
        Path top = dir.resolve(file);
        return Files.isRegularFile(top) ? top : null;
    }

    /** Fails with every missing file named, so an operator fixes an install in one go. */
    public ModelFiles require(Path dir) {
        List<String> missing = missingFiles(dir);
        if (!missing.isEmpty()) {
            throw new ModelInstallException("model directory " + dir + " is missing " + String.join(", ", missing)
                    + " (see docs/models.md)");
        }
        return new ModelFiles(dir, locate(dir, TOKENIZER), locate(dir, TEXT_ENCODER), locate(dir, decoder),
                locate(dir, ENCODEC));
    }

    public record ModelFiles(Path dir, Path tokenizer, Path textEncoder, Path decoder, Path encodec) {
        /** Bytes of all model files: what loading them costs in memory, roughly. */
        public long totalBytes() {
            long sum = 0;
            for (Path p : List.of(tokenizer, textEncoder, decoder, encodec)) {
                try {
                    sum += Files.size(p);
                    // External weights of large exports sit beside the graph as <file>_data.
                    Path data = p.resolveSibling(p.getFileName() + "_data");
                    if (Files.isRegularFile(data)) {
                        sum += Files.size(data);
                    }
                } catch (java.io.IOException e) {
                    // Counted as zero: the size is an estimate for memory planning, loading reports the error.
                }
            }
            return sum;
        }
    }
}
