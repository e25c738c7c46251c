package io.soundbox.gateway.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads remote answers with a size cap, so a broken or hostile identity provider cannot fill the heap. */
final class HttpBodies {
    static final int MAX_BYTES = 1 << 20;

    private HttpBodies() {
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("answer larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
