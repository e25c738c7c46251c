package io.soundbox.generation.engine.procedural;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the procedural engines read from a prompt: keywords (matched as whole words or word prefixes,
 * so "raining" finds "rain") and a stable hash for choices the words leave open, like the key.
 */
public final class PromptFeatures {
    private static final List<String> SLOW = List.of("slow", "chill", "lofi", "lo fi", "ambient", "calm",
            "relax", "sleep", "meditat", "peaceful", "gentle", "dreamy", "soft", "drone");
    private static final List<String> FAST = List.of("fast", "edm", "energetic", "energy", "rock", "upbeat",
            "dance", "techno", "house", "dnb", "drum and bass", "intense", "action", "party", "metal", "punk",
            "workout", "hype");
    private static final List<String> MINOR = List.of("sad", "dark", "mysterio", "melanchol", "horror", "scary",
            "tense", "eerie", "minor", "gloom", "sorrow", "haunt", "ominous", "spooky", "tragic");
    private static final List<String> MAJOR = List.of("happy", "upbeat", "bright", "joy", "cheer", "uplift",
            "sunny", "major", "fun", "playful", "hopeful", "triumph");
    private static final List<String> NO_DRUMS = List.of("ambient", "no drums", "without drums", "drumless",
            "no percussion", "meditat", "sleep", "drone");
    private static final List<String> FOUR_ON_FLOOR = List.of("edm", "techno", "house", "dance", "disco", "trance");

    private final String text;
    private final List<String> words;
    private final int hash;

    private PromptFeatures(String text) {
        this.text = " " + text + " ";
        this.words = text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
        this.hash = fnv1a(text);
    }

    public static PromptFeatures of(String prompt) {
        String normalised = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return new PromptFeatures(normalised);
    }

    /**
     * True when any keyword occurs: a phrase ("no drums") as whole words, a short word (under four letters,
     * like "edm" or "ui") exactly, a longer one also as a prefix ("explos" finds "explosion").
     */
    public boolean hasAny(List<String> keywords) {
        for (String k : keywords) {
            if (k.contains(" ")) {
                if (text.contains(" " + k + " ")) {
                    return true;
                }
            } else {
                for (String w : words) {
                    if (w.equals(k) || (k.length() >= 4 && w.startsWith(k))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public boolean hasAny(String... keywords) {
        return hasAny(List.of(keywords));
    }

    /** Stable across JVMs and releases (FNV-1a of the normalised prompt), unlike a random seed. */
    public int hash() {
        return hash;
    }

    /** The genre the prompt names (first match in {@link Style} order), POP when it names none. */
    Style style() {
        return Style.matching(this);
    }

    /**
     * Tempo in BPM: the style's tempo, 10 faster for fast words and 10 slower for slow ones (words that
     * only name the style itself count too), with a little prompt-hash variety.
     */
    public double tempoBpm() {
        int score = (hasAny(FAST) ? 1 : 0) - (hasAny(SLOW) ? 1 : 0);
        double bpm = style().tempo + 10 * score + Math.floorMod(hash >> 4, 9) - 4;
        return Math.max(52, Math.min(176, bpm));
    }

    /** An explicit request for drums ("with drums", "beat"), which adds drums to a drumless style. */
    boolean drumsAsked() {
        return hasAny("drum", "drums", "beat", "beats", "percussion") && !hasAny("no drums", "without drums", "drumless");
    }

    /** Minor for sad, dark or mysterious prompts, major for happy ones, otherwise the hash decides. */
    public boolean minor() {
        boolean minorWords = hasAny(MINOR);
        boolean majorWords = hasAny(MAJOR);
        if (minorWords != majorWords) {
            return minorWords;
        }
        return (hash & 1) == 1;
    }

    /** Pitch class 0 (C) to 11 (B) of the key. */
    public int rootPitchClass() {
        return Math.floorMod(hash >> 8, 12);
    }

    public boolean drums() {
        return hasAny("drum", "drums", "beat", "percussion") && !hasAny("no drums", "without drums", "drumless")
                || !hasAny(NO_DRUMS);
    }

    public boolean fourOnTheFloor() {
        return hasAny(FOUR_ON_FLOOR);
    }

    /** 0 (dark, muffled pads) to 1 (bright, buzzy pads). */
    public double brightness() {
        double b = 0.5;
        if (hasAny("dark", "warm", "muffled", "deep", "ambient", "soft", "lofi", "lo fi")) {
            b -= 0.3;
        }
        if (hasAny("bright", "rock", "energetic", "edm", "synth", "buzz", "metal")) {
            b += 0.35;
        }
        return Math.max(0, Math.min(1, b));
    }

    private static int fnv1a(String s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }
}
