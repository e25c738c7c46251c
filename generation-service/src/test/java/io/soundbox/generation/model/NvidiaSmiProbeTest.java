package io.soundbox.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiProbeTest {

    @Test
    void parsesTheCsvOfEveryGpu() {
        String csv = """
                memory.free [MiB], memory.used [MiB]
                72718 MiB, 8 MiB
                1024 MiB, 23552 MiB
                """;
        assertThat(NvidiaSmiProbe.parse(csv)).containsExactly(
                new MemoryReading(72718, 8, 72726, "nvidia-smi"),
                new MemoryReading(1024, 23552, 24576, "nvidia-smi"));
    }

    @Test
    void followsTheHeaderWhenTheColumnsAreSwappedAndAcceptsValuesWithoutUnits() {
        String csv = "memory.used [MiB], memory.free [MiB]\r\n500, 7692\r\n";
        assertThat(NvidiaSmiProbe.parse(csv)).containsExactly(new MemoryReading(7692, 500, 8192, "nvidia-smi"));
    }

    @Test
    void rejectsWhatIsNotItsOutput() {
        assertThatThrownBy(() -> NvidiaSmiProbe.parse("memory.free [MiB], memory.used [MiB]\n[N/A], [N/A]\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N/A]");
        assertThat(NvidiaSmiProbe.parse("")).isEqualTo(List.of());
    }

    @Test
    void aMissingCommandIsNotAvailable() {
        assertThat(NvidiaSmiProbe.isAvailable("/nonexistent/nvidia-smi")).isFalse();
    }

    @Test
    void theHostProbeReportsSomethingPlausible() {
        MemoryReading m = new HostMemoryProbe().read();
        assertThat(m.totalMb()).isPositive();
        assertThat(m.freeMb()).isBetween(0L, m.totalMb());
    }
}
