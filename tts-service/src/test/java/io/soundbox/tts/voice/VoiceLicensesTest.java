package io.soundbox.tts.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceLicensesTest {

    @TempDir
    Path dir;

    @Test
    void bundledRecordsCoverTheBuiltInVoiceAndPiperDatasetsAcrossQualities() {
        VoiceLicenses licenses = VoiceLicenses.load(dir.resolve("none.json"));

        assertThat(licenses.forVoice("kevin16").commercialOk()).isTrue();
        VoiceLicense lessac = licenses.forVoice("en_US-lessac-medium");
        assertThat(lessac.commercialOk()).isFalse();
        assertThat(lessac.licenseWarning()).contains("Not for commercial use");
        assertThat(licenses.forVoice("en_US-lessac-high")).isEqualTo(lessac);
        assertThat(licenses.forVoice("en_US-libritts_r-medium").licenseShort()).isEqualTo("CC BY 4.0");
    }

    @Test
    void unknownVoicesAreNotClearedForCommercialUse() {
        VoiceLicense l = VoiceLicenses.load(null).forVoice("xx_XX-mystery-low");

        assertThat(l.commercialOk()).isFalse();
        assertThat(l.licenseShort()).isEqualTo("unknown");
        assertThat(l.licenseWarning()).contains("MODEL_CARD");
    }

    @Test
    void anOperatorFileOverridesEntries() throws Exception {
        Path file = Files.writeString(dir.resolve("voice-licenses.json"), """
                {"voices": {"en_US-lessac-medium": {"commercial_ok": true, "license": "Bought a license",
                  "license_short": "commercial", "attribution": "Us"}}}
                """);

        VoiceLicenses licenses = VoiceLicenses.load(file);

        assertThat(licenses.forVoice("en_US-lessac-medium").commercialOk()).isTrue();
        assertThat(licenses.forVoice("en_US-lessac-medium").licenseShort()).isEqualTo("commercial");
        assertThat(licenses.forVoice("en_US-lessac-low").commercialOk()).isFalse();
    }
}
