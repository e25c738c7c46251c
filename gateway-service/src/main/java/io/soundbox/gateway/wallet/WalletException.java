package io.soundbox.gateway.wallet;

/** A wallet call did not go through. */
public abstract sealed class WalletException extends RuntimeException {
    WalletException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The accounts service declined the charge; the message is its reason, safe to show. */
    public static final class Refused extends WalletException {
        public Refused(String message) {
            super(message, null);
        }
    }

    /** The accounts service could not be reached or failed. */
    public static final class Unavailable extends WalletException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
