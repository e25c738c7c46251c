package io.soundbox.events;

import java.util.List;
import java.util.Map;

/**
 * How each topic is created when it does not exist yet. Partition counts bound how many consumers of a
 * group can work in parallel (one generation-service per GPU), so they are sized for scale-out now:
 * Kafka can add partitions later but that re-maps keys.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(Topics.GENERATION_REQUESTED, 12, Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000))),
            new TopicSpec(Topics.GENERATION_CONTROL, 12, Map.of("retention.ms", String.valueOf(24L * 3600 * 1000))),
            // Compacted: the newest status per job survives, so a restarted gateway rebuilds its read
            // model by reading the topic from the start; finished jobs age out after a week.
            new TopicSpec(Topics.JOB_STATUS, 12, Map.of(
                    "cleanup.policy", "compact,delete",
                    "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                    "min.cleanable.dirty.ratio", "0.2",
                    "segment.ms", String.valueOf(3600L * 1000))),
            new TopicSpec(Topics.AUDIO_CREATED, 12, Map.of("retention.ms", "-1")),
            new TopicSpec(Topics.LIBRARY_EVENTS, 12, Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))));
}
