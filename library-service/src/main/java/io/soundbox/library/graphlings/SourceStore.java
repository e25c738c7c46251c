package io.soundbox.library.graphlings;

import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Graphlings sources: which items came from which Graphlings source (a pack, a creature, a world). Counts
 * are over public items only; a source with no public item is not listed.
 */
@ApplicationScoped
public class SourceStore {
    /** A source id: lowercase letters, digits, '_' and '-'. */
    public static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9_-]{1,64}");

    private final Jdbc jdbc;

    @Inject
    public SourceStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Every source with public items and their number, by source id. */
    public Map<String, Long> publicCounts() {
        return jdbc.read("count sources", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT source, count(*) FROM generations"
                    + " WHERE source IS NOT NULL AND is_public = 1 GROUP BY source ORDER BY source");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    public long publicCount(String source) {
        return jdbc.read("count source " + source, c -> Jdbc.longValue(c,
                "SELECT count(*) FROM generations WHERE source = ? AND is_public = 1", source));
    }

    /**
     * Sets (or with null clears) the source of the items, in one transaction.
     *
     * @return the ids that exist and were changed
     */
    public List<String> setSource(List<String> ids, String source, Instant at) {
        return jdbc.write("set the source of " + ids.size() + " generation(s)", c -> {
            List<String> updated = new ArrayList<>();
            for (String id : ids) {
                if (Jdbc.update(c, "UPDATE generations SET source = ?, updated_at = ? WHERE id = ? AND source IS NOT ?",
                        source, SqlInstants.format(at), id, source) > 0) {
                    updated.add(id);
                }
            }
            return updated;
        });
    }
}
