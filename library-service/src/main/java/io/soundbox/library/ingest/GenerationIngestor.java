package io.soundbox.library.ingest;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.moderation.ModerationPolicy;
import io.soundbox.library.persistence.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an {@link AudioCreated} event into a library row. Idempotent: the row is keyed by the generation
 * id, so a replayed topic refreshes rows instead of duplicating them.
 */
@ApplicationScoped
public class GenerationIngestor {
    /** The gateway serves {@code /audio/<filename>} only for such names; anything else is unplayable. */
    static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    static final int MAX_ID_LENGTH = 128;
    /** The longest text the original accepted (TTS); prompts are at most 500. */
    static final int MAX_PROMPT_LENGTH = 5000;

    private final Categorizer categorizer;
    private final GenerationRepository repository;
    private final Clock clock;
    private final ModerationPolicy moderation;

    @Inject
    public GenerationIngestor(Categorizer categorizer, GenerationRepository repository, LibraryConfig config) {
        this(categorizer, repository, Clock.systemUTC(), new ModerationPolicy(config.library().moderation().enabled()));
    }

    /** Without moderation, on the system clock (bulk loads, benchmarks). */
    public GenerationIngestor(Categorizer categorizer, GenerationRepository repository) {
        this(categorizer, repository, Clock.systemUTC());
    }

    /** Without moderation: every item is approved as it arrives. */
    public GenerationIngestor(Categorizer categorizer, GenerationRepository repository, Clock clock) {
        this(categorizer, repository, clock, new ModerationPolicy(false));
    }

    public GenerationIngestor(Categorizer categorizer, GenerationRepository repository, Clock clock,
                              ModerationPolicy moderation) {
        this.categorizer = categorizer;
        this.repository = repository;
        this.clock = clock;
        this.moderation = moderation;
    }

    /**
     * Stores the event's generation.
     *
     * @return true when a row was inserted or changed, false for a replay that changed nothing
     * @throws InvalidEventException for an event that can never be stored
     */
    public boolean ingest(AudioCreated event) {
        return store(event).changed();
    }

    /**
     * Stores the event's generation and says what that did (a first insert is announced as added).
     *
     * @throws InvalidEventException for an event that can never be stored
     */
    public GenerationRepository.Outcome store(AudioCreated event) {
        validate(event);
        return repository.upsertAll(List.of(toRow(event, clock.instant()))).get(0);
    }

    /**
     * Stores a batch of events in one transaction: bulk loads and catching up on a long topic.
     *
     * @throws InvalidEventException when any event can never be stored; nothing is stored then
     */
    public List<GenerationRepository.Outcome> storeAll(List<AudioCreated> events) {
        for (AudioCreated e : events) {
            validate(e);
        }
        return repository.upsertAll(RowsAhead.of(events, this::toRow, clock.instant()));
    }

    /** What became of one event of a batch: stored (with its outcome) or rejected (with the reason). */
    public record Stored(AudioCreated event, GenerationRepository.Outcome outcome, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    /**
     * Stores the storable events of a batch in one transaction and reports every event, in order: an event
     * that can never be stored is rejected on its own and does not hold back the rest. A database failure
     * stores nothing (the whole batch is then delivered again, which the upsert makes harmless).
     */
    public List<Stored> storeEach(List<AudioCreated> events) {
        List<AudioCreated> valid = new ArrayList<>(events.size());
        String[] rejections = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            try {
                validate(events.get(i));
                valid.add(events.get(i));
            } catch (InvalidEventException e) {
                rejections[i] = e.getMessage();
            }
        }
        List<GenerationRepository.Outcome> outcomes = repository.upsertAll(RowsAhead.of(valid, this::toRow,
                clock.instant()));
        List<Stored> out = new ArrayList<>(events.size());
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            out.add(rejections[i] != null ? new Stored(events.get(i), null, rejections[i])
                    : new Stored(events.get(i), outcomes.get(next++), null));
        }
        return out;
    }

    /** What makes an event unstorable, checked before anything is written. */
    static void validate(AudioCreated e) {
        String id = e.generationId().trim();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidEventException("generation id must be 1-" + MAX_ID_LENGTH
                    + " printable characters");
        }
        String filename = e.filename().trim();
        if (!FILENAME.matcher(filename).matches() || filename.chars().allMatch(ch -> ch == '.')) {
            throw new InvalidEventException("filename '" + printable(filename) + "' of " + id
                    + " is not a plain file name of the audio store");
        }
        if (!Double.isFinite(e.durationSeconds()) || e.durationSeconds() < 0) {
            throw new InvalidEventException("duration of " + id + " is not a non-negative number: "
                    + e.durationSeconds());
        }
        if (e.sampleRate() < 0) {
            throw new InvalidEventException("sample rate of " + id + " is negative: " + e.sampleRate());
        }
    }

    /** The row of a valid event: categorised, clamped, trimmed. Runs on the row converter thread too. */
    Generation toRow(AudioCreated e, Instant now) {
        String id = e.generationId().trim();
        String filename = e.filename().trim();
        String prompt = e.prompt() == null ? "" : e.prompt().strip();
        if (prompt.length() > MAX_PROMPT_LENGTH) {
            prompt = prompt.substring(0, MAX_PROMPT_LENGTH);
        }
        String voice = blankToNull(e.voice());
        Integer quality = e.qualityScore() == null ? null : Math.max(0, Math.min(100, e.qualityScore()));
        // Only a first insert uses these: a replay never touches an existing row's visibility or review.
        ReviewStatus review = moderation.onIngest(e.isPublic());
        return new Generation(
                id,
                filename,
                prompt,
                model(e),
                e.kind(),
                e.durationSeconds(),
                e.sampleRate(),
                categorizer.categorize(e.kind(), prompt, voice, e.tags()),
                blankToNull(e.userId()),
                ModerationPolicy.effective(e.isPublic(), review),
                e.loop(),
                0,
                0,
                0,
                0,
                quality,
                blankToNull(e.spectrogram()),
                voice,
                e.createdAt() == null ? now : e.createdAt(),
                now,
                e.isPublic(),
                review,
                null);
    }

    /** The review status a first ingestion of an item with this wish gets. */
    public ReviewStatus reviewOnIngest(boolean ownerPublic) {
        return moderation.onIngest(ownerPublic);
    }

    /** The event's model, or the original's name for the kind (speech is "voice"). */
    private static String model(AudioCreated e) {
        String m = blankToNull(e.model());
        if (m != null) {
            return m.toLowerCase(Locale.ROOT);
        }
        return e.kind() == AudioKind.MUSIC ? "music" : e.kind() == AudioKind.SFX ? "audio" : "voice";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
