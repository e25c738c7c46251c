package io.soundbox.tts.piper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.testing.TinyPiperVoices;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhonemeIdMapperTest {
    private static final PhonemeIdMapper EN = new PhonemeIdMapper(idMap(TinyPiperVoices.EN_IDS));

    @Test
    void helloWorldMapsToPipersIdsForEnglishVoices() {
        // Piper (en_US-lessac-medium) for "Hello world.": phonemes "həlˈoʊ wˈɜːld." and these ids.
        PhonemeIdMapper.Result r = EN.toIds("həlˈoʊ wˈɜːld.");

        assertThat(r.ids()).containsExactly(1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 3, 0, 35, 0, 120, 0,
                62, 0, 122, 0, 24, 0, 17, 0, 10, 0, 2);
        assertThat(r.phonemes()).isEqualTo(14);
        assertThat(r.missing()).isZero();
    }

    @Test
    void decomposesBeforeMappingAsPiperDoes() {
        // "ç" is not looked up whole: NFD gives "c" + U+0327, both in Piper's map.
        assertThat(EN.toIds("ç").ids()).containsExactly(1, 0, 16, 0, 140, 0, 2);
    }

    @Test
    void skipsAndCountsPhonemesTheVoiceDoesNotKnow() {
        PhonemeIdMapper.Result r = EN.toIds("a\u0298b");

        assertThat(r.ids()).containsExactly(1, 0, 14, 0, 15, 0, 2);
        assertThat(r.missing()).isEqualTo(1);
    }

    @Test
    void emptyPhonemesStillFrameTheSentence() {
        assertThat(EN.toIds("").ids()).containsExactly(1, 0, 2);
        assertThat(EN.toIds("").phonemes()).isZero();
    }

    @Test
    void theVoicesPhonemeMapReplacesAPhonemeBeforeTheLookup() {
        // A voice whose phoneme_map says "ʊ" -> ["u"] and "ɜ" -> ["ə", "ː"], as piper-phonemize applies it.
        PhonemeIdMapper mapped = new PhonemeIdMapper(idMap(TinyPiperVoices.EN_IDS), Map.of(
                (int) 'ʊ', new int[] {'u'}, (int) 'ɜ', new int[] {'ə', 'ː'}));
        String direct = "oʊ wɜ";
        assertThat(mapped.toIds(direct).ids()).containsExactly(EN.toIds("ou wəː").ids());
        assertThat(mapped.toIds(direct).phonemes()).isEqualTo(6);
        assertThat(EN.toIds(direct).ids()).isNotEqualTo(mapped.toIds(direct).ids());
    }

    @Test
    void aMapWithoutTheSpecialSymbolsIsRefused() {
        assertThatThrownBy(() -> new PhonemeIdMapper(Map.of((int) 'a', new int[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks");
    }

    static Map<Integer, int[]> idMap(Map<String, Integer> ids) {
        Map<Integer, int[]> out = new HashMap<>();
        ids.forEach((k, v) -> out.put(k.codePointAt(0), new int[] {v}));
        return out;
    }
}
