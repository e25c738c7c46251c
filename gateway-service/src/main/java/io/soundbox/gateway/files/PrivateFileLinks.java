package io.soundbox.gateway.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.soundbox.gateway.auth.Caller;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Gives the private items of a library answer signed file URLs, so the owner's browser can play them
 * ({@code <audio>} sends no bearer token): every object with {@code "is_public": false} and a
 * {@code filename} gets {@code audio_url} (and {@code spectrogram_url} when it has a
 * {@code spectrogram}) signed for the caller. Only the caller's own items, or any for an admin: the
 * library already filters what it shows, and this does not widen it.
 */
public final class PrivateFileLinks {
    private final FileUrlSigner signer;

    public PrivateFileLinks(FileUrlSigner signer) {
        this.signer = signer;
    }

    /** Rewrites {@code root} in place; returns whether anything changed. */
    public boolean sign(JsonNode root, Caller caller) {
        if (caller == null || root == null) {
            return false;
        }
        boolean changed = false;
        // Iterative, so a deeply nested answer cannot overflow the stack.
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                changed |= signItem((ObjectNode) node, caller);
            }
            if (node.isContainerNode()) {
                node.forEach(child -> {
                    if (child.isContainerNode()) {
                        todo.push(child);
                    }
                });
            }
        }
        return changed;
    }

    /**
     * The answer about a file just made for the caller (speech): its {@code audio_url} becomes a
     * signed URL for {@code filename}. Whoever made it may play it, signed in or not.
     */
    public boolean signFreshFile(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return false;
        }
        JsonNode filename = answer.get("filename");
        JsonNode audioUrl = answer.get("audio_url");
        if (filename == null || !filename.isTextual() || audioUrl == null || !audioUrl.isTextual()) {
            return false;
        }
        ((ObjectNode) answer).put("audio_url", signer.sign("/audio/", filename.textValue()).url());
        return true;
    }

    private boolean signItem(ObjectNode item, Caller caller) {
        JsonNode isPublic = item.get("is_public");
        JsonNode filename = item.get("filename");
        if (isPublic == null || !isPublic.isBoolean() || isPublic.booleanValue() || filename == null
                || !filename.isTextual()) {
            return false;
        }
        JsonNode owner = item.get("user_id");
        boolean own = owner != null && owner.isTextual() && owner.textValue().equals(caller.userId());
        if (!own && !caller.isAdmin()) {
            return false;
        }
        item.put("audio_url", signer.sign("/audio/", filename.textValue()).url());
        JsonNode spectrogram = item.get("spectrogram");
        if (spectrogram != null && spectrogram.isTextual() && !spectrogram.textValue().isEmpty()) {
            item.put("spectrogram_url", signer.sign("/spectrogram/", spectrogram.textValue()).url());
        }
        return true;
    }
}
