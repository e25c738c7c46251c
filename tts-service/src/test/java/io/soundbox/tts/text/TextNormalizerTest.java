package io.soundbox.tts.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer n = new TextNormalizer();

    @Test
    void collapsesWhitespaceAndControlCharacters() {
        assertThat(n.normalize("  Hello\t\n  world\u0007 ")).isEqualTo("Hello world");
    }

    @Test
    void mapsTypographicPunctuationToPlainForms() {
        assertThat(n.normalize("\u201CIt\u2019s fine\u201D \u2014 ok\u2026")).isEqualTo("\"It's fine\" - ok.");
    }

    @Test
    void dropsEmojiButKeepsLettersOfAnyScript() {
        assertThat(n.normalize("Hi \uD83D\uDC4B\uD83C\uDFFD there \u2764\uFE0F")).isEqualTo("Hi there");
        assertThat(n.normalize("Grüße, 東京")).isEqualTo("Grüße, 東京");
    }

    @Test
    void composesDecomposedLetters() {
        assertThat(n.normalize("Cafe\u0301")).isEqualTo("Café");
    }

    @Test
    void onlyPunctuationOrEmojiHasNothingToSpeak() {
        assertThat(TextNormalizer.hasSpeakableContent(n.normalize("?!... \uD83D\uDE00\uD83C\uDF89 --"))).isFalse();
        assertThat(TextNormalizer.hasSpeakableContent(n.normalize("42!"))).isTrue();
    }
}
