package io.soundbox.gateway.downstream;

/** A downstream service could not be asked: down, too slow, its circuit is open, or it is saturated. */
public final class DownstreamUnavailableException extends RuntimeException {
    private final String service;

    public DownstreamUnavailableException(String service, String reason, Throwable cause) {
        super(service + ": " + reason, cause, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
