package io.soundbox.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContentFilterTest {
    private static final ContentFilter FILTER = ContentFilter.fromClasspath();

    @ParameterizedTest
    @ValueSource(strings = {"something", "crackling campfire", "spicy", "Essex", "method", "grape",
            "Scunthorpe", "cocktail", "assassin", "class", "a spicy grape in Essex", "120 bpm techno",
            "Niger river ambience", "m e l l o w piano", "epic 8-bit boss battle", "", "   "})
    void innocentTextPasses(String text) {
        assertThat(FILTER.firstMatch(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shit", "SHIT", "this is shit music", "5h1t", "$h1t storm",
            "sh\u200Bit", "s\u200Dh\u2060i\uFEFFt", "\u0455h\u0456t", "\uFF53\uFF48\uFF49\uFF54", "s h i t",
            "s.h.i.t", "s-h-i-t", "shiiiit", "sssshit", "fuck", "p0rn", "r4pe", "r@pe", "\u0440orn",
            "kill yourself", "KILL   yourself!", "k1ll y0urself", "go die", "sexxx", "s\u00e9x", "\u03b2itch",
            "wh\u03bfre"})
    void disguisedBlockedWordsAreCaught(String text) {
        assertThat(FILTER.firstMatch(text)).as(text).isPresent();
    }

    @Test
    void matchesWholeWordsOnlyNeverSubstrings() {
        ContentFilter f = new ContentFilter(List.of("# comment", "", "ass", "bad word"));
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.allows("class assassin bass")).isTrue();
        assertThat(f.allows("as")).isTrue();
        assertThat(f.allows("a$$")).isFalse();
        assertThat(f.allows("bad")).isTrue();
        assertThat(f.allows("word")).isTrue();
        assertThat(f.allows("bad words")).isTrue();
        assertThat(f.allows("a really b4d w0rd here")).isFalse();
        assertThat(f.allows("b a d word")).isFalse();
    }

    @Test
    void oneReadsAsIOrL() {
        ContentFilter f = new ContentFilter(List.of("lol"));
        assertThat(f.allows("101")).isTrue();
        assertThat(f.allows("l0l")).isFalse();
        assertThat(f.allows("1o1")).isFalse();
    }
}
