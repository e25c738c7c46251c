package io.soundbox.library.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the claims of a JWT whose signature was already verified. The shared verifier reports the user,
 * tier and admin flag only; the file lookup also needs the {@code service} group.
 */
final class TokenClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenClaims() {
    }

    /** The {@code groups} claim (an array of strings, or one string), empty when absent. */
    static Set<String> groups(String verifiedToken) {
        String[] parts = verifiedToken.split("\\.");
        if (parts.length < 2) {
            return Set.of();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode groups = claims.path("groups");
            Set<String> out = new LinkedHashSet<>();
            if (groups.isArray()) {
                groups.forEach(g -> {
                    if (g.isTextual()) {
                        out.add(g.asText());
                    }
                });
            } else if (groups.isTextual()) {
                out.add(groups.asText());
            }
            return Set.copyOf(out);
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
