package io.soundbox.generation.model;

/**
 * Memory of the device models load into, in MiB.
 *
 * @param source where it was read: {@code nvidia-smi}, {@code host}, {@code none}
 */
public record MemoryReading(long freeMb, long usedMb, long totalMb, String source) {
}
