package io.soundbox.tts.phonemize;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Piper's own phonemization ({@code phonemize_eSpeak} of piper-phonemize), in Java over JNA: clause by
 * clause through the patched {@code espeak_TextToPhonemesWithTerminator}, the clause's punctuation put
 * back from its terminator ({@code .?!} alone, {@code ,:;} followed by a space), a new sentence after
 * every sentence-type terminator.
 *
 * <p>espeak-ng keeps global state (current voice, buffers), so every call holds one lock for the whole
 * process. A 200-character text takes well under a millisecond once warm.
 */
public final class EspeakLibraryPhonemizer implements Phonemizer {
    // Clause terminators from espeak-ng's translate.h (the low 20 bits Piper compares).
    static final int CLAUSE_TYPE_SENTENCE = 0x00080000;
    static final int CLAUSE_PERIOD = 40 | 0x00080000;
    static final int CLAUSE_QUESTION = 40 | 0x00002000 | 0x00080000;
    static final int CLAUSE_EXCLAMATION = 45 | 0x00003000 | 0x00080000;
    static final int CLAUSE_COMMA = 20 | 0x00001000 | 0x00040000;
    static final int CLAUSE_COLON = 30 | 0x00040000;
    static final int CLAUSE_SEMICOLON = 30 | 0x00001000 | 0x00040000;

    private static final Object GLOBAL_LOCK = new Object();
    private static volatile EspeakLibrary shared;
    private static String currentVoice;

    private final EspeakLibrary espeak;

    private EspeakLibraryPhonemizer(EspeakLibrary espeak) {
        this.espeak = espeak;
    }

    /** Unpacks (once) and loads the bundled library; one instance per process, since espeak-ng is global. */
    public static EspeakLibraryPhonemizer load(Path cacheRoot) {
        synchronized (GLOBAL_LOCK) {
            if (shared == null) {
                Path dir = BundledEspeak.unpack(cacheRoot);
                EspeakLibrary lib;
                try {
                    lib = Native.load(dir.resolve(BundledEspeak.libraryFileName()).toString(), EspeakLibrary.class);
                } catch (UnsatisfiedLinkError e) {
                    throw new PhonemizerException("cannot load the bundled espeak-ng: " + e.getMessage(), e);
                }
                int rate = lib.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, 0, dir.toString(), 0);
                if (rate <= 0) {
                    throw new PhonemizerException("espeak-ng did not initialise from " + dir + " (code " + rate + ")");
                }
                shared = lib;
            }
            return new EspeakLibraryPhonemizer(shared);
        }
    }

    @Override
    public List<String> phonemize(String text, String espeakVoice) {
        synchronized (GLOBAL_LOCK) {
            if (!espeakVoice.equals(currentVoice)) {
                int rc = espeak.espeak_SetVoiceByName(espeakVoice);
                if (rc != 0) {
                    throw new PhonemizerException("espeak-ng has no voice '" + espeakVoice + "' (code " + rc + ")");
                }
                currentVoice = espeakVoice;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Memory buffer = new Memory(utf8.length + 1L);
            buffer.write(0, utf8, 0, utf8.length);
            buffer.setByte(utf8.length, (byte) 0);
            PointerByReference cursor = new PointerByReference(buffer);
            IntByReference terminator = new IntByReference();
            List<String> sentences = new ArrayList<>();
            StringBuilder sentence = null;
            while (cursor.getValue() != null) {
                Pointer clause = espeak.espeak_TextToPhonemesWithTerminator(cursor, EspeakLibrary.ESPEAK_CHARS_UTF8,
                        EspeakLibrary.PHONEMES_IPA, terminator);
                if (sentence == null) {
                    sentence = new StringBuilder();
                }
                if (clause != null) {
                    sentence.append(clause.getString(0, StandardCharsets.UTF_8.name()));
                }
                appendPunctuation(sentence, terminator.getValue());
                if ((terminator.getValue() & CLAUSE_TYPE_SENTENCE) == CLAUSE_TYPE_SENTENCE) {
                    sentences.add(sentence.toString());
                    sentence = null;
                }
            }
            if (sentence != null) {
                sentences.add(sentence.toString());
            }
            sentences.removeIf(String::isBlank);
            return sentences;
        }
    }

    static void appendPunctuation(StringBuilder sentence, int terminator) {
        int punctuation = terminator & 0x000FFFFF;
        if (punctuation == CLAUSE_PERIOD) {
            sentence.append('.');
        } else if (punctuation == CLAUSE_QUESTION) {
            sentence.append('?');
        } else if (punctuation == CLAUSE_EXCLAMATION) {
            sentence.append('!');
        } else if (punctuation == CLAUSE_COMMA) {
            sentence.append(", ");
        } else if (punctuation == CLAUSE_COLON) {
            sentence.append(": ");
        } else if (punctuation == CLAUSE_SEMICOLON) {
            sentence.append("; ");
        }
    }

    @Override
    public String name() {
        return "espeak-ng (bundled, Piper-patched)";
    }
}
