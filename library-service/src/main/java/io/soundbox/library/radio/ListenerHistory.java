package io.soundbox.library.radio;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tracks each listener session was given lately, so "next" does not repeat them. Bounded twice: at
 * most {@code maxSessions} sessions (least recently used forgotten first) of at most {@code perSession}
 * tracks each (oldest forgotten first). Memory is therefore at most maxSessions × perSession ids.
 * Thread-safe: every method locks the instance; each call is short.
 */
public final class ListenerHistory {
    private final int perSession;
    private final Map<String, Deque<String>> sessions;

    public ListenerHistory(int maxSessions, int perSession) {
        if (maxSessions < 1 || perSession < 1) {
            throw new IllegalArgumentException("radio history bounds must be positive");
        }
        this.perSession = perSession;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<String>> eldest) {
                return size() > maxSessions;
            }
        };
    }

    /** The session's recent tracks, oldest first (a copy). */
    public synchronized Set<String> recent(String session) {
        Deque<String> d = sessions.get(session);
        return d == null ? Set.of() : new LinkedHashSet<>(d);
    }

    public synchronized void remember(String session, Collection<String> ids) {
        Deque<String> d = sessions.computeIfAbsent(session, s -> new ArrayDeque<>());
        for (String id : ids) {
            d.remove(id);
            d.addLast(id);
            while (d.size() > perSession) {
                d.removeFirst();
            }
        }
    }

    /** Starts the session's rotation over (everything was played). */
    public synchronized void forget(String session) {
        sessions.remove(session);
    }

    public synchronized int sessions() {
        return sessions.size();
    }
}
