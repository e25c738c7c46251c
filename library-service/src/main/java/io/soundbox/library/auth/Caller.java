package io.soundbox.library.auth;

/**
 * Who is asking, as the gateway vouched for it in the internal token. Anonymous callers carry no token:
 * they see public items and may record plays, nothing else.
 *
 * @param userId null for an anonymous caller
 * @param tier   the caller's tier (free, supporter, premium, creator, admin); "anonymous" without a token
 */
public record Caller(String userId, String tier, boolean admin) {
    private static final Caller ANONYMOUS = new Caller(null, "anonymous", false);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public static Caller user(String userId, String tier) {
        return new Caller(userId, tier, false);
    }

    public static Caller admin(String userId) {
        return new Caller(userId, "admin", true);
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The owner of something, or an admin, may change or delete it. */
    public boolean mayManage(String ownerId) {
        return admin || (userId != null && userId.equals(ownerId));
    }

    /** Private items are seen only by their owner and by admins. */
    public boolean maySee(boolean isPublic, String ownerId) {
        return isPublic || mayManage(ownerId);
    }
}
