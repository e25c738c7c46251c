package io.soundbox.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavCodecTest {

    static float[] sine(int rate, double hz, double seconds, int channels) {
        int frames = (int) Math.round(rate * seconds);
        float[] s = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate + c));
            }
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"8000,1", "22050,1", "32000,2", "44100,2", "48000,1", "96000,2"})
    void roundTripKeepsRateChannelsAndSamplesWithin16BitPrecision(int rate, int channels) throws Exception {
        PcmBuffer pcm = new PcmBuffer(rate, channels, sine(rate, 440, 0.25, channels));
        byte[] bytes = WavCodec.toBytes(pcm);
        assertThat(bytes).hasSize((int) WavCodec.encodedSize(pcm));
        PcmBuffer back = WavCodec.read(bytes);
        assertThat(back.sampleRate()).isEqualTo(rate);
        assertThat(back.channels()).isEqualTo(channels);
        assertThat(back.frames()).isEqualTo(pcm.frames());
        for (int i = 0; i < pcm.samples().length; i++) {
            assertThat(back.samples()[i]).isCloseTo(pcm.samples()[i], within(1.0f / 32000));
        }
    }

    @Test
    void headerIsTheCanonical44ByteForm() {
        byte[] b = WavCodec.toBytes(PcmBuffer.mono(22050, new float[100]));
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(b, 0, 4)).isEqualTo("RIFF");
        assertThat(h.getInt(4)).isEqualTo(36 + 200);
        assertThat(new String(b, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(h.getShort(20)).isEqualTo((short) 1);
        assertThat(h.getShort(22)).isEqualTo((short) 1);
        assertThat(h.getInt(24)).isEqualTo(22050);
        assertThat(h.getInt(28)).isEqualTo(44100);
        assertThat(h.getShort(34)).isEqualTo((short) 16);
        assertThat(new String(b, 36, 4)).isEqualTo("data");
        assertThat(h.getInt(40)).isEqualTo(200);
    }

    @Test
    void clipsOutOfRangeAndNaNSamples() {
        assertThat(WavCodec.toPcm16(2f)).isEqualTo(32767);
        assertThat(WavCodec.toPcm16(-2f)).isEqualTo(-32768);
        assertThat(WavCodec.toPcm16(Float.NaN)).isZero();
    }

    @Test
    void skipsUnknownChunksIncludingOddSizedOnes() throws Exception {
        byte[] plain = WavCodec.toBytes(PcmBuffer.mono(16000, new float[] {0.25f, -0.25f}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 12);
        ByteBuffer list = ByteBuffer.allocate(8 + 3 + 1).order(ByteOrder.LITTLE_ENDIAN);
        list.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0});
        out.write(list.array());
        out.write(plain, 12, plain.length - 12);
        PcmBuffer back = WavCodec.read(out.toByteArray());
        assertThat(back.samples()).containsExactly(0.25f, -0.25f);
    }

    @Test
    void readsFloatAnd24BitFiles() throws Exception {
        ByteBuffer f = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        f.put("RIFF".getBytes()).putInt(36 + 8).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 3)
                .putShort((short) 1).putInt(8000).putInt(32000).putShort((short) 4).putShort((short) 32)
                .put("data".getBytes()).putInt(8).putFloat(0.5f).putFloat(-1f);
        assertThat(WavCodec.read(f.array()).samples()).containsExactly(0.5f, -1f);

        ByteBuffer p = ByteBuffer.allocate(44 + 6).order(ByteOrder.LITTLE_ENDIAN);
        p.put("RIFF".getBytes()).putInt(36 + 6).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(24000).putShort((short) 3).putShort((short) 24)
                .put("data".getBytes()).putInt(6).put(new byte[] {0, 0, 0x40, 0, 0, (byte) 0xC0});
        assertThat(WavCodec.read(p.array()).samples()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> WavCodec.read("hello world, not a wav".getBytes()))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("RIFF");
        byte[] good = WavCodec.toBytes(PcmBuffer.mono(8000, new float[1000]));
        assertThatThrownBy(() -> WavCodec.read(Arrays.copyOf(good, 500)))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("truncated");
        byte[] fiveChannels = good.clone();
        fiveChannels[22] = 5;
        assertThatThrownBy(() -> WavCodec.read(fiveChannels)).hasMessageContaining("channel");
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("sub/clip.wav");
        PcmBuffer pcm = PcmBuffer.stereo(44100, new float[] {0.1f, 0.2f}, new float[] {-0.1f, -0.2f});
        WavCodec.writeAtomically(pcm, target);
        assertThat(WavCodec.read(target).frames()).isEqualTo(2);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .as("other services may read the audio store").isEqualTo("rw-r--r--");
    }

    @Test
    void bufferReportsDurationChannelsAndLevels() {
        PcmBuffer pcm = PcmBuffer.stereo(1000, new float[] {1f, 0f, 0f, 0f}, new float[] {0f, 0f, 0f, -0.5f});
        assertThat(pcm.frames()).isEqualTo(4);
        assertThat(pcm.durationSeconds()).isEqualTo(0.004);
        assertThat(pcm.channel(1)).containsExactly(0f, 0f, 0f, -0.5f);
        assertThat(pcm.toMono()).containsExactly(0.5f, 0f, 0f, -0.25f);
        assertThat(pcm.peak()).isEqualTo(1f);
        assertThatThrownBy(() -> new PcmBuffer(1000, 3, new float[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmBuffer(1000, 2, new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
