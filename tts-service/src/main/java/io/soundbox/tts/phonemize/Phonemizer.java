package io.soundbox.tts.phonemize;

import java.util.List;

/** Text to IPA phonemes, sentence by sentence, in an espeak-ng voice (language) such as {@code en-us}. */
public interface Phonemizer {

    /**
     * @return one string of phonemes per sentence, punctuation included where the implementation can
     *         tell it ({@code . , ? ! : ;} and the space after a clause, as Piper's phonemizer emits)
     * @throws PhonemizerException when the voice is unknown to espeak-ng or espeak-ng fails
     */
    List<String> phonemize(String text, String espeakVoice);

    /** Which implementation this is, for logs and the voice listing. */
    String name();
}
