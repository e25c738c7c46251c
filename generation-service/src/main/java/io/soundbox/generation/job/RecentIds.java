package io.soundbox.generation.job;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of recently seen job ids (control events for jobs not held yet); oldest forgotten first. */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    synchronized boolean remove(String id) {
        return ids.remove(id) != null;
    }
}
