package io.soundbox.tts.speech;

/** {@code POST /api/tts/generate} answer; {@code audio_url} is served by the gateway from the audio store. */
public record SpeechResult(String audioUrl, String filename, String genId, double duration, String voice,
                           String speaker, int sampleRate, boolean savedToLibrary) {
}
