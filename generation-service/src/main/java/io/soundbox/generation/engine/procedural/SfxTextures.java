package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/** Continuous sound-effect recipes: weather, water, fire, machines, and the filtered-noise default. */
final class SfxTextures {
    private SfxTextures() {
    }

    static Signal rain(int sr, SplittableRandom rng) {
        Noise noise = new Noise(rng.split());
        Biquad hiss = new Biquad(Biquad.Type.BAND_PASS, 3000, 0.4, sr);
        EventTrack drops = new EventTrack(sr, rng.split(), 0, r -> r.nextDouble(0.004, 0.04), r -> {
            double f = r.nextDouble(1800, 5500);
            double gain = r.nextDouble(0.1, 0.5);
            return new EventTrack.Shot((int) (0.02 * sr), new Timed(sr) {
                double at(double t) {
                    return gain * Math.sin(Synth.TWO_PI * f * t) * Math.exp(-t / 0.003);
                }
            });
        });
        return () -> 0.7 * hiss.process(noise.pink()) + 0.5 * drops.next();
    }

    /**
     * A crowd: eight murmuring "voices", each noise through two formant band-passes whose level follows a
     * syllable rhythm (3-6 Hz) with pauses; applause words add dense hand claps.
     */
    static Signal crowd(int sr, SplittableRandom rng, PromptFeatures f) {
        int voices = 8;
        Noise noise = new Noise(rng.split());
        Biquad[] low = new Biquad[voices];
        Biquad[] high = new Biquad[voices];
        double[] rate = new double[voices];
        double[] phase = new double[voices];
        for (int v = 0; v < voices; v++) {
            low[v] = new Biquad(Biquad.Type.BAND_PASS, rng.nextDouble(350, 800), 3, sr);
            high[v] = new Biquad(Biquad.Type.BAND_PASS, rng.nextDouble(1100, 2500), 4, sr);
            rate[v] = rng.nextDouble(3, 6) / sr;
            phase[v] = rng.nextDouble();
        }
        boolean applause = f.hasAny("applause", "clap", "cheer", "stadium");
        EventTrack claps = new EventTrack(sr, rng.split(), 0, r -> r.nextDouble(0.003, 0.02), r -> {
            double gain = r.nextDouble(0.1, 0.4);
            Noise n = new Noise(r.split());
            Biquad band = new Biquad(Biquad.Type.BAND_PASS, r.nextDouble(900, 2200), 1.5, sr);
            return new EventTrack.Shot((int) (0.03 * sr), new Timed(sr) {
                double at(double t) {
                    return gain * band.process(n.white()) * Math.exp(-t / 0.006);
                }
            });
        });
        return () -> {
            double sum = 0;
            for (int v = 0; v < voices; v++) {
                phase[v] += rate[v];
                if (phase[v] >= 1) {
                    phase[v] -= 1;
                }
                // Syllables: a raised sine, silent a third of each cycle.
                double syllable = Math.max(0, Wavetable.SINE.at(phase[v]) + 0.35);
                double w = noise.white();
                sum += syllable * (low[v].process(w) + 0.6 * high[v].process(w));
            }
            return 0.35 * sum + (applause ? 0.8 * claps.next() : 0);
        };
    }

    static Signal wind(int sr, SplittableRandom rng) {
        Noise noise = new Noise(rng.split());
        double p1 = rng.nextDouble(Synth.TWO_PI);
        double p2 = rng.nextDouble(Synth.TWO_PI);
        return new Timed(sr) {
            final Biquad band = new Biquad(Biquad.Type.BAND_PASS, 500, 1.2, sr);
            double amp;

            double at(double t) {
                if (tick(32)) {
                    double gust = 0.5 + 0.3 * Math.sin(Synth.TWO_PI * 0.13 * t + p1) + 0.2 * Math.sin(Synth.TWO_PI * 0.31 * t + p2);
                    band.tune(250 + 700 * gust, 0.8 + 2 * gust);
                    amp = 0.3 + 0.7 * gust * gust;
                }
                return amp * band.process(noise.white()) * 2;
            }
        };
    }

