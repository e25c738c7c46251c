package io.soundbox.tts.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.tts.text.SentenceSplitter.Clause;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter s = new SentenceSplitter();

    @Test
    void splitsSentencesAtTerminalPunctuationFollowedBySpace() {
        assertThat(s.sentences("Hello world. How are you?! Fine")).containsExactly("Hello world.", "How are you!", "Fine");
    }

    @Test
    void doesNotSplitInsideNumbersOrAbbreviationsWithoutSpace() {
        assertThat(s.sentences("It costs 3.50 today.")).containsExactly("It costs 3.50 today.");
    }

    @Test
    void clausesCarryTheirTerminator() {
        assertThat(s.clauses("Fine, thanks; yes: ok.")).containsExactly(
                new Clause("Fine", ',', false), new Clause("thanks", ';', false),
                new Clause("yes", ':', false), new Clause("ok", '.', true));
    }
}
