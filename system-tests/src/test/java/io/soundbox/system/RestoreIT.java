package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.testsupport.KafkaBroker;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restores on the whole stack: nothing deleted or made private after the backup comes back, nothing made
 * after it is lost, through the admin API (via the gateway, under concurrent writes) and through
 * {@code ./soundbox backup restore}, which calls the same API and asks before it loses anything.
 */
class RestoreIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SoundboxStack stack;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SoundboxStack.shared();
        api = new Api(stack);
        admin = stack.token("root-" + UUID.randomUUID(), "admin");
    }

    /** A finished generation as generation-service announces it: a real WAV in the store and its event. */
    private static String generated(String owner, boolean isPublic) throws Exception {
        String id = "gen-" + UUID.randomUUID();
        WavCodec.writeAtomically(new PcmBuffer(16_000, 1, new float[1_600]), audio(id));
        KafkaBroker.publish(Topics.AUDIO_CREATED, new AudioCreated(SchemaVersion.CURRENT, id, id, id + ".wav",
                AudioKind.MUSIC, "music", "restore test clip", 0.1, 16_000, owner, isPublic, 80, null, null, false,
                List.of(), Instant.now()));
        return id;
    }

    private static Path audio(String id) {
        return stack.dataDir().resolve("audio").resolve(id + ".wav");
    }

    private static JsonNode stored(String id, String token) throws Exception {
        return api.eventually(WAIT, () -> {
            Api.Reply r = api.get("/api/library/" + id, token);
            return r.status() == 200 ? r.json() : null;
        });
    }

    private static String backup() throws Exception {
        Api.Reply r = api.send("POST", "/api/admin/backups", admin, null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void theAdminApiRestoreKeepsDeletionsPrivacyAndEverythingMadeDuringAndAfterIt() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String ownerToken = stack.token(owner, "creator");
        String fanToken = stack.token("fan-" + UUID.randomUUID(), "creator");
        String x = generated(owner, true);
        String y = generated(owner, true);
        String w = generated(owner, true);
        for (String id : List.of(x, y, w)) {
            stored(id, ownerToken);
        }
        String backupId = backup();

        assertThat(api.send("DELETE", "/api/generations/" + y, ownerToken, null).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/generations/" + x + "/visibility", ownerToken, "{\"is_public\":false}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/generations/" + w + "/vote", fanToken, "{\"vote\":1}").status()).isEqualTo(200);
        String z = generated(owner, true);
        stored(z, ownerToken);
        assertThat(audio(y)).doesNotExist();

        Set<String> made = ConcurrentHashMap.newKeySet();
        Set<String> favorited = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Future<?> creating = writers.submit(() -> {
            while (!stop.get()) {
                String id = generated(owner, true);
                made.add(id);
                stored(id, ownerToken); // paced by the library, which waits out the restore's swap
            }
            return null;
        });
        Future<?> favoriting = writers.submit(() -> {
            while (!stop.get()) {
                int seen = made.size();
                for (String id : List.of(w, z)) {
                    if (api.post("/api/favorites/" + id, fanToken, null).status() == 200) {
                        favorited.add(id);
                    }
                }
                api.eventually(WAIT, () -> made.size() > seen || stop.get() ? true : null); // one round per generation
            }
            return null;
        });
        api.eventually(WAIT, () -> made.size() >= 3 ? true : null);

        Api.Reply restored = api.send("POST", "/api/admin/backups/" + backupId + "/restore", admin, null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        int before = made.size();
        api.eventually(WAIT, () -> made.size() >= before + 3 ? true : null);
        stop.set(true);
        creating.get(2, TimeUnit.MINUTES);
        favoriting.get(2, TimeUnit.MINUTES);
        writers.shutdown();

        JsonNode report = restored.json();
        assertThat(report.path("status").asText()).isEqualTo("restored");
        assertThat(report.path("library").path("plan").path("losses")).as(report.toString()).isEmpty();
        assertThat(report.path("audio_skipped").asInt()).as("y's file stays out").isGreaterThanOrEqualTo(1);
        // Deleted stays deleted (row and file), private stays private, the vote and z are there.
        assertThat(api.get("/api/library/" + y, ownerToken).status()).isEqualTo(404);
        assertThat(audio(y)).doesNotExist();
        assertThat(api.get("/api/library/" + x, null).status()).isEqualTo(404);
        assertThat(stored(x, ownerToken).path("is_public").asBoolean()).isFalse();
        assertThat(stored(w, null).path("upvotes").asInt()).isEqualTo(1);
        stored(z, null);
        for (String id : made) {
            stored(id, ownerToken);
        }
        assertThat(favorited).isNotEmpty();
        JsonNode favorites = api.get("/api/favorites?per_page=100", fanToken).json();
        List<String> ids = new ArrayList<>();
        favorites.path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).containsAll(favorited);
    }

    @Test
    void theCliCallsTheSameRestoreAndAsksBeforeItLosesAnything() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String ownerToken = stack.token(owner, "creator");
        String d = generated(owner, true);
        String p = generated(owner, true);
        stored(d, ownerToken);
        stored(p, ownerToken);
        String backupId = backup();
        assertThat(api.send("DELETE", "/api/generations/" + d, ownerToken, null).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/generations/" + p + "/visibility", ownerToken, "{\"is_public\":false}")
                .status()).isEqualTo(200);
        Api.Reply created = api.post("/api/playlists", ownerToken, "{\"name\":\"made after the backup\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String playlist = created.json().path("id").asText();

        // The script finds library-service running as it would have started it: a pid file in the data dir.
        Files.createDirectories(stack.dataDir().resolve("run"));
        Files.writeString(stack.dataDir().resolve("run/library.pid"), stack.service("library-service").pid() + "\n");

        Cli refused = cli(backupId);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("LOST playlists: 1", playlist, "--yes");
        assertThat(api.get("/api/playlists/" + playlist, ownerToken).status()).isEqualTo(200);

        Cli yes = cli(backupId, "--yes");
        assertThat(yes.exit()).as(yes.output()).isZero();
        assertThat(yes.output()).contains("restored backup " + backupId);
        assertThat(api.get("/api/playlists/" + playlist, ownerToken).status()).isEqualTo(404);
        assertThat(api.get("/api/library/" + d, ownerToken).status()).isEqualTo(404);
        assertThat(audio(d)).doesNotExist();
        assertThat(api.get("/api/library/" + p, null).status()).isEqualTo(404);
        assertThat(stored(p, ownerToken).path("is_public").asBoolean()).isFalse();
    }

    private record Cli(int exit, String output) {
    }

    /** {@code ./soundbox backup restore ID [FLAG]} against the stack, with no terminal (so it cannot ask). */
    private static Cli cli(String id, String... flag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", stack.root().resolve("soundbox").toString(), "backup",
                "restore", id));
        cmd.addAll(List.of(flag));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        pb.environment().put("SOUNDBOX_DATA", stack.dataDir().toString());
        pb.environment().put("SOUNDBOX_BACKUP_PORT", String.valueOf(stack.service("backup-service").port()));
        pb.environment().put("SOUNDBOX_LIBRARY_PORT", String.valueOf(stack.service("library-service").port()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Cli(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
