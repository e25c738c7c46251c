package io.soundbox.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.soundbox.gateway.auth.AuthMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Everything the gateway reads from configuration under {@code soundbox.*}. */
@ConfigMapping(prefix = "soundbox")
public interface GatewayConfig {
    /** Shared by every service: keys, audio store and databases live below it. */
    Path dataDir();

    /** The audio store; generation-service writes WAV files here, the gateway only reads them. */
    Path audioDir();

    /** Where spectrogram PNGs are served from (the audio store unless configured otherwise). */
    Path spectrogramDir();

    Auth auth();

    Kafka kafka();

    Jobs jobs();

    Limits limits();

    Security security();

    /** library-service and tts-service behind the gateway (their URLs: quarkus.rest-client.library|tts.url). */
    Downstream downstream();

    /** The internal identity tokens the gateway sends downstream. */
    InternalToken internalToken();

    /** The Aura wallet (Graphlings/Valnet accounts) that pays for queue skips. */
    Wallet wallet();

    Queue queue();

    /** Completion/failure notifications to the accounts service. */
    Notifications notifications();

    /** Who may fetch which file: visibility lookups, signed URLs, download counting. */
    Files files();

    interface Files {
        /**
         * The HMAC key of signed file URLs: 32 random bytes written at first start (mode 0600).
         * Default {@code <data-dir>/keys/file-url.key}. A new key invalidates every URL signed before.
         */
        Optional<Path> signedUrlKeyFile();

        /** How long a signed file URL stays valid. */
        @WithDefault("1h")
        Duration signedUrlTtl();

        /** File visibility answers held (public files are served from here without asking the library). */
        @WithDefault("10000")
        long visibilityCacheSize();

        /** How long a visibility answer for a file the library knows is reused. */
        @WithDefault("30s")
        Duration visibilityTtl();

        /** How long "the library does not know this file" is reused (a fresh file is ingested soon). */
        @WithDefault("5s")
        Duration unknownVisibilityTtl();

        /** Library JSON answers up to this size get signed URLs for private items; larger ones stream untouched. */
        @WithDefault("4194304")
        int linkRewriteMaxBytes();

        /** Download counts waiting to be sent to the library; when full, new ones are dropped (and counted). */
        @WithDefault("1000")
        int downloadCountQueue();

        /** Threads sending download counts. */
        @WithDefault("2")
        int downloadCountThreads();
    }

    interface Notifications {
        /** Off: no notification is ever sent. On without a URL (and without soundbox.auth.valnet-url): off too. */
        @WithDefault("true")
        boolean enabled();

        /** The accounts service; defaults to soundbox.auth.valnet-url. */
        Optional<URI> url();

        @WithDefault("/api/notifications/send")
        String path();

        /** Sent as {@code Authorization: Bearer <key>} when set. */
        Optional<String> apiKey();

        @WithDefault("5s")
        Duration timeout();

        /** Tries per notification (network errors, 5xx and 429 are retried; other 4xx are not). */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second try; doubles after each. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Notifications waiting to be sent; a full queue drops new ones (a job never waits). */
        @WithDefault("1000")
        int queueCapacity();

        /** Statuses older than this are not announced (the read model replays old jobs on start). */
        @WithDefault("10m")
        Duration maxAge();

        /**
         * How long the signed {@code audio_url} of a completion notification opens the file. The file may
         * be private (statuses do not say), and a notification is often read hours later: longer than the
         * 1 h of the links the API hands out. Only its owner is notified.
         */
        @WithDefault("168h")
        Duration linkTtl();
    }

    interface Auth {
        /**
         * {@code local}: tokens signed by the gateway's own key (single machine, guest tokens);
         * {@code jwt}: Valnet-issued JWTs checked against Valnet's JWKS; {@code introspect}: opaque
         * Valnet tokens checked by asking Valnet who they belong to.
         */
        @WithDefault("local")
        AuthMode mode();

        /** Lifetime of tokens the gateway issues itself (guest tokens). */
        @WithDefault("24h")
        Duration tokenTtl();

        /** The role (JWT {@code groups}, Valnet {@code permissions}) that makes a caller an admin. */
        @WithDefault("admin")
        String adminRole();

        /**
         * How far ahead of the gateway's clock a JWT's {@code iat} or {@code nbf} may be (local and jwt
         * modes); a token issued later than that is refused with 401.
         */
        @WithDefault("60s")
        Duration futureSkew();

