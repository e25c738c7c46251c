package io.soundbox.tts.voice;

/**
 * License and attribution of one voice, the fields of the original Sound Box's {@code voice_licenses}.
 *
 * @param licenseWarning shown beside the voice when its use is restricted or its license is unknown
 */
public record VoiceLicense(String name, boolean commercialOk, String license, String licenseShort,
                           String attribution, String attributionUrl, String licenseUrl, String licenseWarning) {

    /** What a voice without a record gets: not cleared for commercial use, with a warning saying why. */
    public static VoiceLicense unknown() {
        return new VoiceLicense(null, false, "Unknown", "unknown", null, null, null,
                "No license record for this voice: check its MODEL_CARD before any commercial use.");
    }
}
