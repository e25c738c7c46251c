package io.soundbox.generation.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.quality.QualityAnalysis;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityRetryTest {
    private static final java.nio.file.Path WORK = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));

    private final List<String> announced = new ArrayList<>();
    private final QualityRetry.Attempts recorder = new QualityRetry.Attempts() {
        @Override
        public ProgressListener retrying(int retry, QualityAnalysis previous) {
            announced.add("retry " + retry + " after " + previous.score());
            return ProgressListener.NONE;
        }

        @Override
        public void analyzing(int retry) {
            announced.add("analyzing " + retry);
        }
    };

    @Test
    void aGoodFirstAttemptIsKeptWithoutRetry() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.TONE);
        QualityRetry.Best best = new QualityRetry(new QualityAnalyzer(), 3, 50)
                .best(engine, input(), null, WORK, ProgressListener.NONE, recorder, CancellationCheck.NEVER);
        assertThat(best.retries()).isZero();
        assertThat(best.analysis().score()).isEqualTo(100);
        assertThat(engine.seeds).containsExactly(11L);
        assertThat(announced).containsExactly("analyzing 0");
    }

    @Test
    void badAttemptsAreRetriedWithNewSeedsAndTheBestIsKept() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.SILENCE, ScriptedEngine.CLIPPED, ScriptedEngine.SILENCE);
        QualityRetry.Best best = new QualityRetry(new QualityAnalyzer(), 3, 90)
                .best(engine, input(), null, WORK, ProgressListener.NONE, recorder, CancellationCheck.NEVER);
        assertThat(engine.seeds).hasSize(3).doesNotHaveDuplicates().startsWith(11L);
        // The clipped tone beats silence (40) but stays under 90: all three attempts ran, the second won.
        assertThat(best.retries()).isEqualTo(2);
        assertThat(best.analysis().issues()).anyMatch(i -> i.startsWith("clipping"));
        assertThat(PcmSource.readAll(best.pcm())).isEqualTo(engine.outputs.get(1));
        assertThat(announced).containsExactly("analyzing 0", "retry 1 after 40", "analyzing 1",
                "retry 2 after " + best.analysis().score(), "analyzing 2");
        assertThat(best.report().isGood()).isEqualTo(best.analysis().good());
    }

    @Test
    void aBatchedFirstAttemptIsAnalysedNotRegenerated() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.TONE);
        PcmBuffer first = ScriptedEngine.render(ScriptedEngine.SILENCE);
        QualityRetry.Best best = new QualityRetry(new QualityAnalyzer(), 2, 50)
                .best(engine, input(), first, WORK, ProgressListener.NONE, recorder, CancellationCheck.NEVER);
        assertThat(engine.seeds).containsExactly(QualityRetry.retrySeed(11, 1));
        assertThat(best.retries()).isEqualTo(1);
        assertThat(best.analysis().score()).isEqualTo(100);
    }

    @Test
    void retriesStopWhenTheJobIsStopped() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.SILENCE, ScriptedEngine.TONE);
        QualityRetry retry = new QualityRetry(new QualityAnalyzer(), 3, 50);
        // Stopped once the first attempt exists: no retry may start.
        assertThatThrownBy(() -> retry.best(engine, input(), null, WORK, ProgressListener.NONE, recorder,
                () -> !engine.seeds.isEmpty())).isInstanceOf(GenerationCancelledException.class);
        assertThat(engine.seeds).hasSize(1);
    }

    private static GenerationInput input() {
        return new GenerationInput("a test tone", 0.5, false, 11);
    }
}
