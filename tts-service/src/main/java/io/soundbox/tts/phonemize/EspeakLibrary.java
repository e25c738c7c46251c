package io.soundbox.tts.phonemize;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few espeak-ng C functions Piper's phonemizer uses. {@code espeak_TextToPhonemesWithTerminator}
 * exists only in Piper's patched espeak-ng (bundled in piper-jni): it reports how each clause ended,
 * which is how Piper puts punctuation back into the phonemes.
 */
public interface EspeakLibrary extends Library {
    /** {@code AUDIO_OUTPUT_SYNCHRONOUS}: no audio thread is started. */
    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    int ESPEAK_CHARS_UTF8 = 1;
    /** {@code espeakPHONEMES_IPA}, no separator between phonemes. */
    int PHONEMES_IPA = 0x02;

    int espeak_Initialize(int output, int bufferLength, String path, int options);

    int espeak_SetVoiceByName(String name);

    Pointer espeak_TextToPhonemesWithTerminator(PointerByReference textPointer, int textMode, int phonemeMode,
                                                IntByReference terminator);
}
