package io.soundbox.tts.engine;

import io.soundbox.tts.voice.VoiceEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Loaded voices, at most {@code maxVoices}, least recently used evicted first.
 *
 * <p>Each voice is loaded once even when many requests ask for it at the same moment: the cache holds a
 * {@link Slot} per voice id (created under the map's lock, which is held only for map operations), and
 * the slot loads under its own lock, so a slow model load never blocks requests for other voices. The
 * map is an access-ordered {@link LinkedHashMap}: exact LRU (a frequency-based cache such as Caffeine's
 * may refuse a new voice instead of evicting the least recently used one). An evicted voice is closed
 * when its last running synthesis returns its {@link Lease}, never under a running synthesis. A failed
 * load leaves no slot behind: the next request tries again. Thread-safe.
 */
public final class VoiceCache implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VoiceCache.class);

    private final VoiceLoader loader;
    private final int maxVoices;
    /** Guarded by itself; slots are retired outside the lock. */
    private final LinkedHashMap<String, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);

    public VoiceCache(VoiceLoader loader, int maxVoices) {
        if (maxVoices < 1) {
            throw new IllegalArgumentException("the voice cache holds at least one voice");
        }
        this.loader = loader;
        this.maxVoices = maxVoices;
    }

    /** Runs {@code use} with the loaded voice; loads it first when it is not cached. */
    public void with(VoiceEntry entry, Consumer<SpeechVoice> use) {
        try (Lease lease = acquire(entry)) {
            use.accept(lease.voice());
        }
    }

    /** A leased voice; close the lease when done (the voice stays cached). */
    public Lease acquire(VoiceEntry entry) {
        while (true) {
            Slot slot = slotFor(entry);
            if (!slot.entry.version().equals(entry.version())) {
                // The voice's files changed since it was loaded: drop the old session, load the new files.
                remove(entry.id(), slot);
                continue;
            }
            SpeechVoice voice;
            try {
                voice = slot.load(loader);
            } catch (RuntimeException e) {
                remove(entry.id(), slot);
                throw e;
            }
            if (voice != null && slot.enter()) {
                return new Lease(slot, voice);
            }
            // Evicted between lookup and use: look up again (it is loaded anew if needed).
        }
    }

    private Slot slotFor(VoiceEntry entry) {
        List<Slot> evicted = new ArrayList<>();
        Slot slot;
        synchronized (slots) {
            slot = slots.get(entry.id());
            if (slot == null) {
                slot = new Slot(entry);
                slots.put(entry.id(), slot);
                Iterator<Map.Entry<String, Slot>> eldest = slots.entrySet().iterator();
                while (slots.size() > maxVoices && eldest.hasNext()) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        evicted.forEach(Slot::retire);
        return slot;
    }

    private void remove(String id, Slot slot) {
        synchronized (slots) {
            slots.remove(id, slot);
        }
        slot.retire();
    }

    /** Voices currently cached (loaded or loading). */
    public int size() {
        synchronized (slots) {
            return slots.size();
        }
    }

    public boolean isCached(String id) {
        synchronized (slots) {
            return slots.containsKey(id);
        }
    }

    @Override
    public void close() {
        List<Slot> all;
        synchronized (slots) {
            all = new ArrayList<>(slots.values());
            slots.clear();
        }
        all.forEach(Slot::retire);
    }

    /** A voice in use; closing it lets an evicted voice be closed. */
    public static final class Lease implements AutoCloseable {
        private final Slot slot;
        private final SpeechVoice voice;
        private boolean closed;

        private Lease(Slot slot, SpeechVoice voice) {
            this.slot = slot;
            this.voice = voice;
        }

        public SpeechVoice voice() {
            return voice;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                slot.exit();
            }
        }
    }

    /** One voice id's place in the cache: loads once, counts users, closes when retired and idle. */
    static final class Slot {
        final VoiceEntry entry;
        private SpeechVoice voice;
        private int users;
        private boolean retired;
        private boolean closed;

        Slot(VoiceEntry entry) {
            this.entry = entry;
        }

        synchronized SpeechVoice load(VoiceLoader loader) {
            if (voice == null) {
                if (retired) {
                    return null; // evicted before it was ever loaded: the caller looks it up again
                }
                long t0 = System.nanoTime();
                try {
                    voice = loader.load(entry);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SynthesisException("cannot load voice " + entry.id() + ": " + e.getMessage(), e);
                }
                LOG.infof("loaded voice %s in %d ms", entry.id(), (System.nanoTime() - t0) / 1_000_000);
            }
            return voice;
        }

        synchronized boolean enter() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void exit() {
            users--;
            closeIfIdle();
        }

        synchronized void retire() {
            retired = true;
            closeIfIdle();
        }

        private void closeIfIdle() {
            if (retired && users == 0 && voice != null && !closed) {
                closed = true;
                try {
                    voice.close();
                    LOG.debugf("closed voice %s", entry.id());
                } catch (RuntimeException e) {
                    LOG.warnf("closing voice %s failed: %s", entry.id(), e.getMessage());
                }
            }
        }
    }
}
