package io.soundbox.library.radio;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.search.Fts5Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the next tracks of a station for a listener. A listener session (the client's session id, else
 * the user) remembers what it was given, and "next" avoids those tracks and any the client names in
 * {@code exclude}; when a station has nothing left that was not played, the session's rotation starts
 * over rather than going silent.
 */
@ApplicationScoped
public class RadioService {
    private final RadioStore store;
    private final ListenerHistory history;
    private final Clock clock;

    @Inject
    public RadioService(RadioStore store, LibraryConfig config) {
        this(store, new ListenerHistory(config.library().radio().maxSessions(),
                config.library().radio().sessionHistory()), Clock.systemUTC());
    }

    public RadioService(RadioStore store, ListenerHistory history, Clock clock) {
        this.store = store;
        this.history = history;
        this.clock = clock;
    }

    /**
     * What to play.
     *
     * @param search  optional words narrowing a shuffle station
     * @param hours   the window of the new and trending stations
     * @param session the listener session, null for none (nothing remembered)
     * @param exclude ids the client does not want (its own recent history)
     */
    public record Request(RadioStation station, AudioKind kind, Fts5Query search, int hours, String session,
                          Set<String> exclude, int count) {
    }

    public List<Generation> next(Request r, Caller caller) {
        Set<String> avoid = new HashSet<>(r.exclude());
        if (r.session() != null) {
            avoid.addAll(history.recent(r.session()));
        }
        List<Generation> picked = pick(r, caller, avoid);
        if (picked.isEmpty() && r.session() != null && !history.recent(r.session()).isEmpty()) {
            history.forget(r.session());
            picked = pick(r, caller, new HashSet<>(r.exclude()));
        }
        if (r.session() != null && !picked.isEmpty()) {
            history.remember(r.session(), picked.stream().map(Generation::id).toList());
        }
        return picked;
    }

    private List<Generation> pick(Request r, Caller caller, Set<String> avoid) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        RadioStation s = r.station();
        return switch (s.source()) {
            case SHUFFLE -> r.search() == null ? store.random(r.kind(), List.of(), avoid, r.count(), random)
                    : sample(store.matching(r.search(), r.kind()), avoid, r.count());
            case CATEGORY -> store.random(r.kind(), s.categories(), avoid, r.count(), random);
            case TOP_RATED -> sample(store.topRated(r.kind()), avoid, r.count());
            case NEW -> sample(store.newest(r.kind(), clock.instant().minus(Duration.ofHours(r.hours()))), avoid,
                    r.count());
            case TRENDING -> sample(store.trending(r.kind(), clock.instant().minus(Duration.ofHours(r.hours()))),
                    avoid, r.count());
            case FAVORITES -> caller.isAnonymous() ? List.of() : sample(store.favorites(caller.userId(), r.kind()),
                    avoid, r.count());
        };
    }

    /** A random sample of the pool without the avoided tracks. */
    static List<Generation> sample(List<Generation> pool, Set<String> avoid, int count) {
        List<Generation> open = new ArrayList<>();
        for (Generation g : pool) {
            if (!avoid.contains(g.id())) {
                open.add(g);
            }
        }
        Collections.shuffle(open, ThreadLocalRandom.current());
        return open.subList(0, Math.min(count, open.size()));
    }

    /** For tests and metrics: listener sessions held. */
    public int sessions() {
        return history.sessions();
    }
}
