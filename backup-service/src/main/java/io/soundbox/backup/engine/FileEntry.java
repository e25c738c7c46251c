package io.soundbox.backup.engine;

/**
 * One file of a backup as its manifest records it.
 *
 * @param path     relative to the backup folder, with {@code /} separators
 * @param modified the source file's modification time (epoch ms): with the size, the quick check that
 *                 lets the next backup hard-link an unchanged file instead of copying it
 */
public record FileEntry(String path, long size, String sha256, long modified) {
}
