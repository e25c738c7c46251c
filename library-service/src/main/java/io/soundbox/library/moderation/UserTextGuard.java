package io.soundbox.library.moderation;

import io.soundbox.moderation.ContentPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The content policy (libs/moderation, the same word list and rules as the gateway's) applied where
 * the library stores user text: vote notes and feedback reasons, playlist names and descriptions, tag suggestions. The
 * stores call it themselves, so every route and alias that reaches them is covered, whatever the
 * gateway in front recognised.
 */
@ApplicationScoped
public class UserTextGuard {
    private final ContentPolicy policy;

    public UserTextGuard() {
        this(ContentPolicy.shipped());
    }

    public UserTextGuard(ContentPolicy policy) {
        this.policy = policy;
    }

    /** @throws ContentNotAllowedException when {@code text} holds a blocked word; nothing is stored then */
    public void require(String field, String text) {
        Optional<ContentPolicy.Refusal> r = policy.check(field, text);
        if (r.isPresent()) {
            throw new ContentNotAllowedException(r.get());
        }
    }

    /** Refused user text; answered 400 {@code content-not-allowed} like the gateway's refusal. */
    public static final class ContentNotAllowedException extends RuntimeException {
        private final ContentPolicy.Refusal refusal;

        public ContentNotAllowedException(ContentPolicy.Refusal refusal) {
            super(refusal.detail(), null, false, false);
            this.refusal = refusal;
        }

        public ContentPolicy.Refusal refusal() {
            return refusal;
        }
    }
}
