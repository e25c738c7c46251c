package io.soundbox.gateway.downstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a downstream service that keeps failing, so requests get a fast 503 instead of each
 * waiting for a connect or read timeout. After {@code failureThreshold} failures in a row it opens for
 * {@code openFor}; then one trial call is let through (half-open): success closes it, failure opens it
 * again. Thread-safe (synchronized; the critical sections are a few field updates).
 *
 * <p>Hand-written because {@code quarkus-smallrye-fault-tolerance} 3.37.1 is not served by the
 * registry this build uses.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; a caller that got {@code true} must report its outcome. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        failures++;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }
}
