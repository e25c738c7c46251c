package io.soundbox.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.gateway.web.PathCanonicaliser.Result;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The path check against a table of attack strings, and the ordinary paths that must still pass. */
class PathCanonicaliserTest {

    /** Attack family, raw path as it comes on the wire, a word of the expected refusal. */
    static Stream<Arguments> refused() {
        return Stream.of(
                // Path parameters: "..;" is a segment to the gateway and ".." to a service that strips ';'.
                Arguments.of("dot-dot-semicolon", "/api/library/..;/..;/q/metrics", "';'"),
                Arguments.of("dot-dot-semicolon", "/api/tts/..;/..;/q/metrics", "';'"),
                Arguments.of("dot-dot-semicolon", "/api/library/..;/admin/moderation", "';'"),
                Arguments.of("dot-dot-semicolon", "/api/library/..;x=1/q/health", "';'"),
                Arguments.of("path-parameter", "/api/library;jsessionid=abc", "';'"),
                Arguments.of("path-parameter", "/audio/a.wav;jsessionid=1", "';'"),
                Arguments.of("path-parameter", "/api/library/%3b/q", "delimiters"),
                // Plain dot segments (browsers resolve them before sending; only tools send them).
                Arguments.of("dot-segment", "/api/library/../../q/metrics", "'..'"),
                Arguments.of("dot-segment", "/api/library/./gen-1", "'.'"),
                Arguments.of("dot-segment", "/api/library/..", "'..'"),
                Arguments.of("dot-segment", "/..", "'..'"),
                // Encoded dots, any letter case.
                Arguments.of("encoded-dot", "/api/library/%2e%2e/q/health", "encoded dots"),
                Arguments.of("encoded-dot", "/api/library/%2E%2e/%2E%2e/q/metrics", "encoded dots"),
                Arguments.of("encoded-dot", "/api/library/.%2e/q/metrics", "encoded dots"),
                Arguments.of("encoded-dot", "/api/library/a%2Eb", "encoded dots"),
                // Encoded slashes.
                Arguments.of("encoded-slash", "/api/library/..%2F..%2Fq%2Fmetrics", "slashes"),
                Arguments.of("encoded-slash", "/api/library/%2E%2e%2f%2e%2E%2fq%2fmetrics", "encoded dots"),
                Arguments.of("encoded-slash", "/api/library/a%2fb", "slashes"),
                // Double encoding: %25 decodes to '%', which a second decoder turns into '.' or '/'.
                Arguments.of("double-encoding", "/api/library/%252e%252e/q/metrics", "twice"),
                Arguments.of("double-encoding", "/api/library/%252f", "twice"),
                Arguments.of("double-encoding", "/api/library/%25", "twice"),
                // Backslashes, raw and encoded.
                Arguments.of("backslash", "/api/library/..\\..\\q\\metrics", "backslash"),
                Arguments.of("backslash", "/api\\library", "backslash"),
                Arguments.of("backslash", "/api/library/a%5c..%5cb", "backslash"),
                Arguments.of("backslash", "/api/library/%5C", "backslash"),
                // Overlong UTF-8 for '.', '/' and '\'.
                Arguments.of("overlong-utf8", "/api/library/%c0%ae%c0%ae/q/metrics", "UTF-8"),
                Arguments.of("overlong-utf8", "/api/library/%C0%AF", "UTF-8"),
                Arguments.of("overlong-utf8", "/api/library/%e0%80%ae", "UTF-8"),
                Arguments.of("overlong-utf8", "/api/library/%c1%9c", "UTF-8"),
                Arguments.of("invalid-utf8", "/api/library/%ff", "UTF-8"),
                Arguments.of("invalid-utf8", "/api/library/%ed%a0%80", "UTF-8"),
                // Empty segments.
                Arguments.of("double-slash", "//api/library", "'//'"),
                Arguments.of("double-slash", "/api//library", "'//'"),
                Arguments.of("double-slash", "/api/library//q/metrics", "'//'"),
                // NUL and other control characters, encoded or raw.
                Arguments.of("nul", "/api/library/gen-1%00.wav", "control"),
                Arguments.of("nul", "/audio/a.wav%00", "control"),
                Arguments.of("control", "/api/library/%0d%0aX-Injected:1", "control"),
                Arguments.of("control", "/api/library/%7f", "control"),
                Arguments.of("control", "/api/library/a\tb", "not allowed"),
                // Malformed escapes and characters that must be encoded.
                Arguments.of("malformed-escape", "/api/library/%zz", "malformed"),
                Arguments.of("malformed-escape", "/api/library/%2", "malformed"),
                Arguments.of("malformed-escape", "/api/library/%", "malformed"),
                Arguments.of("raw-character", "/api/library/a b", "not allowed"),
                Arguments.of("raw-character", "/api/library/caf\u00e9", "not allowed"),
                Arguments.of("raw-character", "/api/library/<script>", "not allowed"),
                Arguments.of("raw-character", "/api/library/a#b", "not allowed"),
                Arguments.of("encoded-delimiter", "/api/library/a%3fb", "delimiters"),
                Arguments.of("encoded-delimiter", "/api/library/a%23b", "delimiters"),
                // Not a path at all.
                Arguments.of("not-absolute", "api/library", "start with"),
                Arguments.of("not-absolute", "", "start with"),
                Arguments.of("not-absolute", "*", "start with"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void refusesAmbiguousPaths(String family, String raw, String because) {
        Result r = PathCanonicaliser.canonicalise(raw);
        assertThat(r.refused()).as(raw).isTrue();
        assertThat(r.refusal()).as(raw).contains(because);
    }

    /** Raw path, what routes see, what is forwarded. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("/", "/", "/"),
                Arguments.of("/api/library", "/api/library", "/api/library"),
                Arguments.of("/api/library/", "/api/library/", "/api/library/"),
                Arguments.of("/api/library/gen-1", "/api/library/gen-1", "/api/library/gen-1"),
                Arguments.of("/audio/a.b.wav", "/audio/a.b.wav", "/audio/a.b.wav"),
                Arguments.of("/audio/gen_1.mp3", "/audio/gen_1.mp3", "/audio/gen_1.mp3"),
                Arguments.of("/widget/soundbox-radio.js", "/widget/soundbox-radio.js", "/widget/soundbox-radio.js"),
                Arguments.of("/api/library/...", "/api/library/...", "/api/library/..."),
                Arguments.of("/api/library/.hidden", "/api/library/.hidden", "/api/library/.hidden"),
                Arguments.of("/api/library/a..b", "/api/library/a..b", "/api/library/a..b"),
                Arguments.of("/api/library/a%20b", "/api/library/a b", "/api/library/a%20b"),
                Arguments.of("/api/library/caf%c3%a9", "/api/library/caf\u00e9", "/api/library/caf%C3%A9"),
                Arguments.of("/api/library/%F0%9F%8E%B5", "/api/library/\uD83C\uDFB5", "/api/library/%F0%9F%8E%B5"),
                // Encoded unreserved characters decode to their one spelling.
                Arguments.of("/api/%6Cibrary", "/api/library", "/api/library"),
                Arguments.of("/api/library/a%7Eb", "/api/library/a~b", "/api/library/a~b"),
                Arguments.of("/api/library/a%2Bb", "/api/library/a+b", "/api/library/a+b"),
                Arguments.of("/api/radio/station:chill@1", "/api/radio/station:chill@1", "/api/radio/station:chill@1"),
                Arguments.of("/api/track/t-1/play", "/api/track/t-1/play", "/api/track/t-1/play"),
                Arguments.of("/q/health/live", "/q/health/live", "/q/health/live"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsOrdinaryPathsInTheirCanonicalForm(String raw, String decoded, String encoded) {
        Result r = PathCanonicaliser.canonicalise(raw);
        assertThat(r.refused()).as(raw + ": " + r.refusal()).isFalse();
        assertThat(r.path().decoded()).isEqualTo(decoded);
        assertThat(r.path().encoded()).isEqualTo(encoded);
        // Canonical means a fixed point: checking the forwarded form again changes nothing.
        assertThat(PathCanonicaliser.canonicalise(r.path().encoded()).path().encoded()).isEqualTo(encoded);
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("/api/library?q=a%20b", "/api/library"),
                Arguments.of("/api/library?q=..;/x&p=%2e", "/api/library"),
                Arguments.of("/audio/a.b.wav", "/audio/a.b.wav"),
                Arguments.of("http://gateway.example/api/library/..;/q?x=1", "/api/library/..;/q"),
                Arguments.of("https://gateway.example", "/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theQueryIsNotPartOfThePath(String target, String path) {
        assertThat(PathGuard.rawPath(target)).isEqualTo(path);
    }
}
