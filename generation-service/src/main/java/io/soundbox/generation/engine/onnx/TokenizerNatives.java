package io.soundbox.generation.engine.onnx;

/**
 * Keeps DJL's tokenizer on its CPU library, the one bundled in its jar. On a host where DJL sees a CUDA GPU
 * it otherwise picks a CUDA build of the tokenizer and downloads it from publish.djl.ai at first use; seen
 * on an H200 without internet access, that failed every neural model's load ("Cannot download jni
 * files"). Tokenizing a prompt is microseconds of CPU work, so the GPU build buys nothing. An operator's own
 * {@code RUST_FLAVOR} (environment or system property) still wins.
 */
final class TokenizerNatives {
    static final String FLAVOR = "RUST_FLAVOR";

    private TokenizerNatives() {
    }

    /** Must run before DJL's tokenizer classes load (their static initialiser reads the flavor once). */
    static void useBundledCpuLibrary() {
        if (isBlank(System.getenv(FLAVOR)) && isBlank(System.getProperty(FLAVOR))) {
            System.setProperty(FLAVOR, "cpu");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
