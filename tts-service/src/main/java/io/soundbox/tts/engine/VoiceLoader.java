package io.soundbox.tts.engine;

import io.soundbox.tts.voice.VoiceEntry;

/** Loads a catalog entry into a ready voice (an ONNX session, a FreeTTS voice). May take seconds. */
@FunctionalInterface
public interface VoiceLoader {
    SpeechVoice load(VoiceEntry entry) throws Exception;
}
