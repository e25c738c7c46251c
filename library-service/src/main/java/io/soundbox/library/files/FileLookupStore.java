package io.soundbox.library.files;

import io.soundbox.library.domain.Generation;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Which generation a file of the audio store belongs to (its audio or its spectrogram), so that the
 * gateway can refuse another user's private file; and the download counter. Both lookups are indexed
 * (V3: idx_generations_filename, idx_generations_spectrogram).
 */
@ApplicationScoped
public class FileLookupStore {
    /** The names the gateway serves; anything else is never a file of the store. */
    public static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    private final Jdbc jdbc;

    @Inject
    public FileLookupStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The generation whose audio file, or else whose spectrogram, has this name. */
    public Optional<Generation> findByFile(String name) {
        return jdbc.read("look up file " + name, c -> {
            List<Generation> byAudio = GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                    + " FROM generations g WHERE g.filename = ? ORDER BY g.seq LIMIT 1", name);
            if (!byAudio.isEmpty()) {
                return Optional.of(byAudio.get(0));
            }
            List<Generation> bySpectrogram = GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                    + " FROM generations g WHERE g.spectrogram = ? ORDER BY g.seq LIMIT 1", name);
            return bySpectrogram.stream().findFirst();
        });
    }

    /** Counts one download; the new count, empty when there is no such generation. */
    public Optional<Long> countDownload(String id) {
        return jdbc.write("count a download of " + id, c -> {
            try (var p = c.prepareStatement("UPDATE generations SET download_count = download_count + 1 WHERE id = ?"
                    + " RETURNING download_count")) {
                p.setString(1, id);
                try (var rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
