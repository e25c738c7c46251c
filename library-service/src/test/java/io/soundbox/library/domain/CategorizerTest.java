package io.soundbox.library.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.AudioKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategorizerTest {
    private final Categorizer categorizer = new Categorizer(CategoryCatalog.loadDefault());

    @Test
    void musicByKeywordsBestFirst() {
        List<String> c = categorizer.categorize(AudioKind.MUSIC, "gentle rainy lofi piano for studying", null, List.of());
        // "gentle" is a keyword of relaxing and of gentle; "studying" one of study
        assertThat(c).containsExactly("lofi", "study", "piano", "relaxing", "gentle");
    }

    @Test
    void spellingVariantsOfOneKeywordMatch() {
        assertThat(categorizer.categorize(AudioKind.MUSIC, "Lo-Fi beats", null, null)).contains("lofi");
        assertThat(categorizer.categorize(AudioKind.MUSIC, "lo fi beats", null, null)).contains("lofi");
        assertThat(categorizer.categorize(AudioKind.MUSIC, "LOFI", null, null)).contains("lofi");
        assertThat(categorizer.categorize(AudioKind.MUSIC, "8-bit boss theme", null, null)).contains("chiptune");
        assertThat(categorizer.categorize(AudioKind.MUSIC, "８bit", null, null)).contains("chiptune");
    }

    @Test
    void aWordStartingWithAKeywordCountsButNotAnyWordContainingIt() {
        assertThat(categorizer.categorize(AudioKind.MUSIC, "synthesizers at dawn", null, null)).contains("electronic");
        assertThat(categorizer.categorize(AudioKind.SFX, "raindrops on a tin roof", null, null)).contains("rain");
        assertThat(categorizer.categorize(AudioKind.SFX, "training montage grunt", null, null)).doesNotContain("rain");
        assertThat(categorizer.categorize(AudioKind.SFX, "distant thunderstorm", null, null))
                .containsExactly("thunder", "rain"); // "storm" inside a word scores 1
    }

    @Test
    void soundEffectsByKeywords() {
        assertThat(categorizer.categorize(AudioKind.SFX, "crackling campfire with wind", null, null))
                .containsExactly("fire", "wind");
        assertThat(categorizer.categorize(AudioKind.SFX, "UI button click", null, null)).containsExactly("ui", "button");
        assertThat(categorizer.categorize(AudioKind.SFX, "huge explosion", null, null)).containsExactly("explosion");
        assertThat(categorizer.categorize(AudioKind.SFX, "footsteps on gravel", null, null)).containsExactly("footstep");
    }

    @Test
    void speechByVoiceLocaleThenText() {
        assertThat(categorizer.categorize(AudioKind.SPEECH, "Hello and welcome!", "en_GB-alan-medium", null))
                .containsExactly("british", "greeting");
        assertThat(categorizer.categorize(AudioKind.SPEECH, "The quick brown fox", "en_US-lessac-medium", null))
                .containsExactly("american");
        assertThat(categorizer.categorize(AudioKind.SPEECH, "The quick brown fox", "de_DE-thorsten-medium", null))
                .containsExactly("natural");
    }

    @Test
    void fallbackPerKindWhenNothingMatches() {
        assertThat(categorizer.categorize(AudioKind.MUSIC, "zzz", null, null)).containsExactly("acoustic");
        assertThat(categorizer.categorize(AudioKind.SFX, "", null, null)).containsExactly("notification");
        assertThat(categorizer.categorize(AudioKind.SPEECH, null, null, null)).containsExactly("natural");
    }

    @Test
    void theCatalogHasTheOriginalsBreadth() {
        CategoryCatalog catalog = CategoryCatalog.loadDefault();
        assertThat(catalog.of(AudioKind.MUSIC).keywords()).hasSizeGreaterThanOrEqualTo(50)
                .containsKeys("drum_and_bass", "synthwave", "middle_eastern", "80s", "game_music", "workout");
        assertThat(catalog.of(AudioKind.SFX).keywords()).hasSizeGreaterThanOrEqualTo(30)
                .containsKeys("button", "success", "laser", "portal", "power_up", "transition");
        assertThat(catalog.of(AudioKind.SPEECH).keywords()).hasSizeGreaterThanOrEqualTo(30)
                .containsKeys("audiobook", "phone_number", "weather", "scottish");
        assertThat(categorizer.categorize(AudioKind.MUSIC, "liquid drum and bass with neon synthwave pads", null, null))
                .contains("drum_and_bass", "synthwave");
        assertThat(categorizer.categorize(AudioKind.SFX, "laser blaster through a portal", null, null))
                .contains("laser", "portal");
    }

    @Test
    void knownTagsComeFirstUnknownTagsAreIgnoredAndAtMostFiveAreKept() {
        List<String> c = categorizer.categorize(AudioKind.MUSIC,
                "happy sad jazz rock piano electronic orchestral ambient", null, List.of("Lofi", "not-a-category", "rain"));
        assertThat(c).hasSize(Categorizer.MAX_CATEGORIES).startsWith("lofi").doesNotContain("rain", "not-a-category");
    }

    @Test
    void theShippedCatalogCoversEveryKindWithTheSeedCategories() {
        CategoryCatalog catalog = CategoryCatalog.loadDefault();
        assertThat(catalog.of(AudioKind.MUSIC).keywords()).containsKeys("electronic", "ambient", "lofi", "rock",
                "piano", "orchestral", "happy", "sad");
        assertThat(catalog.of(AudioKind.SFX).keywords()).containsKeys("rain", "wind", "fire", "explosion", "footstep",
                "ui");
        assertThat(catalog.of(AudioKind.SPEECH).voiceLocales()).containsEntry("en_us", "american");
    }

    @Test
    void aBrokenCatalogFailsLoudly() {
        assertThatThrownBy(() -> parse("{\"music\":{\"fallback\":\"x\",\"categories\":{\"a\":[\"a\"]}}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("{\"music\":{\"fallback\":\"a\",\"categories\":{\"a\":[\"a\"]}},"
                + "\"sfx\":{\"fallback\":\"a\",\"categories\":{\"A B\":[\"a\"]}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad category id");
    }

    private static CategoryCatalog parse(String json) throws Exception {
        return CategoryCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
