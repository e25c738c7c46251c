package io.soundbox.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the raw path of a request (still percent-encoded, as it came on the wire) into its one
 * canonical form, or refuses it. The gateway, Vert.x, Quarkus REST and the services behind the proxy
 * each decode and normalise paths their own way; a path that two of them could read differently
 * ({@code ..;} is a segment to the gateway and {@code ..} to a service that strips path parameters)
 * is refused rather than guessed at. Rules, in order:
 *
 * <ol>
 * <li>the path starts with {@code /} and holds only RFC 3986 path characters, without {@code ;}
 * (no path parameters such as {@code ;jsessionid=}), backslashes, spaces, controls or raw non-ASCII
 * bytes;</li>
 * <li>every {@code %} starts a two-digit hex escape, decoded exactly once; an escape may not stand for
 * a character that changes the path's structure or meaning: {@code / \ . ; % ? #} or a control
 * character (so {@code %2e%2e}, {@code %2f}, {@code %5c}, {@code %00} and double encoding
 * {@code %252e} are refused, in either letter case);</li>
 * <li>the decoded bytes are strict UTF-8 (overlong forms such as {@code %c0%ae} for {@code .} are
 * refused);</li>
 * <li>no segment is {@code .} or {@code ..}, and no segment is empty except a trailing one
 * ({@code //} is refused).</li>
 * </ol>
 *
 * The canonical form re-encodes the decoded path with upper-case escapes, so what the proxy forwards is
 * exactly what the gateway checked.
 */
public final class PathCanonicaliser {
    /** A canonical path: {@code decoded} is what routes see, {@code encoded} what goes on the wire. */
    public record CanonicalPath(String decoded, String encoded) {
    }

    /** Characters a path may carry unencoded (RFC 3986 pchar and '/', less ';'). */
    private static final boolean[] RAW_ALLOWED = new boolean[128];
    /** Characters the canonical form leaves unencoded. */
    private static final boolean[] KEEP = new boolean[128];

    static {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        String safe = unreserved + "!$&'()*+,=:@/";
        for (char c : safe.toCharArray()) {
            RAW_ALLOWED[c] = true;
            KEEP[c] = true;
        }
        RAW_ALLOWED['%'] = true;
    }

    private PathCanonicaliser() {
    }

    /** The canonical path, or why it is refused (a sentence for the client). */
    public static Result canonicalise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Result.refused("the path must start with '/'");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return Result.refused("the path has a malformed percent escape");
                }
                int b = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                Optional<String> why = forbiddenEncoded(b);
                if (why.isPresent()) {
                    return Result.refused(why.get());
                }
                bytes.write(b);
                i += 2;
            } else if (c < 128 && RAW_ALLOWED[c]) {
                bytes.write(c);
            } else if (c == ';') {
                return Result.refused("the path must not carry ';' parameters");
            } else if (c == '\\') {
                return Result.refused("the path must not contain backslashes");
            } else {
                return Result.refused("the path contains a character that must be percent-encoded or is not allowed");
            }
        }
        String decoded;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            decoded = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            // Java's decoder refuses overlong forms (C0 AE for '.') and lone surrogates as malformed.
            return Result.refused("the path is not valid UTF-8 once decoded");
        }
        String[] segments = decoded.substring(1).split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            if (segment.equals(".") || segment.equals("..")) {
                return Result.refused("the path must not contain '.' or '..' segments");
            }
            if (segment.isEmpty() && s < segments.length - 1) {
                return Result.refused("the path must not contain empty segments ('//')");
            }
        }
        return new Result(new CanonicalPath(decoded, encode(decoded)), null);
    }

    /** Why a byte may not arrive percent-encoded, if it may not. */
    private static Optional<String> forbiddenEncoded(int b) {
        return switch (b) {
            case '/' -> Optional.of("the path must not contain encoded slashes");
            case '\\' -> Optional.of("the path must not contain backslashes, encoded or not");
            case '.' -> Optional.of("the path must not contain encoded dots");
            case '%' -> Optional.of("the path must not be encoded twice");
            case ';', '?', '#' -> Optional.of("the path must not contain encoded delimiters");
            default -> b < 0x20 || b == 0x7f ? Optional.of("the path must not contain control characters")
                    : Optional.empty();
        };
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String encode(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 16);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            if (u < 128 && KEEP[u]) {
                out.append((char) u);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(u & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Either a canonical path or the reason it was refused. */
    public record Result(CanonicalPath path, String refusal) {
        static Result refused(String why) {
            return new Result(null, why);
        }

        public boolean refused() {
            return path == null;
        }
    }
}
