package io.soundbox.library.moderation;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.manage.OwnerActions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An admin's decisions: approve, reject or delete items. A batch is one transaction; each decision is
 * announced on {@code soundbox.library.events} after it committed (approve and reject as
 * {@code visibility_changed} with the action and the new review status, delete as an owner delete's
 * {@code generation_deleted}).
 */
@ApplicationScoped
public class ModerationActions {
    /** What an admin may do to an item. */
    public enum Action {
        APPROVE, REJECT, DELETE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** approve|reject|delete, also the original's past forms approved|rejected|deleted. */
        public static Optional<Action> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "approve", "approved" -> Optional.of(APPROVE);
                case "reject", "rejected" -> Optional.of(REJECT);
                case "delete", "deleted" -> Optional.of(DELETE);
                default -> Optional.empty();
            };
        }
    }

    /** The result for one id: the review status afterwards ({@code deleted} for a delete), or an error. */
    public record Outcome(String id, boolean success, String reviewStatus, String error) {
    }

    private final ModerationStore store;
    private final OwnerActions owner;
    private final LibraryEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public ModerationActions(ModerationStore store, OwnerActions owner, LibraryEventPublisher events) {
        this.store = store;
        this.owner = owner;
        this.events = events;
    }

    /** Applies the action to every id (distinct, in order); unknown ids fail alone. */
    public List<Outcome> apply(List<String> ids, Action action, Caller admin) {
        List<Outcome> out = new ArrayList<>(ids.size());
        if (action == Action.DELETE) {
            Map<String, Generation> deleted = store.deleteAll(ids, admin.userId(), clock.instant()).stream()
                    .collect(Collectors.toMap(Generation::id, Function.identity()));
            for (String id : ids) {
                Generation g = deleted.get(id);
                if (g == null) {
                    out.add(notFound(id));
                } else {
                    owner.removeFilesAndAnnounce(g, admin.userId());
                    out.add(new Outcome(id, true, "deleted", null));
                }
            }
            return out;
        }
        ReviewStatus decision = action == Action.APPROVE ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        Map<String, ModerationStore.State> decided = store.decide(ids, decision, admin.userId(), clock.instant());
        for (String id : ids) {
            ModerationStore.State s = decided.get(id);
            if (s == null) {
                out.add(notFound(id));
                continue;
            }
            Map<String, Object> data = new HashMap<>();
            data.put("action", action.wireName());
            data.put("review_status", s.status().wireName());
            data.put("is_public", s.isPublic());
            data.put("requested_public", s.ownerPublic());
            data.put("moderated_by", admin.userId());
            events.publish(LibraryEvent.Type.VISIBILITY_CHANGED, id, admin.userId(), data);
            out.add(new Outcome(id, true, s.status().wireName(), null));
        }
        return out;
    }

    private static Outcome notFound(String id) {
        return new Outcome(id, false, null, "not found");
    }
}
