package io.soundbox.generation.scheduler;

import static io.soundbox.generation.scheduler.JobSchedulerTest.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.ModelId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueForecastTest {
    /** Loads cost 8 s, generation 1 s per job, whatever the batch. */
    private final CostModel costs = new CostModel() {
        public long switchMs(ModelId from, ModelId to) {
            return from == to ? 0 : 8_000;
        }

        public long runMs(ModelId model, List<QueuedJob> batch) {
            return 1_000;
        }
    };

    @Test
    void positionsFollowThePredictedRunOrderAndEtasAddUp() {
        JobScheduler s = new JobScheduler(SchedulingPolicy.defaults(50));
        s.add(job("m-1", "free", ModelId.MUSIC), 0);
        s.next(0, m -> 1); // music is loaded
        s.add(job("a-1", "creator", ModelId.AUDIO), 0);
        s.add(job("m-2", "free", ModelId.MUSIC), 0);

        Map<String, QueueForecast.Estimate> f = QueueForecast.of(s, 0, 500, costs, m -> 1);
        // Affinity keeps music for m-2 before the creator job's model is loaded.
        assertThat(f.keySet()).containsExactly("m-2", "a-1");
        assertThat(f.get("m-2")).isEqualTo(new QueueForecast.Estimate(1, 1_500));
        assertThat(f.get("a-1")).isEqualTo(new QueueForecast.Estimate(2, 1_500 + 8_000 + 1_000));
        // The forecast does not touch the real queue.
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void theForecastKnowsWhichModelsAreInMemory() {
        JobScheduler s = new JobScheduler(SchedulingPolicy.defaults(50));
        s.add(job("m-1", "free", ModelId.MUSIC), 0);
        s.next(0, m -> 1);
        s.add(job("a-1", "creator", ModelId.AUDIO), 0);
        s.add(job("m-2", "free", ModelId.MUSIC), 0);

        // The creator job's model is in memory: nothing to save by staying, so it is predicted first.
        Map<String, QueueForecast.Estimate> f = QueueForecast.of(s, 0, 0, costs, m -> 1, m -> true);
        assertThat(f.keySet()).containsExactly("a-1", "m-2");
    }

    @Test
    void aBatchCompletesTogether() {
        JobScheduler s = new JobScheduler(SchedulingPolicy.defaults(50));
        for (int i = 0; i < 4; i++) {
            s.add(job("m-" + i, "free", ModelId.MUSIC), i);
        }
        Map<String, QueueForecast.Estimate> f = QueueForecast.of(s, 0, 0, costs, m -> 3);
        assertThat(f.get("m-0").etaMs()).isEqualTo(f.get("m-2").etaMs()).isEqualTo(9_000);
        assertThat(f.get("m-2").position()).isEqualTo(3);
        assertThat(f.get("m-3")).isEqualTo(new QueueForecast.Estimate(4, 10_000));
    }

    @Test
    void theEstimatorLearnsFromMeasurementsAndKnowsLoadedModels() {
        RunTimeEstimator e = new RunTimeEstimator(1_000, 8_000, m -> m == ModelId.AUDIO);
        assertThat(e.switchMs(ModelId.MUSIC, ModelId.AUDIO)).isZero();
        assertThat(e.switchMs(ModelId.AUDIO, ModelId.MUSIC)).isEqualTo(8_000);
        e.recordLoad(ModelId.MUSIC, 18_000);
        assertThat(e.switchMs(ModelId.AUDIO, ModelId.MUSIC)).isEqualTo(11_000);
        JobScheduler s = new JobScheduler(SchedulingPolicy.defaults(5));
        s.add(job("m", "free", ModelId.MUSIC), 0);
        assertThat(e.runMs(ModelId.MUSIC, s.queued())).isEqualTo(10_000);
        e.recordRun(ModelId.MUSIC, 10, 2_000);
        assertThat(e.runMs(ModelId.MUSIC, s.queued())).isEqualTo(7_600);
    }
}
