package io.soundbox.generation.engine.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sound-effect recipes and the words that pick them. Order is precedence: specific one-shots
 * before broad textures, so "laser in the rain" leads with the laser.
 */
enum SfxRecipe {
    LASER(List.of("laser", "zap", "blaster", "pew", "phaser")),
    COIN(List.of("coin", "pickup", "collect", "reward", "power up")),
    UI(List.of("click", "beep", "notification", "notify", "ui", "button", "alert", "chime", "ding", "ping",
            "menu", "tap", "typing", "keyboard")),
    FOOTSTEPS(List.of("footstep", "steps", "walk", "running", "jog")),
    DOOR(List.of("door", "creak", "gate")),
    EXPLOSION(List.of("explos", "explod", "blast", "boom", "bomb", "detonat", "grenade")),
    THUNDER(List.of("thunder", "storm", "lightning")),
    WHOOSH(List.of("whoosh", "swoosh", "woosh", "swish", "swipe", "transition", "swing")),
    ENGINE(List.of("engine", "motor", "car", "truck", "machine", "mechanic", "idle", "vehicle")),
    BIRDS(List.of("bird", "chirp", "tweet", "songbird", "forest")),
    FIRE(List.of("fire", "crackl", "campfire", "fireplace", "burn", "flame")),
    RAIN(List.of("rain", "drizzl", "shower", "downpour")),
    OCEAN(List.of("ocean", "wave", "waves", "sea", "surf", "beach", "shore")),
    STREAM(List.of("water", "stream", "river", "brook", "creek", "bubbl", "splash", "fountain")),
    WIND(List.of("wind", "breeze", "gust", "howl", "blizzard")),
    CROWD(List.of("crowd", "chatter", "murmur", "audience", "applause", "cheer", "people", "restaurant", "market",
            "stadium", "party crowd")),
    TEXTURE(List.of());

    private final List<String> keywords;

    SfxRecipe(List<String> keywords) {
        this.keywords = keywords;
    }

    /** Up to two matching recipes, strongest first; {@link #TEXTURE} when none matches. */
    static List<SfxRecipe> choose(PromptFeatures features) {
        List<SfxRecipe> chosen = new ArrayList<>(2);
        for (SfxRecipe r : values()) {
            if (r != TEXTURE && features.hasAny(r.keywords) && chosen.size() < 2) {
                chosen.add(r);
            }
        }
        return chosen.isEmpty() ? List.of(TEXTURE) : chosen;
    }

    Signal create(int sr, SplittableRandom rng, PromptFeatures f, double duration) {
        return switch (this) {
            case LASER -> SfxEvents.laser(sr, rng);
            case COIN -> SfxEvents.coin(sr, rng);
            case UI -> SfxEvents.ui(sr, rng, f);
            case FOOTSTEPS -> SfxEvents.footsteps(sr, rng, f);
            case DOOR -> SfxEvents.door(sr, rng);
            case EXPLOSION -> SfxEvents.explosion(sr, rng);
            case THUNDER -> SfxEvents.thunder(sr, rng);
            case WHOOSH -> SfxEvents.whoosh(sr, rng);
            case ENGINE -> SfxTextures.engine(sr, rng, f, duration);
            case BIRDS -> SfxEvents.birds(sr, rng);
            case FIRE -> SfxTextures.fire(sr, rng);
            case RAIN -> SfxTextures.rain(sr, rng);
            case OCEAN -> SfxTextures.ocean(sr, rng);
            case STREAM -> SfxTextures.stream(sr, rng);
            case WIND -> SfxTextures.wind(sr, rng);
            case CROWD -> SfxTextures.crowd(sr, rng, f);
            case TEXTURE -> SfxTextures.texture(sr, rng, f, duration);
        };
    }
}
