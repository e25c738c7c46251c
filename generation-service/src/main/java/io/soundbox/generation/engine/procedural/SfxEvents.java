package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/** Sound-effect recipes made of repeated events: impacts, steps, interface sounds, zaps, chirps. */
final class SfxEvents {
    private SfxEvents() {
    }

    static Signal thunder(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.05, r -> r.nextDouble(4, 8), r -> {
            Noise noise = new Noise(r.split());
            double flicker = r.nextDouble(3, 7);
            return new EventTrack.Shot(4 * sr, new Timed(sr) {
                final OnePole crackFilter = new OnePole(1500, sr);
                final Biquad rumble = new Biquad(Biquad.Type.LOW_PASS, 800, 0.9, sr);

                double at(double t) {
                    if (tick(64)) {
                        rumble.tune(120 + 700 * Math.exp(-t / 0.4), 0.9);
                    }
                    double crack = crackFilter.highPass(noise.white()) * Math.exp(-t / 0.04);
                    double roll = 0.7 + 0.3 * Math.sin(Synth.TWO_PI * flicker * t);
                    return 0.8 * crack + 1.5 * roll * rumble.process(noise.brown()) * Synth.percussive(t, 0.08, 1.1);
                }
            });
        });
    }

    static Signal explosion(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(4, 7), r -> {
            Noise noise = new Noise(r.split());
            return new EventTrack.Shot(3 * sr, new Timed(sr) {
                final Biquad blast = new Biquad(Biquad.Type.LOW_PASS, 6000, 0.8, sr);
                double phase;

                double at(double t) {
                    if (tick(32)) {
                        blast.tune(150 + 6000 * Math.exp(-t / 0.25), 0.8);
                    }
                    phase += Synth.TWO_PI * (30 + 40 * Math.exp(-t / 0.2)) / sr;
                    double sub = Math.sin(phase) * Synth.percussive(t, 0.005, 0.5);
                    return blast.process(noise.white()) * Synth.percussive(t, 0.003, 0.6) + 0.8 * sub;
                }
            });
        });
    }

    static Signal footsteps(int sr, SplittableRandom rng, PromptFeatures f) {
        double pace = f.hasAny("run", "running", "jog", "sprint") ? 0.32 : 0.55;
        return new EventTrack(sr, rng.split(), 0.05, r -> pace + r.nextDouble(-0.03, 0.03), r -> {
            Noise noise = new Noise(r.split());
            double gain = r.nextDouble(0.7, 1.0);
            return new EventTrack.Shot((int) (0.2 * sr), new Timed(sr) {
                final OnePole scuff = new OnePole(2500, sr);

                double at(double t) {
                    double thump = Math.sin(Synth.TWO_PI * 75 * t) * Math.exp(-t / 0.025);
                    return gain * (thump + 0.6 * scuff.lowPass(noise.white()) * Synth.percussive(t, 0.004, 0.035));
                }
            });
        });
    }

    /** A creaking door that then shuts: a wobbling rasp through a wooden resonance, then a thud. */
    static Signal door(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.05, r -> r.nextDouble(3, 5), r -> {
            Noise noise = new Noise(r.split());
            double pitch = r.nextDouble(140, 220);
            return new EventTrack.Shot((int) (1.5 * sr), new Timed(sr) {
                final Biquad wood = new Biquad(Biquad.Type.BAND_PASS, 900, 3, sr);
                final OnePole slamBody = new OnePole(700, sr);
                double phase;

                double at(double t) {
                    phase += Synth.TWO_PI * pitch * (1 + 0.3 * Math.sin(Synth.TWO_PI * 1.7 * t)) / sr;
                    double creak = wood.process(Synth.softSaw(phase, 12, 0.9)) * Synth.bell(t, 0.75);
                    double slamT = t - 0.8;
                    double slam = slamT < 0 ? 0 : (Math.sin(Synth.TWO_PI * 60 * slamT) * Math.exp(-slamT / 0.06)
                            + slamBody.lowPass(noise.white()) * Math.exp(-slamT / 0.12) * 1.5);
                    return 1.5 * creak + slam;
                }
            });
        });
    }

    /** Clicks for "click"/"button", otherwise a two-note chime for beeps and notifications. */
    static Signal ui(int sr, SplittableRandom rng, PromptFeatures f) {
        if (f.hasAny("click", "button", "tap", "typing", "keyboard")) {
            return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(0.35, 0.6), r -> {
                Noise noise = new Noise(r.split());
                return new EventTrack.Shot((int) (0.02 * sr), new Timed(sr) {
                    final OnePole hp = new OnePole(3000, sr);

                    double at(double t) {
                        return (hp.highPass(noise.white()) + 0.5 * Math.sin(Synth.TWO_PI * 3200 * t)) * Math.exp(-t / 0.002);
                    }
                });
            });
        }
        boolean low = f.hasAny("error", "fail", "wrong", "denied");
        double first = low ? 659.25 : 880;
        double second = low ? 440 : 1318.51;
        return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(1.2, 1.8), r ->
                new EventTrack.Shot((int) (0.8 * sr), new Timed(sr) {
                    double at(double t) {
                        return chime(first, t) + chime(second, t - 0.12);
                    }
                }));
    }

    static Signal whoosh(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(1.2, 1.6), r -> {
            Noise noise = new Noise(r.split());
            double length = r.nextDouble(0.6, 0.9);
            return new EventTrack.Shot((int) (length * sr), new Timed(sr) {
                final Biquad band = new Biquad(Biquad.Type.BAND_PASS, 300, 1.2, sr);

                double at(double t) {
                    double shape = Synth.bell(t, length);
                    if (tick(16)) {
                        band.tune(300 + 2500 * shape, 1.2);
                    }
                    return 3 * Math.pow(shape, 1.5) * band.process(noise.white());
                }
            });
        });
    }

    static Signal laser(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(0.35, 0.6), r -> {
            double top = r.nextDouble(1800, 2800);
            return new EventTrack.Shot((int) (0.3 * sr), new Timed(sr) {
                double phase;

                double at(double t) {
                    phase += Synth.TWO_PI * (250 + top * Math.exp(-t / 0.06)) / sr;
                    return (Math.sin(phase) + Math.sin(3 * phase) / 3) * Synth.percussive(t, 0.002, 0.09);
                }
            });
        });
    }

    /** The classic pickup: a short B5 then a ringing E6, square-ish. */
    static Signal coin(int sr, SplittableRandom rng) {
        return new EventTrack(sr, rng.split(), 0.02, r -> r.nextDouble(0.8, 1.2), r ->
                new EventTrack.Shot((int) (0.5 * sr), new Timed(sr) {
                    double phase;

                    double at(double t) {
                        double f = t < 0.07 ? 987.77 : 1318.51;
                        phase += Synth.TWO_PI * f / sr;
                        double square = Math.sin(phase) + Math.sin(3 * phase) / 3 + Math.sin(5 * phase) / 5;
                        double env = t < 0.07 ? 1 : Math.exp(-(t - 0.07) / 0.12);
                        return 0.6 * square * env;
                    }
                }));
    }

    /** Chirps in phrases (short gaps, then a pause) over a faint breeze. */
    static Signal birds(int sr, SplittableRandom rng) {
        Noise breeze = new Noise(rng.split());
        OnePole soft = new OnePole(600, sr);
        EventTrack chirps = new EventTrack(sr, rng.split(), 0.05,
                r -> r.nextDouble() < 0.2 ? r.nextDouble(0.6, 1.8) : r.nextDouble(0.09, 0.16), r -> {
                    double base = r.nextDouble(2500, 4500);
                    double sweep = r.nextDouble(800, 1800);
                    double length = r.nextDouble(0.05, 0.12);
                    return new EventTrack.Shot((int) (length * sr), new Timed(sr) {
                        double phase;

                        double at(double t) {
                            phase += Synth.TWO_PI * (base + sweep * Math.sin(Math.PI * t / length)) / sr;
                            return 0.7 * Math.sin(phase) * Synth.bell(t, length);
                        }
                    });
                });
        return () -> chirps.next() + 0.08 * soft.lowPass(breeze.pink());
    }

    private static double chime(double f, double t) {
        if (t < 0) {
            return 0;
        }
        double s = Math.sin(Synth.TWO_PI * f * t) + 0.3 * Math.sin(Synth.TWO_PI * 2 * f * t);
        return 0.5 * s * Synth.percussive(t, 0.004, 0.15);
    }
}
