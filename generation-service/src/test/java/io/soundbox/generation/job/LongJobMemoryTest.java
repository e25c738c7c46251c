package io.soundbox.generation.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.WavCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs at each model's maximum duration (600 s) complete in the heap the services run with
 * ({@code -Xmx256m -XX:+UseSerialGC}, in a JVM of their own): before chunked rendering, a 300 s music job
 * ran out of memory there. Checks the stored WAV's exact length and the spectrogram beside it.
 */
class LongJobMemoryTest {
    @TempDir
    Path dir;

    @Test
    void jobsAtTheMaximumDurationCompleteInTheServicesHeap() throws Exception {
        Path audio = dir.resolve("audio");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                LongJobMain.class.getName(), audio.toString(), "music,audio:loop")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String output = String.join("\n", lines);
        assertThat(ended).as("the child JVM ended in time:\n" + output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(lines).as(output).anyMatch(l -> l.startsWith("long-music completed 600 "))
                .anyMatch(l -> l.startsWith("long-audio-loop completed 600 "));
        assertExactLength(audio.resolve("long-music.wav"), 600, 2);
        assertExactLength(audio.resolve("long-audio-loop.wav"), 600, 1);
        assertThat(audio.resolve("long-music.png")).isNotEmptyFile();
        // Nothing left in the work directory: every spool was deleted with its attempt.
        try (var left = Files.list(audio.resolve(".work"))) {
            assertThat(left).isEmpty();
        }
        System.out.println("long jobs in -Xmx256m:\n" + output);
    }

    private static void assertExactLength(Path wav, int seconds, int channels) throws IOException {
        WavCodec.Info info = WavCodec.info(wav);
        assertThat(info.sampleRate()).isEqualTo(32_000);
        assertThat(info.channels()).isEqualTo(channels);
        assertThat(info.frames()).isEqualTo(seconds * 32_000L);
        assertThat(Files.size(wav)).isEqualTo(WavCodec.HEADER_BYTES + seconds * 32_000L * channels * 2);
    }
}
