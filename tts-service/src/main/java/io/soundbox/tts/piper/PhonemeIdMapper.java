package io.soundbox.tts.piper;

import java.text.Normalizer;
import java.util.Map;

/**
 * Phonemes to model input ids exactly as Piper does ({@code phonemes_to_ids}): the phonemes are
 * NFD-decomposed ("ç" becomes "c" + combining cedilla), then {@code ^ _ (id _)* $} with every phoneme
 * followed by the pad. A voice's {@code phoneme_map} replaces a decomposed phoneme by its listed phonemes
 * before the lookup, as piper-phonemize does. Code points the voice does not know are skipped (Piper counts
 * them as missing).
 */
public final class PhonemeIdMapper {
    private static final int BOS = '^';
    private static final int EOS = '$';
    private static final int PAD = '_';

    private final Map<Integer, int[]> idMap;
    private final Map<Integer, int[]> phonemeMap;

    public PhonemeIdMapper(Map<Integer, int[]> idMap) {
        this(idMap, Map.of());
    }

    /** @param phonemeMap phoneme code point to the code points that replace it (Piper's {@code phoneme_map}) */
    public PhonemeIdMapper(Map<Integer, int[]> idMap, Map<Integer, int[]> phonemeMap) {
        for (int required : new int[] {BOS, EOS, PAD}) {
            if (!idMap.containsKey(required)) {
                throw new IllegalArgumentException("phoneme_id_map lacks '" + Character.toString(required) + "'");
            }
        }
        this.idMap = idMap;
        this.phonemeMap = phonemeMap;
    }

    /** The ids; {@link Result#missing()} counts the phonemes the map does not have. */
    public Result toIds(String phonemes) {
        String nfd = Normalizer.normalize(phonemes, Normalizer.Form.NFD);
        int[] pad = idMap.get(PAD);
        LongList ids = new LongList(nfd.length() * 2 + 4);
        ids.addAll(idMap.get(BOS));
        ids.addAll(pad);
        int missing = 0;
        int mapped = 0;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int[] replacement = phonemeMap.get(cp);
            for (int phoneme : replacement == null ? new int[] {cp} : replacement) {
                int[] id = idMap.get(phoneme);
                if (id == null) {
                    missing++;
                    continue;
                }
                ids.addAll(id);
                ids.addAll(pad);
                mapped++;
            }
        }
        ids.addAll(idMap.get(EOS));
        return new Result(ids.toArray(), mapped, missing);
    }

    /** @param phonemes how many phonemes were mapped (the length the voice will speak) */
    public record Result(long[] ids, int phonemes, int missing) {
    }

    private static final class LongList {
        private long[] values;
        private int size;

        LongList(int capacity) {
            values = new long[capacity];
        }

        void addAll(int[] more) {
            for (int v : more) {
                if (size == values.length) {
                    values = java.util.Arrays.copyOf(values, size * 2 + 8);
                }
                values[size++] = v;
            }
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
