package io.soundbox.generation.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void delayPatternShiftsEachCodebookByItsIndex() {
        DelayPattern p = new DelayPattern(4);
        assertThat(p.steps(10)).isEqualTo(13);
        assertThat(p.isPadding(0, 0, 10)).isFalse();
        assertThat(p.isPadding(3, 2, 10)).isTrue();
        assertThat(p.isPadding(3, 3, 10)).isFalse();
        assertThat(p.isPadding(0, 10, 10)).isTrue();
        assertThat(p.isPadding(3, 12, 10)).isFalse();
        long[][] delayed = new long[4][13];
        for (int k = 0; k < 4; k++) {
            for (int s = 0; s < 13; s++) {
                delayed[k][s] = p.isPadding(k, s, 10) ? -1 : 100 * k + p.frameAt(k, s);
            }
        }
        long[][] codes = p.undelay(delayed, 10);
        for (int k = 0; k < 4; k++) {
            for (int f = 0; f < 10; f++) {
                assertThat(codes[k][f]).isEqualTo(100L * k + f);
            }
        }
    }

    @Test
    void guidancePushesAwayFromTheUnconditionalLogits() {
        float[] cond = {1, 2, 3};
        float[] uncond = {1, 3, 0};
        float[] out = new float[3];
        TokenSampler.guide(cond, 0, uncond, 0, 3, 3.0, out);
        assertThat(out).containsExactly(1f, 0f, 9f);
        TokenSampler.guide(cond, 0, uncond, 0, 3, 1.0, out);
        assertThat(out).containsExactly(cond);
    }

    @Test
    void topKNeverLeavesTheTopKAndIsSeeded() {
        float[] logits = new float[2048];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (i * 7919) % 2048 / 100f;
        }
        TokenSampler sampler = new TokenSampler(5, 5.0);
        Set<Integer> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            seen.add(sampler.sample(logits, 0, logits.length, rng));
        }
        Set<Integer> top5 = new HashSet<>();
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] >= 20.43f) {
                top5.add(i);
            }
        }
        assertThat(top5).hasSize(5);
        assertThat(seen).isEqualTo(top5);
        assertThat(new TokenSampler(5, 5.0).sample(logits, 0, 2048, new SplittableRandom(9)))
                .isEqualTo(new TokenSampler(5, 5.0).sample(logits, 0, 2048, new SplittableRandom(9)));
        assertThat(new TokenSampler(1, 1.0).sample(logits, 0, 2048, rng)).isEqualTo(TokenSampler.argmax(logits, 0, 2048));
        assertThat(new TokenSampler(250, 0).sample(logits, 0, 2048, rng)).isEqualTo(TokenSampler.argmax(logits, 0, 2048));
    }
}
