package io.soundbox.backup.engine;

import java.util.List;

/**
 * The outcome of checking a backup against its manifest.
 *
 * @param problems one line per file that is missing or differs, and the integrity check's complaint;
 *                 empty when {@code ok}
 */
public record Verification(String id, boolean ok, int filesChecked, long bytesChecked, String integrity,
                           List<String> problems) {
}
