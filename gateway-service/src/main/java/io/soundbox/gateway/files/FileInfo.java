package io.soundbox.gateway.files;

/**
 * What library-service's {@code GET /internal/files/{name}} says about a stored file. {@code isPublic}
 * is the effective visibility: the owner wants it public and moderation approved it.
 */
public record FileInfo(String id, String filename, String spectrogram, String userId, boolean isPublic,
                       String prompt) {
}
