package io.soundbox.library.manage;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.persistence.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What only an owner (or an admin) may do to a generation: delete it, or change its visibility. Each
 * change is committed first, then its files are removed (delete), then it is announced.
 */
@ApplicationScoped
public class OwnerActions {
    /** The outcome of a request on one generation. */
    public enum Result { DONE, NOT_FOUND, FORBIDDEN }

    public record Deleted(Result result, Generation generation, boolean audioRemoved) {
    }

    private final GenerationRepository repository;
    private final LibraryEventPublisher events;
    private final AudioStoreFiles files;
    private final boolean deleteFiles;
    private final Clock clock;

    @Inject
    public OwnerActions(GenerationRepository repository, LibraryEventPublisher events, LibraryConfig config) {
        this(repository, events, new AudioStoreFiles(config.audioDir(), config.spectrogramDir()),
                config.library().deleteFiles(), Clock.systemUTC());
    }

    public OwnerActions(GenerationRepository repository, LibraryEventPublisher events, AudioStoreFiles files,
                        boolean deleteFiles, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.files = files;
        this.deleteFiles = deleteFiles;
        this.clock = clock;
    }

    /**
     * Deletes the generation when the caller owns it or is an admin. Another user's private item answers
     * NOT_FOUND (its existence is not revealed), another user's public item FORBIDDEN.
     */
    public Deleted delete(String id, Caller caller) {
        Optional<Generation> found = repository.findById(id);
        if (found.isEmpty() || !caller.maySee(found.get().isPublic(), found.get().userId())) {
            return new Deleted(Result.NOT_FOUND, null, false);
        }
        if (!caller.mayManage(found.get().userId())) {
            return new Deleted(Result.FORBIDDEN, found.get(), false);
        }
        Instant now = clock.instant();
        Optional<Generation> deleted = repository.delete(id, caller.userId(), now);
        if (deleted.isEmpty()) {
            return new Deleted(Result.NOT_FOUND, null, false); // deleted concurrently
        }
        Generation g = deleted.get();
        boolean removed = false;
        if (deleteFiles) {
            removed = files.deleteAudio(g.filename());
            if (g.spectrogram() != null) {
                files.deleteSpectrogram(g.spectrogram());
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("filename", g.filename());
        if (g.spectrogram() != null) {
            data.put("spectrogram", g.spectrogram());
        }
        data.put("owner_id", g.userId());
        data.put("deleted_by", caller.userId());
        data.put("file_deleted", removed);
        events.publish(LibraryEvent.Type.GENERATION_DELETED, g.id(), caller.userId(), data);
        return new Deleted(Result.DONE, g, removed);
    }

    /** Makes the generation public or private (owner or admin). */
    public Result setVisibility(String id, boolean isPublic, Caller caller) {
        Optional<Generation> found = repository.findById(id);
        if (found.isEmpty() || !caller.maySee(found.get().isPublic(), found.get().userId())) {
            return Result.NOT_FOUND;
        }
        if (!caller.mayManage(found.get().userId())) {
            return Result.FORBIDDEN;
        }
        if (repository.setVisibility(id, isPublic, clock.instant())) {
            events.publish(LibraryEvent.Type.VISIBILITY_CHANGED, id, caller.userId(), Map.of("is_public", isPublic));
        }
        return Result.DONE;
    }
}
