package io.soundbox.gateway.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What skipping the queue costs in Aura, by the job's duration (by default 1/3/5/10/15 Aura for
 * 1-10/11-30/31-60/61-120/121+ s). Configured as {@code maxSeconds:cost} bands plus {@code *:cost}
 * for everything longer, e.g. {@code 10:1,30:3,60:5,120:10,*:15}.
 */
public final class AuraSkipPricing {
    /** One price band: durations from {@code minDuration} to {@code maxDuration} s ({@code null}: no limit). */
    public record Band(int minDuration, Integer maxDuration, int cost) {
    }

    public static final String DEFAULT = "10:1,30:3,60:5,120:10,*:15";

    private final List<Band> bands;

    private AuraSkipPricing(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    /** @throws IllegalArgumentException when the bands are malformed, unordered or leave a gap at the top */
    public static AuraSkipPricing parse(List<String> spec) {
        record Limit(Integer max, int cost) {
        }
        List<Limit> limits = new ArrayList<>();
        for (String part : spec) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("skip price '" + part + "' is not maxSeconds:cost");
            }
            try {
                Integer max = kv[0].trim().equals("*") ? null : Integer.valueOf(kv[0].trim());
                int cost = Integer.parseInt(kv[1].trim());
                if (cost < 0 || (max != null && max < 1)) {
                    throw new IllegalArgumentException("skip price '" + part + "' has a negative cost or no seconds");
                }
                limits.add(new Limit(max, cost));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("skip price '" + part + "' is not maxSeconds:cost", e);
            }
        }
        limits.sort(Comparator.comparing(Limit::max, Comparator.nullsLast(Comparator.naturalOrder())));
        if (limits.isEmpty() || limits.get(limits.size() - 1).max() != null) {
            throw new IllegalArgumentException("skip prices need a '*:cost' band for the longest jobs");
        }
        List<Band> bands = new ArrayList<>();
        int min = 1;
        for (Limit l : limits) {
            if (l.max() != null && l.max() < min) {
                throw new IllegalArgumentException("skip price bands overlap at " + l.max() + " s");
            }
            bands.add(new Band(min, l.max(), l.cost()));
            min = l.max() == null ? min : l.max() + 1;
        }
        return new AuraSkipPricing(bands);
    }

    public static AuraSkipPricing defaults() {
        return parse(List.of(DEFAULT.split(",")));
    }

    public int costFor(int durationSeconds) {
        for (Band b : bands) {
            if (b.maxDuration() == null || durationSeconds <= b.maxDuration()) {
                return b.cost();
            }
        }
        throw new IllegalStateException("unreachable: the last band is open-ended");
    }

    public List<Band> bands() {
        return bands;
    }
}
