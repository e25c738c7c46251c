package io.soundbox.gateway.ratelimit;

import java.time.Duration;

/** {@code capacity} events per {@code window}, refilled smoothly (one token every window/capacity). */
public record Rate(long capacity, Duration window) {
    public Rate {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate needs a capacity of at least 1, got " + capacity);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate needs a positive window, got " + window);
        }
    }
}
