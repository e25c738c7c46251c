package io.soundbox.system;

import io.smallrye.jwt.build.Jwt;
import io.soundbox.testsupport.KafkaBroker;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole stack as an operator runs it: a real KRaft broker and the five packaged services as separate
 * JVMs sharing one data directory. Started once per test JVM and shared by every system test class
 * (starting five JVMs costs most of a minute on two cores); a shutdown hook stops the services.
 */
final class SoundboxStack {
    private static final List<String> MODULES = List.of("library-service", "tts-service", "generation-service",
            "backup-service", "gateway-service");
    private static SoundboxStack shared;

    private final List<ServiceProcess> services;
    private final Path dataDir;
    private final String gateway;
    private final Path root;
    private final Map<String, Integer> ports;

    private SoundboxStack(List<ServiceProcess> services, Path dataDir, String gateway, Path root,
            Map<String, Integer> ports) {
        this.services = services;
        this.dataDir = dataDir;
        this.gateway = gateway;
        this.root = root;
        this.ports = Map.copyOf(ports);
    }

    static synchronized SoundboxStack shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "soundbox-stack-stop"));
        }
        return shared;
    }

    private static SoundboxStack start() throws Exception {
        Path root = Path.of(System.getProperty("soundbox.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("soundbox.system-test.logs", "target/system-test-logs"));
        Path dataDir = Files.createTempDirectory("soundbox-system-");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String m : MODULES) {
            ports.put(m, freePort());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SOUNDBOX_DATA", dataDir.toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        env.put("QUARKUS_REST_CLIENT_LIBRARY_URL", "http://127.0.0.1:" + ports.get("library-service"));
        env.put("QUARKUS_REST_CLIENT_TTS_URL", "http://127.0.0.1:" + ports.get("tts-service"));
        env.put("QUARKUS_REST_CLIENT_GENERATION_URL", "http://127.0.0.1:" + ports.get("generation-service"));
        env.put("QUARKUS_REST_CLIENT_BACKUP_URL", "http://127.0.0.1:" + ports.get("backup-service"));
        // backup-service asks library-service to perform a restore.
        env.put("SOUNDBOX_BACKUP_LIBRARY_URL", "http://127.0.0.1:" + ports.get("library-service"));
        List<ServiceProcess> services = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (var e : ports.entrySet()) {
                services.add(ServiceProcess.start(root, e.getKey(), e.getValue(), env, logs));
            }
            for (ServiceProcess s : services) {
                s.awaitReady(http, Duration.ofSeconds(120));
            }
        } catch (Exception | Error e) {
            services.forEach(SoundboxStack::closeQuietly);
            throw e;
        }
        return new SoundboxStack(services, dataDir, "http://127.0.0.1:" + ports.get("gateway-service"), root, ports);
    }

    String gateway() {
        return gateway;
    }

    /** The port a service (its module name, e.g. library-service) listens on, for tests that bypass the gateway. */
    int port(String module) {
        return ports.get(module);
    }

    Path dataDir() {
        return dataDir;
    }

    /** The checkout the services were packaged in (where ./soundbox is). */
    Path root() {
        return root;
    }

    ServiceProcess service(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    /** The last lines of every service log, for assertion messages. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess s : services) {
            out.append("\n--- ").append(s.name()).append(" ---\n").append(s.logTail());
        }
        return out.toString();
    }

    /**
     * A local-mode token for any user and tier, signed with the key the gateway created on its first start,
     * exactly as {@code ./soundbox token} mints one.
     */
    String token(String user, String tier) throws Exception {
        String pem = Files.readString(dataDir.resolve("keys/gateway-private.pem"), StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        return Jwt.issuer("soundbox-local").subject(user).upn(user).claim("tier", tier).groups(Set.of(tier))
                .expiresIn(3600).sign(key);
    }

    private void stop() {
        // Gateway first, as `./soundbox down` does: it calls the others.
        for (int i = services.size() - 1; i >= 0; i--) {
            closeQuietly(services.get(i));
        }
    }

    private static void closeQuietly(ServiceProcess s) {
        try {
            s.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
