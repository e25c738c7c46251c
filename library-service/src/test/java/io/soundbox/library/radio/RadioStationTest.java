package io.soundbox.library.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RadioStationTest {
    @Test
    void theOriginalsStationsAndAnyCategory() {
        for (String name : RadioStation.NAMES) {
            assertThat(RadioStation.parse(name)).as(name).isPresent();
        }
        assertThat(RadioStation.parse(null).orElseThrow().source()).isEqualTo(RadioStation.Source.SHUFFLE);
        assertThat(RadioStation.parse("all").orElseThrow().source()).isEqualTo(RadioStation.Source.SHUFFLE);
        assertThat(RadioStation.parse("top_rated").orElseThrow().source()).isEqualTo(RadioStation.Source.TOP_RATED);
        assertThat(RadioStation.parse("lofi").orElseThrow().categories()).contains("lofi");
        assertThat(RadioStation.parse("category:drum_and_bass").orElseThrow().categories())
                .containsExactly("drum_and_bass");
        assertThat(RadioStation.parse("category:../x")).isEmpty();
        assertThat(RadioStation.parse("polka")).isEmpty();
    }
}