        /** Valnet accounts' base URL, e.g. {@code https://accounts.example.org}; required by introspect mode. */
        Optional<URI> valnetUrl();

        Jwt jwt();

        Introspect introspect();
    }

    interface Jwt {
        /** Valnet's JSON Web Key Set; required in jwt mode. */
        Optional<URI> jwksUrl();

        /** Expected {@code iss}; required in jwt mode. */
        Optional<String> issuer();

        /** Accepted {@code aud} values; when set, a token must name one of them. */
        Optional<Set<String>> audience();

        /** Accepted signature algorithms; only asymmetric ones (RS256, RS384, RS512, ES256, ES384, ES512). */
        @WithDefault("RS256,ES256")
        Set<String> algorithms();

        /** Claim holding the subscription tier (Valnet's names are mapped, see ValnetUsers). */
        @WithDefault("tier")
        String tierClaim();

        /** The key set is fetched again after this long, so rotated keys are picked up. */
        @WithDefault("10m")
        Duration jwksRefresh();

        /**
         * A token naming an unknown key id triggers a fetch at most this often, so garbage key ids
         * cannot turn the gateway into a JWKS flooder.
         */
        @WithDefault("30s")
        Duration jwksMinRefetchInterval();

        /** Connect and read timeout of a JWKS fetch. */
        @WithDefault("5s")
        Duration jwksTimeout();

        /** Tolerated clock difference between Valnet and the gateway. */
        @WithDefault("30s")
        Duration clockSkew();
    }

    interface Introspect {
        /** Path below {@code valnet-url}; the original accounts service used {@code /api/auth/me}. */
        @WithDefault("/api/user/me")
        String path();

        @WithDefault("5s")
        Duration timeout();

        /** How long an answer is reused; short, so a revoked token dies quickly. */
        @WithDefault("60s")
        Duration cacheTtl();

        @WithDefault("10000")
        long cacheMaxSize();
    }

    interface Limits {
        /** Master switch for every limit below (a closed benchmark rig may turn it off). */
        @WithDefault("true")
        boolean enabled();

        /** The window of the per-tier generation limit ("generations per hour"). */
        @WithDefault("1h")
        Duration generationWindow();

        /**
         * Per-tier overrides of the tier table's numbers, e.g. {@code soundbox.limits.tiers.free.per-hour=5};
         * a negative number means unlimited. Keys are tier names (admin, creator, premium, supporter, free).
         */
        Map<String, TierOverride> tiers();

        /** Upper bound of rate-limit buckets held (users and addresses); least recently used go first. */
        @WithDefault("100000")
        long maxTrackedKeys();

        Ip ip();
    }

    interface TierOverride {
        OptionalInt perHour();

        OptionalInt maxDuration();

        OptionalInt maxPending();
    }

    interface Ip {
        /**
         * Any request per client address, credentials or not: a ceiling for scripts (a made-up bearer
         * header must not buy unlimited access to public endpoints).
         */
        @WithDefault("3000")
        int requests();

        @WithDefault("1m")
        Duration window();

        /** Requests without credentials (anonymous, public endpoints) per client address. */
        @WithDefault("600")
        int anonymousRequests();

        @WithDefault("1m")
        Duration anonymousWindow();

        /** Guest tokens ({@code POST /api/auth/guest}) per client address; each is a fresh free-tier user. */
        @WithDefault("60")
        int guestTokens();

        @WithDefault("1h")
        Duration guestTokenWindow();

        /** Addresses or CIDR ranges never limited (monitoring, a load-test rig). None by default. */
        Optional<List<String>> exempt();

        /** Paths never limited per address (health probes and metrics scrapes). */
        @WithDefault("/q/")
        List<String> exemptPathPrefixes();
    }

    interface Security {
        /**
         * Origins allowed to call the API from a browser (CORS), e.g. {@code https://app.example.org}.
         * None by default: the web UI is same-origin. Audio, spectrograms and the widget answer any origin.
         */
        Optional<List<String>> corsOrigins();

        /** Paths served with CORS {@code *} and embeddable in frames (the radio widget). */
        @WithDefault("/widget/")
        List<String> embeddablePathPrefixes();

