package io.soundbox.tts.auth;

/**
 * Who is asking, as the gateway vouched for it in the internal token.
 *
 * @param userId null for an anonymous caller (no token)
 * @param tier   free, supporter, premium, creator or admin; {@code anonymous} without a token
 */
public record Caller(String userId, String tier, boolean admin) {
    private static final Caller ANONYMOUS = new Caller(null, "anonymous", false);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return userId == null;
    }
}
