package io.soundbox.generation.model;

/** A model could not be loaded: not enough memory within the wait, or the load itself failed. */
public class ModelUnavailableException extends Exception {
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