        /** Paths any origin may read (files the widget plays). */
        @WithDefault("/audio/,/spectrogram/,/widget/")
        List<String> publicCorsPathPrefixes();

        /**
         * Longest request target (path and query) answered; a longer one gets 414 with a problem
         * document. Kept below {@code quarkus.http.limits.max-initial-line-length}, whose own 414 has no body.
         */
        @WithDefault("8192")
        int maxUriLength();

        /**
         * Addresses and CIDR ranges that may read {@code /q/metrics} (a Prometheus scraper's network in a
         * cluster); anyone else gets 404. Loopback by default.
         */
        @WithDefault("127.0.0.0/8,::1")
        List<String> metricsAllowedFrom();
    }

    interface Kafka {
        /**
         * How long POST /generate waits for the broker to acknowledge a request before answering 503.
         * Slightly above the producer's own delivery.timeout.ms so the producer's error wins if it comes.
         */
        @WithDefault("8s")
        Duration sendTimeout();

        /** Whether to create missing topics at start (TopicBootstrap). */
        @WithDefault("true")
        boolean createTopics();

        @WithDefault("10s")
        Duration topicBootstrapTimeout();

        /** 1 for the embedded single broker; 3 on a real cluster. */
        @WithDefault("1")
        short replicationFactor();
    }

    interface Jobs {
        /** Upper bound of jobs held in the read model (oldest-used evicted first). */
        @WithDefault("100000")
        long readModelMaxSize();

        /** Finished jobs stay visible this long after their last update. */
        @WithDefault("6h")
        Duration finishedTtl();

        /** Unfinished jobs are forgotten after this long without an update (job.status retention). */
        @WithDefault("168h")
        Duration activeTtl();

        /**
         * A loading, generating or analysing job whose status has not been renewed for this long is shown
         * as failed ("runner lost") and no longer counted as pending or queued: generation-service renews
         * a running job's status every 15 s (its heartbeat), so this is several missed heartbeats.
         */
        @WithDefault("90s")
        Duration runnerLostAfter();

        /**
         * Longest clip per model for every tier, admin included (the tier maximum applies on top), keyed
         * by model name: music, audio, magnet-music, magnet-audio. Keep it at generation-service's own
         * limits (with neural weights installed: their context, 30 s by default); a model without an entry
         * has no limit beyond the tier's.
         */
        Map<String, Integer> modelMaxDuration();
    }

    interface Downstream {
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for library-service's response headers. */
        @WithDefault("10s")
        Duration libraryTimeout();

        /** Longest wait for tts-service's response headers (synthesis of 5,000 characters takes a while). */
        @WithDefault("60s")
        Duration ttsTimeout();

        /** Longest wait for backup-service: an on-demand backup runs synchronously and copies the library. */
        @WithDefault("15m")
        Duration backupTimeout();

        /** Longest wait for generation-service's GET /models (the status page degrades without it). */
        @WithDefault("3s")
        Duration generationTimeout();

        /** Calls per service waiting for their answer at once (a bulkhead); more wait bulkhead-wait, then 503. */
        @WithDefault("64")
        int maxInFlight();

        @WithDefault("1s")
        Duration bulkheadWait();

        /** Failures in a row (connection errors, timeouts) that open a service's circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit answers 503 at once before one trial call goes through. */
        @WithDefault("5s")
        Duration breakerOpenFor();
    }

    interface InternalToken {
        /** exp - iat of an internal token (the contract says 60 s). */
        @WithDefault("60s")
        Duration ttl();

        /** A caller's token is reused this long (shorter than ttl: signing costs about 1 ms). */
        @WithDefault("20s")
        Duration reuseFor();

        @WithDefault("10000")
        long cacheMaxSize();
    }

    interface Wallet {
        /** Base URL of the accounts service holding Aura wallets; defaults to soundbox.auth.valnet-url. */
        Optional<URI> url();

        @WithDefault("/api/wallet/spend")
        String spendPath();

        @WithDefault("/api/wallet/refund")
        String refundPath();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Queue {
        /** Aura skip prices as maxSeconds:cost bands and *:cost for longer jobs (by default 1/3/5/10/15). */
        @WithDefault("10:1,30:3,60:5,120:10,*:15")
        List<String> skipPrices();

        /** At most this many entries in GET /api/queue's lists. */
        @WithDefault("500")
        int viewMaxEntries();
    }
}