    static Signal fire(int sr, SplittableRandom rng) {
        Noise noise = new Noise(rng.split());
        OnePole roar = new OnePole(250, sr);
        EventTrack crackles = new EventTrack(sr, rng.split(), 0.01, r -> r.nextDouble(0.01, 0.12), r -> {
            Noise burst = new Noise(r.split());
            OnePole hp = new OnePole(2000, sr);
            double gain = r.nextDouble() < 0.1 ? 1.0 : r.nextDouble(0.15, 0.5);
            double tau = r.nextDouble(0.001, 0.006);
            return new EventTrack.Shot((int) (tau * 6 * sr), new Timed(sr) {
                double at(double t) {
                    return gain * hp.highPass(burst.white()) * Math.exp(-t / tau);
                }
            });
        });
        return () -> 0.5 * roar.lowPass(noise.brown()) + 0.6 * crackles.next();
    }

    /** A brook: band-passed noise whose centre jumps around quickly, which the ear hears as bubbling. */
    static Signal stream(int sr, SplittableRandom rng) {
        Noise noise = new Noise(rng.split());
        SplittableRandom wobble = rng.split();
        return new Timed(sr) {
            final Biquad bubbles = new Biquad(Biquad.Type.BAND_PASS, 900, 4, sr);
            final Biquad bed = new Biquad(Biquad.Type.LOW_PASS, 1500, 0.7, sr);
            double centre = 900;

            double at(double t) {
                if (tick(48)) {
                    centre += (wobble.nextDouble(500, 2200) - centre) * 0.3;
                    bubbles.tune(centre, 5);
                }
                return 1.2 * bubbles.process(noise.white()) + 0.35 * bed.process(noise.pink());
            }
        };
    }

    /** Surf: low-passed noise swelling and falling every 6-9 s, brighter at each crest. */
    static Signal ocean(int sr, SplittableRandom rng) {
        Noise noise = new Noise(rng.split());
        double period = rng.nextDouble(6, 9);
        return new Timed(sr) {
            final Biquad surf = new Biquad(Biquad.Type.LOW_PASS, 600, 0.7, sr);
            double swell;

            double at(double t) {
                if (tick(64)) {
                    swell = 0.5 - 0.5 * Math.cos(Synth.TWO_PI * (t + period * 0.4) / period);
                    surf.tune(300 + 2500 * swell * swell, 0.7);
                }
                return (0.25 + swell) * surf.process(noise.pink()) * 1.5;
            }
        };
    }

    /** An idling four-stroke engine: firing pulses at twice the crank rate plus mechanical noise. */
    static Signal engine(int sr, SplittableRandom rng, PromptFeatures f, double duration) {
        Noise noise = new Noise(rng.split());
        boolean revving = f.hasAny("rev", "accelerat", "speed", "race", "racing");
        double idleRpm = rng.nextDouble(850, 1100);
        return new Timed(sr) {
            final OnePole body = new OnePole(900, sr);
            final OnePole rattle = new OnePole(3000, sr);
            double phase;

            double at(double t) {
                double rpm = idleRpm * (revving ? 1 + 2.5 * t / duration : 1) * (1 + 0.02 * Math.sin(Synth.TWO_PI * 1.3 * t));
                phase += Synth.TWO_PI * rpm / 60 * 2 / sr;
                double pulses = Synth.softSaw(phase, 10, 0.8);
                return body.lowPass(pulses + 0.4 * noise.brown()) + 0.08 * rattle.lowPass(noise.white());
            }
        };
    }

    /** Default: noise through a band whose centre depends on the prompt, breathing slowly, faded in and out. */
    static Signal texture(int sr, SplittableRandom rng, PromptFeatures f, double duration) {
        Noise noise = new Noise(rng.split());
        double centre = 300 * Math.pow(10, Math.floorMod(f.hash(), 1000) / 1000.0);
        double rate = rng.nextDouble(0.1, 0.4);
        return new Timed(sr) {
            final Biquad band = new Biquad(Biquad.Type.BAND_PASS, centre, 2, sr);

            double at(double t) {
                double env = Synth.attackRelease(t, Math.min(0.3, duration / 4), duration - Math.min(0.5, duration / 4),
                        Math.min(0.5, duration / 4));
                double breathe = 0.7 + 0.3 * Math.sin(Synth.TWO_PI * rate * t);
                return 2 * env * breathe * band.process(noise.white());
            }
        };
    }
}
