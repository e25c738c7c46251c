package io.soundbox.gateway.notify;

/** Delivers one notification, one attempt; retries are {@link NotificationDispatcher}'s business. */
public interface NotificationClient {
    /**
     * @throws Failure when it was not delivered; {@link Failure#retryable()} says whether trying
     *         again may help (network errors, 5xx, 429) or not (other 4xx)
     */
    void send(Notification notification) throws Failure;

    final class Failure extends Exception {
        private final boolean retryable;

        public Failure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
