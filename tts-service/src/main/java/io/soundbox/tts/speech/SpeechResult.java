package io.soundbox.tts.speech;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /api/tts/generate} answer; {@code audio_url} is served by the gateway from the audio store.
 * Speech not saved to the library also comes inline as {@code audio_base64} (the WAV), as the original
 * answered; saved speech answers with {@code filename} and {@code gen_id} instead.
 */
public record SpeechResult(String audioUrl, String filename, String genId, double duration, String voice,
                           String speaker, int sampleRate, boolean savedToLibrary,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String audioBase64) {
}
