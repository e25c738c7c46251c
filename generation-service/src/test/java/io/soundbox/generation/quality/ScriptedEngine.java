package io.soundbox.generation.quality;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** An engine whose attempts are scripted: a clean tone, silence or a hard-clipped tone, in turn. */
final class ScriptedEngine implements AudioEngine {
    static final String TONE = "tone";
    static final String SILENCE = "silence";
    static final String CLIPPED = "clipped";
    static final int RATE = 32_000;

    private final String[] script;
    final List<Long> seeds = new ArrayList<>();
    final List<PcmBuffer> outputs = new ArrayList<>();

    ScriptedEngine(String... script) {
        this.script = script;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public synchronized PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
        String kind = script[Math.min(seeds.size(), script.length - 1)];
        seeds.add(input.seed());
        PcmBuffer pcm = render(kind, AudioEngine.frameCount(input.durationSeconds(), RATE));
        outputs.add(pcm);
        progress.onProgress(1.0);
        return pcm;
    }

    static PcmBuffer render(String kind) {
        return render(kind, RATE / 2);
    }

    static PcmBuffer render(String kind, int frames) {
        float[] s = new float[frames];
        if (!kind.equals(SILENCE)) {
            double amplitude = kind.equals(CLIPPED) ? 3.0 : 0.3;
            for (int i = 0; i < frames; i++) {
                s[i] = (float) Math.max(-1, Math.min(1, amplitude * Math.sin(2 * Math.PI * 330 * i / RATE)));
            }
        }
        return PcmBuffer.mono(RATE, s);
    }
}
