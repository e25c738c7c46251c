package io.soundbox.library.storage;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.manage.OwnerActions;
import io.soundbox.library.moderation.ModerationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's private storage against the tier's limit, and the cleanup that deletes the oldest private
 * generations (never the user's favorites) exactly as an owner delete would: tombstones, files, events.
 */
@ApplicationScoped
public class StorageCleanup {
    /** The most one cleanup deletes. */
    public static final int MAX_COUNT = 1000;

    private final PrivateStorageStore store;
    private final ModerationStore rows;
    private final OwnerActions owner;
    private final Clock clock = Clock.systemUTC();

    public StorageCleanup(PrivateStorageStore store, ModerationStore rows, OwnerActions owner) {
        this.store = store;
        this.rows = rows;
        this.owner = owner;
    }

    public record Result(List<String> deletedIds, boolean dryRun, Map<String, Object> storage) {
    }

    /** {@code {tier, private_count, used, limit, remaining, over_limit, favorites_protected}}. */
    public Map<String, Object> storage(Caller user) {
        PrivateStorageStore.Usage usage = store.usage(user.userId());
        Integer limit = StorageQuota.limitOf(user.tier());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tier", user.tier());
        out.put("private_count", usage.used());
        out.put("used", usage.used());
        out.put("limit", limit);
        out.put("remaining", StorageQuota.remaining(limit, usage.used()));
        out.put("over_limit", limit != null && usage.used() > limit);
        out.put("favorites_protected", usage.favoritesProtected());
        return out;
    }

    /**
     * Deletes (or with {@code dryRun} only names) the user's oldest unprotected private generations.
     *
     * @param count how many; null for {@link StorageQuota#defaultCleanupCount}
     */
    public Result cleanup(Caller user, Integer count, boolean dryRun) {
        int n = count != null ? count : StorageQuota.defaultCleanupCount(StorageQuota.limitOf(user.tier()),
                store.usage(user.userId()).used());
        List<String> ids = store.oldestUnprotected(user.userId(), Math.min(n, MAX_COUNT));
        if (dryRun || ids.isEmpty()) {
            return new Result(ids, dryRun, storage(user));
        }
        // Re-checked in the delete's transaction: an item made public or favorited meanwhile stays.
        List<Generation> deleted = rows.deleteAll(ids, user.userId(), clock.instant(),
                PrivateStorageStore.UNPROTECTED_PRIVATE);
        for (Generation g : deleted) {
            owner.removeFilesAndAnnounce(g, user.userId());
        }
        return new Result(deleted.stream().map(Generation::id).toList(), false, storage(user));
    }
}
