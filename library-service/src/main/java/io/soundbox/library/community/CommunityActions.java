package io.soundbox.library.community;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.CategoryCatalog;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.persistence.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The community's actions on one generation: vote, favorite, suggest a tag, play. Each works only on a
 * generation the caller may see (else empty: the resource answers 404 without revealing a private item),
 * commits, then announces itself on {@code soundbox.library.events}.
 */
@ApplicationScoped
public class CommunityActions {
    private final GenerationRepository generations;
    private final VoteStore votes;
    private final FavoriteStore favorites;
    private final TagSuggestionStore tags;
    private final PlayStore plays;
    private final LibraryEventPublisher events;
    private final CategoryCatalog catalog;
    private final TagConsensus consensus;
    private final Duration playDedupWindow;
    private final Clock clock;

    @Inject
    public CommunityActions(GenerationRepository generations, VoteStore votes, FavoriteStore favorites,
                            TagSuggestionStore tags, PlayStore plays, LibraryEventPublisher events,
                            CategoryCatalog catalog, LibraryConfig config) {
        this.generations = generations;
        this.votes = votes;
        this.favorites = favorites;
        this.tags = tags;
        this.plays = plays;
        this.events = events;
        this.catalog = catalog;
        this.consensus = new TagConsensus(config.library().tagConsensus());
        this.playDedupWindow = config.library().playDedupWindow();
        this.clock = Clock.systemUTC();
    }

    /** The outcome of a tag suggestion that names an unknown category. */
    public static class UnknownCategoryException extends RuntimeException {
        public UnknownCategoryException(String message) {
            super(message);
        }
    }

    public Optional<VoteStore.Tally> vote(String id, Caller user, VoteRequest v) {
        return visible(id, user).map(g -> {
            VoteStore.Tally tally = votes.vote(id, user.userId(), v, clock.instant());
            Map<String, Object> data = new HashMap<>();
            data.put("vote", v.vote());
            data.put("feedback_reasons", v.feedbackReasons());
            data.put("upvotes", tally.upvotes());
            data.put("downvotes", tally.downvotes());
            events.publish(LibraryEvent.Type.VOTED, id, user.userId(), data);
            return tally;
        });
    }

    /** @return whether it is a favorite now (always true), empty when the item is not visible */
    public Optional<Boolean> favorite(String id, Caller user) {
        return visible(id, user).map(g -> {
            if (favorites.add(user.userId(), id, clock.instant())) {
                events.publish(LibraryEvent.Type.FAVORITED, id, user.userId(), Map.of());
            }
            return true;
        });
    }

    /** Removing works on any generation id: a favorite of an item made private can still be dropped. */
    public boolean unfavorite(String id, Caller user) {
        boolean removed = favorites.remove(user.userId(), id);
        if (removed) {
            events.publish(LibraryEvent.Type.UNFAVORITED, id, user.userId(), Map.of());
        }
        return removed;
    }

    public Optional<TagSuggestionStore.SuggestionResult> suggestTag(String id, Caller user, String category,
                                                                     TagConsensus.Action action) {
        // A blocked word is refused as such, before it could read as an unknown category.
        tags.requireAllowed(category);
        return visible(id, user).map(g -> {
            if (!catalog.of(g.kind()).contains(category)) {
                throw new UnknownCategoryException("'" + category + "' is not a " + g.kind().wireName()
                        + " category (GET /api/categories/{model} lists them)");
            }
            TagSuggestionStore.SuggestionResult r = tags.suggest(id, user.userId(), category, action, consensus,
                    clock.instant());
            Map<String, Object> data = new HashMap<>();
            data.put("category", category);
            data.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
            data.put("agreeing", r.agreeing());
            events.publish(LibraryEvent.Type.TAG_SUGGESTED, id, user.userId(), data);
            if (r.applied()) {
                events.publish(LibraryEvent.Type.CATEGORY_CHANGED, id, user.userId(),
                        Map.of("categories", r.categories(), "category", category,
                                "action", action.name().toLowerCase(java.util.Locale.ROOT)));
            }
            return r;
        });
    }

    public Optional<Boolean> cancelTag(String id, Caller user, String category) {
        return visible(id, user).map(g -> tags.cancel(id, user.userId(), category));
    }

    /**
     * Records a play. Anonymous listeners are told apart by their session id; a listener repeating the
     * same generation within the de-duplication window is not counted again.
     */
    public Optional<PlayStore.PlayResult> play(String id, Caller caller, String sessionId, Double duration,
                                               String source) {
        return visible(id, caller).map(g -> {
            String listener = !caller.isAnonymous() ? "u:" + caller.userId()
                    : sessionId != null ? "s:" + sessionId : null;
            PlayStore.PlayResult r = plays.record(id, caller.userId(), listener, source, duration, clock.instant(),
                    playDedupWindow);
            if (r.counted()) {
                Map<String, Object> data = new HashMap<>();
                data.put("source", source);
                if (duration != null) {
                    data.put("duration", duration);
                }
                if (sessionId != null) {
                    data.put("session_id", sessionId);
                }
                data.put("play_count", r.playCount());
                events.publish(LibraryEvent.Type.PLAYED, id, caller.userId(), data);
            }
            return r;
        });
    }

    public Optional<Generation> visible(String id, Caller caller) {
        return generations.findVisible(id, caller);
    }
}
