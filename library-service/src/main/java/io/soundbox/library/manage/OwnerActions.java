package io.soundbox.library.manage;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.moderation.ModerationPolicy;
import io.soundbox.library.moderation.ModerationStore;
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
    private final ModerationStore moderation;
    private final ModerationPolicy policy;

    @Inject
    public OwnerActions(GenerationRepository repository, LibraryEventPublisher events, LibraryConfig config,
                        ModerationStore moderation) {
        this(repository, events, new AudioStoreFiles(config.audioDir(), config.spectrogramDir()),
                config.library().deleteFiles(), Clock.systemUTC(), moderation,
                new ModerationPolicy(config.library().moderation().enabled()));
    }

    public OwnerActions(GenerationRepository repository, LibraryEventPublisher events, AudioStoreFiles files,
                        boolean deleteFiles, Clock clock, ModerationStore moderation, ModerationPolicy policy) {
        this.repository = repository;
        this.events = events;
        this.files = files;
        this.deleteFiles = deleteFiles;
        this.clock = clock;
        this.moderation = moderation;
        this.policy = policy;
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
        return new Deleted(Result.DONE, g, removeFilesAndAnnounce(g, caller.userId()));
    }

    /**
     * What follows a committed delete, whoever deleted (owner, admin moderation, storage cleanup): the
     * files go (when configured) and the deletion is announced.
     *
     * @return whether the audio file was removed
     */
    public boolean removeFilesAndAnnounce(Generation g, String deletedBy) {
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
        data.put("deleted_by", deletedBy);
        data.put("file_deleted", removed);
        events.publish(LibraryEvent.Type.GENERATION_DELETED, g.id(), deletedBy, data);
        return removed;
    }

    /**
     * Makes the generation public or private (owner or admin). Private is immediate; public may first
     * wait for an admin's review (see {@link ModerationPolicy}).
     */
    public Result setVisibility(String id, boolean isPublic, Caller caller) {
        return changeVisibility(id, isPublic, caller).result();
    }

    /** The outcome of a visibility change and, when done, the item's state afterwards. */
    public record VisibilityOutcome(Result result, ModerationStore.State state) {
    }

    public VisibilityOutcome changeVisibility(String id, boolean isPublic, Caller caller) {
        Optional<Generation> found = repository.findById(id);
        if (found.isEmpty() || !caller.maySee(found.get().isPublic(), found.get().userId())) {
            return new VisibilityOutcome(Result.NOT_FOUND, null);
        }
        if (!caller.mayManage(found.get().userId())) {
            return new VisibilityOutcome(Result.FORBIDDEN, null);
        }
        Optional<ModerationStore.State> state = moderation.setOwnerVisibility(id, isPublic, policy, clock.instant());
        if (state.isEmpty()) {
            return new VisibilityOutcome(Result.NOT_FOUND, null); // deleted concurrently
        }
        if (state.get().changed()) {
            events.publish(LibraryEvent.Type.VISIBILITY_CHANGED, id, caller.userId(), Map.of(
                    "is_public", state.get().isPublic(),
                    "requested_public", state.get().ownerPublic(),
                    "review_status", state.get().status().wireName()));
        }
        return new VisibilityOutcome(Result.DONE, state.get());
    }
}
