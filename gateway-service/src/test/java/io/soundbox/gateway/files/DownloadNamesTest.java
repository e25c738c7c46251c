package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNamesTest {
    @Test
    void promptSlugAndIdTail() {
        assertThat(DownloadNames.friendly("Gentle rain on a tin roof", "3c9e1f0a-77b2-4c1d-9a10-5e2f3a9b1c2d",
                "x.wav")).isEqualTo("gentle_rain_on_a_tin_roof_3a9b1c2d.wav");
    }

    @Test
    void slugIsCutAtThirtyWithoutATrailingUnderscore() {
        String slug = DownloadNames.slug("Epic orchestral battle music with choir and drums");
        assertThat(slug).hasSizeLessThanOrEqualTo(30).doesNotEndWith("_").startsWith("epic_orchestral_battle");
        assertThat(DownloadNames.slug("  Café — déjà vu!!  ")).isEqualTo("cafe_deja_vu");
    }

    @Test
    void fallsBackToTheFileNameWithoutAUsableSlug() {
        assertThat(DownloadNames.friendly("!!!", "abc", "abc.wav")).isEqualTo("abc.wav");
        assertThat(DownloadNames.friendly(null, "abc", "abc.wav")).isEqualTo("abc.wav");
        assertThat(DownloadNames.friendly("rain", "--", "x.wav")).isEqualTo("x.wav");
        assertThat(DownloadNames.friendly("雨の音", "abc", "abc.wav")).isEqualTo("abc.wav");
    }
}
