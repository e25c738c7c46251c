package io.soundbox.tts.api;

import io.soundbox.tts.voice.VoiceEntry;
import io.soundbox.tts.voice.VoiceLicense;
import java.util.List;

/** One voice as {@code GET /api/voices} lists it: the original's fields first, then ours. */
public record VoiceView(String id, String name, String locale, String quality, int sampleRate, boolean commercialOk,
                        String license, String licenseShort, String attribution, String attributionUrl,
                        String licenseUrl, String licenseWarning, String engine, List<String> speakers,
                        int numSpeakers, boolean needsWeights, boolean isDefault, String sampleUrl) {

    static VoiceView of(VoiceEntry v, VoiceLicense l, boolean isDefault) {
        return new VoiceView(v.id(), l.name() != null ? l.name() : v.name(), v.locale(), v.quality(), v.sampleRate(),
                l.commercialOk(), l.license(), l.licenseShort(), l.attribution(), l.attributionUrl(), l.licenseUrl(),
                l.licenseWarning(), v.engine().wireName(), v.speakers(), Math.max(1, v.speakers().size()),
                v.needsWeights(), isDefault, "/api/tts/sample/" + v.id());
    }
}
