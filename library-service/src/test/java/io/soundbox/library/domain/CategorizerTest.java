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

    /** Each rule of the inverted index on its own, with a catalog small enough to know every score. */
    private static final java.util.Map<String, List<String>> RULES = rules();

    private static java.util.Map<String, List<String>> rules() {
        java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("dnb", List.of("drum and bass"));
        m.put("lofi", List.of("lo fi"));
        m.put("electronic", List.of("synth"));
        m.put("storm", List.of("thunder"));
        m.put("rain", List.of("rain"));
        m.put("sea", List.of("deep blue sea"));
        return m;
    }

    @Test
    void phrasesMatchAsWholeWordsOrInsideTheTextWhenLongEnough() {
        assertThat(Categorizer.byScore(RULES, "liquid drum and bass")).containsExactly("dnb");
        assertThat(Categorizer.byScore(RULES, "drum-and-bass")).containsExactly("dnb");
        // Inside: the first word ends a word, the last starts one ("drumandbass" has 5+ letters).
        assertThat(Categorizer.byScore(RULES, "kettledrum and bassline")).containsExactly("dnb");
        assertThat(Categorizer.byScore(RULES, "drum or bass")).isEmpty();
        // "lofi" has 4 letters: only whole words, or the glued form, count.
        assertThat(Categorizer.byScore(RULES, "hello fine day")).isEmpty();
        assertThat(Categorizer.byScore(RULES, "lo fi")).containsExactly("lofi");
        assertThat(Categorizer.byScore(RULES, "LOFI")).containsExactly("lofi");
        // Three words: the middle one must be whole.
        assertThat(Categorizer.byScore(RULES, "the deep blue sea")).containsExactly("sea");
        assertThat(Categorizer.byScore(RULES, "indeep blue seashore")).containsExactly("sea");
        assertThat(Categorizer.byScore(RULES, "deep bluest sea")).isEmpty();
        assertThat(Categorizer.byScore(RULES, "deep blue")).isEmpty();
    }

    @Test
    void oneWordKeywordsScoreByWhereTheyStand() {
        // whole word 3 > starts a word 2 > inside a word with 5+ letters 1; ties keep catalog order
        assertThat(Categorizer.byScore(RULES, "thunderstorm synth")).containsExactly("electronic", "storm");
        assertThat(Categorizer.byScore(RULES, "synthesizer thunder")).containsExactly("storm", "electronic");
        assertThat(Categorizer.byScore(RULES, "resynth")).containsExactly("electronic");
        assertThat(Categorizer.byScore(RULES, "rainy")).containsExactly("rain");
        assertThat(Categorizer.byScore(RULES, "terrain training")).isEmpty();
        assertThat(Categorizer.byScore(RULES, "")).isEmpty();
    }

    @Test
    void wordsAreNormalisedLowerCaseRunsOfLettersAndNumbers() {
        assertThat(Categorizer.words("Ｌｏ-ﬁ  Ⅻ naïve x², über_drums!")).containsExactly("lo", "fi", "xii", "naïve",
                "x2", "über", "drums");
        assertThat(Categorizer.words("  --  ")).isEmpty();
        assertThat(Categorizer.words(null)).isEmpty();
        assertThat(Categorizer.words("𝄞music 2024")).containsExactly("music", "2024");
    }

    private static CategoryCatalog parse(String json) throws Exception {
        return CategoryCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
