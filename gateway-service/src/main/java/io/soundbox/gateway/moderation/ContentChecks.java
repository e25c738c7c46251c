package io.soundbox.gateway.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Where the content filter applies: generation prompts (not for adult accounts), and on the way
 * through the proxy the user text of speech synthesis ({@code POST /api/tts/generate} text), vote
 * notes ({@code POST /api/library/{id}/vote} notes) and playlist names ({@code POST/PUT /api/playlists[/...]}
 * name). Blocked text is a 400 problem {@code content-not-allowed}; nothing is forwarded.
 */
@Singleton
public class ContentChecks {
    private static final Logger LOG = Logger.getLogger(ContentChecks.class);
    private static final Pattern VOTE = Pattern.compile("library/[^/]+/vote/?");
    private static final Pattern PLAYLIST = Pattern.compile("playlists(/[^/]+)?/?");

    private final ContentFilter filter;
    private final ObjectMapper json;

    public ContentChecks(ContentFilter filter, ObjectMapper json) {
        this.filter = filter;
        this.json = json;
    }

    /** @throws ApiProblem 400 content-not-allowed when {@code text} holds a blocked word */
    public void check(String field, String text) {
        Optional<String> hit = filter.firstMatch(text);
        if (hit.isPresent()) {
            LOG.debugf("content filter blocked %s", field);
            throw ApiProblem.badRequest("content-not-allowed",
                    "the " + field + " contains words that are not allowed; please rephrase it");
        }
    }

    /** Checks the user text in a proxied request body, when the path is one that carries any. */
    public void checkProxied(String method, String apiPath, byte[] body) {
        String field = fieldFor(method, apiPath);
        if (field == null || body == null || body.length == 0) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            return; // not JSON: the service answers with its own problem
        }
        if (node != null && node.get(field) != null && node.get(field).isTextual()) {
            check(field, node.get(field).asText());
        }
    }

    /** The JSON member holding user text for a library/TTS path below {@code /api/}, or null. */
    static String fieldFor(String method, String apiPath) {
        if (apiPath == null) {
            return null;
        }
        String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
        if ("POST".equals(method) && (path.equals("tts/generate") || path.equals("tts/generate/"))) {
            return "text";
        }
        if ("POST".equals(method) && VOTE.matcher(path).matches()) {
            return "notes";
        }
        if (("POST".equals(method) || "PUT".equals(method)) && PLAYLIST.matcher(path).matches()) {
            return "name";
        }
        return null;
    }
}
