package io.soundbox.library.restore;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.library.community.FavoriteStore;
import io.soundbox.library.community.PlayStore;
import io.soundbox.library.community.VoteRequest;
import io.soundbox.library.community.VoteStore;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.ingest.GenerationIngestor;
import io.soundbox.library.moderation.ModerationPolicy;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Re-applies what happened after a backup to a copy of it: the generations of soundbox.audio.created (the
 * same idempotent upsert as live ingestion, which respects tombstones) and the library's own actions of
 * soundbox.library.events that carry the state they set: deletions (a tombstone again, so nothing deleted
 * comes back), visibility and moderation, votes, favorites, plays. Each is idempotent, so replaying an
 * action the backup already holds changes nothing (a play through the same de-duplication window as a
 * live one). Other actions (playlists, tag suggestions) are not replayed; {@link LibraryDiff} lists what
 * that loses.
 */
final class ScratchReplay {
    private final DataSource scratch;
    private final GenerationIngestor ingestor;
    private final GenerationRepository generations;
    private final VoteStore votes;
    private final FavoriteStore favorites;
    private final PlayStore plays;
    private final Duration playDedupWindow;
    private final Instant backupCreatedAt;
    private final Jdbc jdbc;
    private final Map<String, Long> applied = new TreeMap<>();
    private final Map<String, Long> notReplayed = new TreeMap<>();
    private long generationsRejected;

    ScratchReplay(DataSource scratch, Categorizer categorizer, boolean moderation, Duration playDedupWindow,
                  Instant backupCreatedAt) {
        this.plays = new PlayStore(scratch);
        this.playDedupWindow = playDedupWindow;
        this.backupCreatedAt = backupCreatedAt;
        this.scratch = scratch;
        this.generations = new GenerationRepository(scratch);
        this.ingestor = new GenerationIngestor(categorizer, generations, Clock.systemUTC(),
                new ModerationPolicy(moderation));
        this.votes = new VoteStore(scratch);
        this.favorites = new FavoriteStore(scratch);
        this.jdbc = new Jdbc(scratch);
    }

    void ingest(List<ConsumerRecord<String, AudioCreated>> batch) {
        List<GenerationIngestor.Stored> stored = ingestor.storeEach(batch.stream().map(ConsumerRecord::value).toList());
        for (GenerationIngestor.Stored s : stored) {
            if (s.rejected()) {
                generationsRejected++;
            } else {
                applied.merge("audio_created", 1L, Long::sum);
            }
        }
    }

    void apply(List<ConsumerRecord<String, LibraryEvent>> batch) {
        for (ConsumerRecord<String, LibraryEvent> r : batch) {
            LibraryEvent e = r.value();
            String type = e.type().wireName();
            if (apply(e)) {
                applied.merge(type, 1L, Long::sum);
            } else {
                notReplayed.merge(type, 1L, Long::sum);
            }
        }
    }

    /** @return false for an action this replay does not re-apply (or one without the data to do so) */
    private boolean apply(LibraryEvent e) {
        String id = e.generationId();
        Instant at = e.at() == null ? Instant.now() : e.at();
        Map<String, Object> data = e.data();
        switch (e.type()) {
            case GENERATION_DELETED -> {
                generations.delete(id, e.userId(), at);
                return true;
            }
            case VISIBILITY_CHANGED -> {
                if (!(data.get("requested_public") instanceof Boolean wish) || !(data.get("review_status") instanceof String status)) {
                    return false;
                }
                // The visibility triggers derive is_public from the owner's wish and the review status.
                jdbc.write("replay a visibility change of " + id, c -> Jdbc.update(c,
                        "UPDATE generations SET owner_public = ?, review_status = ? WHERE id = ?", wish, status, id));
                return true;
            }
            case VOTED -> {
                if (!(data.get("vote") instanceof Number vote) || e.userId() == null || !exists(id)) {
                    return false;
                }
                List<String> reasons = new ArrayList<>();
                if (data.get("feedback_reasons") instanceof List<?> list) {
                    list.forEach(x -> reasons.add(String.valueOf(x)));
                }
                votes.vote(id, e.userId(), new VoteRequest(vote.intValue(), reasons, null, null), at);
                return true;
            }
            case FAVORITED -> {
                if (e.userId() == null || !exists(id)) {
                    return false;
                }
                favorites.add(e.userId(), id, at);
                return true;
            }
            case UNFAVORITED -> {
                if (e.userId() == null) {
                    return false;
                }
                favorites.remove(e.userId(), id);
                return true;
            }
            case PLAYED -> {
                if (!(data.get("source") instanceof String source) || !exists(id)) {
                    return false;
                }
                String session = data.get("session_id") instanceof String sid ? sid : null;
                String listener = e.userId() != null ? "u:" + e.userId() : session != null ? "s:" + session : null;
                if (listener == null && !at.isAfter(backupCreatedAt)) {
                    // A play of no known listener cannot be told from the same play in the backup: one from
                    // before the backup's time is taken to be in it.
                    return true;
                }
                Double duration = data.get("duration") instanceof Number n ? n.doubleValue() : null;
                plays.record(id, e.userId(), listener, source, duration, at, playDedupWindow);
                return true;
            }
            case GENERATION_ADDED -> {
                return true; // soundbox.audio.created carries the generation itself
            }
            default -> {
                return false;
            }
        }
    }

    private boolean exists(String id) {
        return id != null && generations.findById(id).isPresent();
    }

    Map<String, Long> applied() {
        return applied;
    }

    Map<String, Long> notReplayed() {
        return notReplayed;
    }

    long generationsRejected() {
        return generationsRejected;
    }

    DataSource dataSource() {
        return scratch;
    }
}
