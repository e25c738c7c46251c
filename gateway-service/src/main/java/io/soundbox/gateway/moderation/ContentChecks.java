package io.soundbox.gateway.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.moderation.ContentPolicy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gateway's side of the one content policy ({@link ContentPolicy}, libs/moderation): generation
 * prompts (not for adult accounts) and, on every write through the proxy to library-service or
 * tts-service, the members that carry user text ({@link #PROXIED_MEMBERS}), whatever the path. The
 * check does not depend on recognising the path, so an alias or a differently spelled path cannot
 * skip it; library-service and tts-service apply the same policy again to what they store or speak.
 * Blocked text is a 400 problem {@code content-not-allowed}; nothing is forwarded.
 */
@Singleton
public class ContentChecks {
    private static final Logger LOG = Logger.getLogger(ContentChecks.class);
    /**
     * User text in the library's and speech's request bodies: vote notes and feedback reasons (shown
     * to everyone, counted by reason), playlist name and description, tag suggestions' category,
     * speech text and tags.
     */
    static final List<String> PROXIED_MEMBERS = List.of("text", "notes", "feedback_reasons", "name", "description",
            "category", "tags");

    private final ContentPolicy policy;
    private final ObjectMapper json;

    public ContentChecks(ContentPolicy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    /** @throws ApiProblem 400 content-not-allowed when {@code text} holds a blocked word */
    public void check(String field, String text) {
        refuse(policy.check(field, text));
    }

    /**
     * Checks the user text in a proxied request body: every write (not GET) whose JSON object has
     * one of {@link #PROXIED_MEMBERS} as text or as a list of texts. {@code apiPath} is only logged.
     */
    public void checkProxied(String method, String apiPath, byte[] body) {
        if ("GET".equals(method) || body == null || body.length == 0) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            return; // not JSON: the service answers with its own problem
        }
        if (node == null || !node.isObject()) {
            return;
        }
        for (String member : PROXIED_MEMBERS) {
            JsonNode value = node.get(member);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                refuse(policy.check(member, value.asText()), apiPath);
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isTextual()) {
                        refuse(policy.check(member, item.asText()), apiPath);
                    }
                }
            }
        }
    }

    private static void refuse(Optional<ContentPolicy.Refusal> refusal) {
        refuse(refusal, null);
    }

    private static void refuse(Optional<ContentPolicy.Refusal> refusal, String apiPath) {
        if (refusal.isEmpty()) {
            return;
        }
        ContentPolicy.Refusal r = refusal.get();
        LOG.debugf("content filter blocked %s%s", r.field(), apiPath == null ? "" : " on /api/" + apiPath);
        throw ApiProblem.badRequest(ContentPolicy.PROBLEM_SLUG, r.detail())
                .with("field", r.field());
    }
}
