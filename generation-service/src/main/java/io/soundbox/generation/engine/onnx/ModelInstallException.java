package io.soundbox.generation.engine.onnx;

/** A model directory is missing a file or holds one ONNX Runtime cannot load; the message says which. */
public class ModelInstallException extends RuntimeException {
    public ModelInstallException(String message) {
        super(message);
    }

    public ModelInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
