package io.soundbox.tts.speech;

import java.util.List;

/**
 * {@code POST /api/tts/generate} body (snake_case on the wire).
 *
 * @param speaker       a speaker name or number of a multi-speaker voice
 * @param speed         1 = the voice's pace (0.25..4)
 * @param variability   Piper's noise scale override (0..2)
 * @param saveToLibrary announce the file on {@code soundbox.audio.created} so the library lists it (default false, as in the original: unsaved speech is answered inline)
 */
public record SpeechRequest(String text, String voice, Object speaker, Double speed, Double variability,
                            Boolean saveToLibrary, List<String> tags, Boolean isPublic) {
}
