package io.soundbox.gateway.downstream;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one table of what the gateway forwards: each service's public path prefixes below {@code /api/}.
 * JAX-RS routes to {@code ProxyResource} with these prefixes, and {@link DownstreamProxy} checks the
 * canonical path against the same table once more before anything leaves, so a service's
 * {@code /q/*} (metrics, health, OpenAPI) and {@code /internal/*} are never reachable through the proxy.
 * The path forwarded is the path received: without dot segments (refused by the gateway's path check)
 * a path under {@code /api/library} cannot name anything outside it on the service.
 */
public final class ProxyRoutes {
    /** library-service's paths, each with everything below it. */
    public static final String LIBRARY = "library|generations|vote|favorites|playlists|track|trending"
            + "|most-played|stats|history|radio|categories|my-generations|graphlings|admin/moderation"
            + "|admin/moderate";
    /** tts-service's paths. */
    public static final String TTS = "tts|voices|voice-licenses";
    /** backup-service's admin API (the original's /api/backup/status|run and ours under /api/admin/backups). */
    public static final String BACKUP = "backup|admin/backups";

    private static final Map<String, Pattern> BY_SERVICE = Map.of(
            "library-service", under(LIBRARY),
            "tts-service", under(TTS),
            "backup-service", under(BACKUP));

    private ProxyRoutes() {
    }

    private static Pattern under(String prefixes) {
        return Pattern.compile("/api/(?:" + prefixes + ")(?:/[^/]+)*/?");
    }

    /** Whether {@code decodedPath} (canonical, decoded) is one the gateway forwards to {@code service}. */
    public static boolean allows(String service, String decodedPath) {
        Pattern p = BY_SERVICE.get(service);
        return p != null && decodedPath != null && p.matcher(decodedPath).matches();
    }
}
