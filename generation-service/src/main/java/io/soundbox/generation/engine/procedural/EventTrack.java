package io.soundbox.generation.engine.procedural;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A sound made of short events (steps, zaps, chirps) started at intervals; overlapping events are summed.
 * The first event starts at {@code firstAt} seconds, each next one after a gap drawn by {@code gap}.
 */
final class EventTrack implements Signal {
    /** One event: a signal that lasts {@code frames} samples. */
    record Shot(int frames, Signal signal) {
    }

    private final int sampleRate;
    private final SplittableRandom rng;
    private final ToDoubleFunction<SplittableRandom> gap;
    private final Function<SplittableRandom, Shot> shots;
    private final List<int[]> ages = new ArrayList<>();
    private final List<Shot> active = new ArrayList<>();
    private long frame;
    private long nextStart;

    EventTrack(int sampleRate, SplittableRandom rng, double firstAt, ToDoubleFunction<SplittableRandom> gap,
               Function<SplittableRandom, Shot> shots) {
        this.sampleRate = sampleRate;
        this.rng = rng;
        this.gap = gap;
        this.shots = shots;
        this.nextStart = Math.round(firstAt * sampleRate);
    }

    @Override
    public double next() {
        if (frame >= nextStart) {
            active.add(shots.apply(rng));
            ages.add(new int[1]);
            nextStart = frame + Math.max(1, Math.round(gap.applyAsDouble(rng) * sampleRate));
        }
        frame++;
        double sum = 0;
        Iterator<Shot> shot = active.iterator();
        Iterator<int[]> age = ages.iterator();
        while (shot.hasNext()) {
            Shot s = shot.next();
            int[] a = age.next();
            sum += s.signal().next();
            if (++a[0] >= s.frames()) {
                shot.remove();
                age.remove();
            }
        }
        return sum;
    }
}
