package io.soundbox.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that plays library-service, tts-service and the accounts wallet.
 * Tests steer it through what they send (paths, the user named in the bearer token), never through
 * shared state: it runs in the test-resource class loader.
 * <ul>
 * <li>{@code GET /api/library}, {@code /api/library/gen-1}, {@code /api/library/gen-missing}: canned
 * bodies (the last a 404 problem document);</li>
 * <li>{@code /api/radio/big}: 1 MiB of bytes, streamed in chunks;</li>
 * <li>{@code /api/history/slow}: answers after 4 s;</li>
 * <li>{@code /api/stats/teapot}: 418 with an ETag, a custom header, and headers the gateway must drop;</li>
 * <li>{@code POST /api/wallet/spend}: 402 for users whose id starts with {@code poor-}, a 2.5 s pause for
 * {@code slow-}, a 500 for {@code broke-}, otherwise a charge with a transaction id; {@code POST /api/wallet/refund}: ok;</li>
 * <li>{@code GET /models}: generation-service's model list ({@link #MODELS_BODY});</li>
 * <li>{@code GET /internal/files/{name}} (library-service's file lookup; 403 without the gateway's
 * service token): {@code priv--<owner>--<rest>.<ext>} a private file of {@code owner};
 * {@code fresh-*} and {@code nobody-*} unknown (404); {@code libdown-*} a 503; {@code gen-1.wav}
 * public with a prompt; anything else public, owned by {@code someone};</li>
 * <li>{@code GET /api/my-generations/storage}: by the caller's user id: {@code full-*} 20 of 20,
 * {@code room1-*} 19 of 20, {@code unl-*} 500 of unlimited, {@code libdown-*} a 503, others 0 of 20
 * (anonymous: the echo);</li>
 * <li>{@code GET /api/my-generations}: for users {@code lib*}, one private and one public item of
 * theirs (others: the echo);
 * {@code /api/my-generations/huge}: the same padded past the test's rewrite cap;
 * {@code /api/library/alices-private}: a private item of {@code alice};</li>
 * <li>{@code POST /api/tts/generate}: speech in a new file {@code fresh-speech-<n>.wav} (unknown to the library);</li>
 * <li>{@code GET /__received}: every request received so far, as JSON;</li>
 * <li>anything else: 200 with a JSON echo of the request.</li>
 * </ul>
 */
public final class DownstreamStub implements AutoCloseable {
    public static final String SEARCH_BODY = "{\"items\":[{\"id\":\"gen-1\",\"prompt\":\"gentle rain\","
            + "\"model\":\"audio\",\"filename\":\"gen-1.wav\"}],\"total\":1,\"page\":1,\"per_page\":20,\"pages\":1}";
    public static final String ITEM_BODY = "{\"id\":\"gen-1\",\"prompt\":\"gentle rain\",\"model\":\"audio\"}";
    public static final String MISSING_BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"no generation gen-missing\",\"instance\":\"/api/library/gen-missing\"}";
    public static final int BIG_SIZE = 1 << 20;
    /** generation-service's GET /models: music loaded, audio not, 24 GiB device with 10 GiB used. */
    public static final String MODELS_BODY = "{\"models\":[{\"id\":\"music\",\"kind\":\"music\","
            + "\"engine\":\"procedural-music\",\"state\":\"ready\",\"weights\":\"musicgen-small\"},"
            + "{\"id\":\"audio\",\"kind\":\"sfx\",\"engine\":\"procedural-sfx\",\"state\":\"unloaded\"}],"
            + "\"memory\":{\"free_mb\":14336,\"used_mb\":10240,\"total_mb\":24576,\"source\":\"nvidia-smi\"},"
            + "\"queue\":{\"length\":0,\"depth_by_priority\":{},\"switches\":0}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger();

    public DownstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    /** What the stub at {@code baseUrl} received so far (fetched over HTTP: it may live in another class loader). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> received(String baseUrl) {
        try (var in = java.net.URI.create(baseUrl + "/__received").toURL().openStream()) {
            return JSON.readValue(in, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("method", method);
            request.put("path", path);
            request.put("query", ex.getRequestURI().getRawQuery());
            request.put("content_type", ex.getRequestHeaders().getFirst("Content-Type"));
            request.put("accept", ex.getRequestHeaders().getFirst("Accept"));
            request.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
            request.put("x_forwarded_for", ex.getRequestHeaders().getFirst("X-Forwarded-For"));
            request.put("cookie", ex.getRequestHeaders().getFirst("Cookie"));
            request.put("body", body);
            if (path.equals("/__received")) {
                send(ex, 200, "application/json", JSON.writeValueAsBytes(new ArrayList<>(received)));
                return;
            }
            received.add(request);
            if (method.equals("GET") && path.startsWith("/internal/files/")) {
                fileLookup(ex, path.substring("/internal/files/".length()), (String) request.get("authorization"));
                return;
            }
            switch (method + " " + path) {
                case "GET /api/my-generations/storage" -> {
                    if (request.get("authorization") == null) {
                        send(ex, 200, "application/json", JSON.writeValueAsBytes(request));
                    } else {
                        storage(ex, userOf((String) request.get("authorization")));
                    }
                }
                case "GET /api/my-generations" -> {
                    String user = userOf((String) request.get("authorization"));
                    send(ex, 200, "application/json", user.startsWith("lib") ? bytes(myGenerations(user, ""))
                            : JSON.writeValueAsBytes(request));
                }
                case "GET /api/my-generations/huge" -> send(ex, 200, "application/json",
                        bytes(myGenerations(userOf((String) request.get("authorization")), "x".repeat(HUGE_PADDING))));
                case "POST /api/tts/generate" -> {
                    String file = "fresh-speech-" + transactions.incrementAndGet() + ".wav";
                    send(ex, 200, "application/json", bytes("{\"audio_url\":\"/audio/" + file + "\",\"filename\":\""
                            + file + "\",\"gen_id\":\"g\",\"duration\":1.5,\"saved_to_library\":false}"));
                }
                case "GET /api/library/alices-private" -> send(ex, 200, "application/json",
                        bytes(item("priv--alice--song", "alice", false)));
                case "GET /api/library" -> send(ex, 200, "application/json", bytes(SEARCH_BODY));
                case "GET /api/library/gen-1" -> send(ex, 200, "application/json", bytes(ITEM_BODY));
                case "GET /api/library/gen-missing" -> send(ex, 404, "application/problem+json", bytes(MISSING_BODY));
                case "GET /api/radio/big" -> streamBig(ex);
                case "GET /api/history/slow" -> {
                    sleep(4000);
                    send(ex, 200, "application/json", bytes("{\"slow\":true}"));
                }
                case "GET /api/stats/teapot" -> {
                    ex.getResponseHeaders().add("ETag", "\"v1\"");
                    ex.getResponseHeaders().add("X-Library-Hint", "short and stout");
                    ex.getResponseHeaders().add("Set-Cookie", "session=leak");
                    ex.getResponseHeaders().add("Access-Control-Allow-Origin", "https://evil.example");
                    send(ex, 418, "application/problem+json", bytes("{\"status\":418,\"title\":\"I'm a teapot\"}"));
                }
                case "POST /api/wallet/spend" -> spend(ex, request);
                case "GET /models" -> send(ex, 200, "application/json", bytes(MODELS_BODY));
                case "POST /api/wallet/refund" -> send(ex, 200, "application/json", bytes("{\"success\":true}"));
                default -> send(ex, 200, "application/json", JSON.writeValueAsBytes(request));
            }
        }
    }

    /** Past the rewrite cap the tests configure (see LibraryStubResource). */
    public static final int HUGE_PADDING = 80_000;

    private static void fileLookup(HttpExchange ex, String name, String authorization) throws IOException {
        JsonNode claims = claimsOf(authorization);
        boolean service = claims != null && "soundbox-gateway".equals(claims.path("sub").asText())
                && claims.path("groups").toString().contains("\"service\"");
        if (!service) {
            send(ex, 403, "application/problem+json", bytes("{\"status\":403,\"title\":\"Forbidden\"}"));
            return;
        }
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (name.startsWith("fresh-") || name.startsWith("nobody-")) {
            send(ex, 404, "application/problem+json", bytes("{\"status\":404,\"title\":\"Not Found\"}"));
        } else if (name.startsWith("libdown-")) {
            send(ex, 503, "application/problem+json", bytes("{\"status\":503}"));
        } else if (name.startsWith("priv--")) {
            String owner = stem.split("--")[1];
            send(ex, 200, "application/json", bytes(fileInfo(stem, owner, false, "secret song of " + owner)));
        } else if (name.equals("gen-1.wav")) {
            send(ex, 200, "application/json", bytes(fileInfo("gen-1", "someone", true, "gentle rain")));
        } else {
            send(ex, 200, "application/json", bytes(fileInfo(stem, "someone", true, null)));
        }
    }

    private static String fileInfo(String id, String owner, boolean isPublic, String prompt) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", id);
        info.put("filename", id + ".wav");
        info.put("spectrogram", id + ".png");
        info.put("user_id", owner);
        info.put("is_public", isPublic);
        info.put("owner_public", isPublic);
        info.put("review_status", isPublic ? "approved" : "pending");
        info.put("prompt", prompt);
        return JSON.writeValueAsString(info);
    }

    private static void storage(HttpExchange ex, String user) throws IOException {
        if (user.startsWith("libdown-")) {
            send(ex, 503, "application/problem+json", bytes("{\"status\":503}"));
            return;
        }
        String body;
        if (user.startsWith("full-")) {
            body = "{\"tier\":\"free\",\"private_count\":20,\"limit\":20,\"over_limit\":true,\"used\":20,"
                    + "\"remaining\":0,\"favorites_protected\":true}";
        } else if (user.startsWith("room1-")) {
            body = "{\"tier\":\"free\",\"private_count\":19,\"limit\":20,\"over_limit\":false,\"used\":19,"
                    + "\"remaining\":1,\"favorites_protected\":true}";
        } else if (user.startsWith("unl-")) {
            body = "{\"tier\":\"admin\",\"private_count\":500,\"limit\":null,\"over_limit\":false,"
                    + "\"used\":500,\"remaining\":null,\"favorites_protected\":true}";
        } else {
            body = "{\"tier\":\"free\",\"private_count\":0,\"limit\":20,\"over_limit\":false,\"used\":0,"
                    + "\"remaining\":20,\"favorites_protected\":true}";
        }
        send(ex, 200, "application/json", bytes(body));
    }

    private static String myGenerations(String user, String padding) throws IOException {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", List.of(JSON.readTree(item("priv--" + user + "--mine", user, false)),
                JSON.readTree(item("pub-" + user, user, true))));
        page.put("total", 2);
        page.put("padding", padding);
        return JSON.writeValueAsString(page);
    }

    private static String item(String id, String owner, boolean isPublic) throws IOException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("filename", id + ".wav");
        item.put("prompt", "a song");
        item.put("user_id", owner);
        item.put("is_public", isPublic);
        item.put("spectrogram", id + ".png");
        item.put("audio_url", "/audio/" + id + ".wav");
        return JSON.writeValueAsString(item);
    }

    private void spend(HttpExchange ex, Map<String, Object> request) throws IOException {
        String user = userOf((String) request.get("authorization"));
        if (user.startsWith("poor-")) {
            send(ex, 402, "application/json", bytes("{\"success\":false,\"error\":\"insufficient balance\"}"));
            return;
        }
        if (user.startsWith("broke-")) {
            send(ex, 500, "text/plain", bytes("wallet database on fire"));
            return;
        }
        if (user.startsWith("slow-")) {
            sleep(2500);
        }
        send(ex, 200, "application/json", bytes("{\"success\":true,\"transaction_id\":\"tx-"
                + transactions.incrementAndGet() + "\",\"balance\":41}"));
    }

    /** The {@code sub} of the bearer JWT, read without verifying: the gateway already did. */
    private static String userOf(String authorization) {
        JsonNode claims = claimsOf(authorization);
        return claims == null ? "" : claims.path("sub").asText("");
    }

    private static JsonNode claimsOf(String authorization) {
        try {
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            return JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static void streamBig(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[16 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        try (OutputStream out = ex.getResponseBody()) {
            for (int sent = 0; sent < BIG_SIZE; sent += chunk.length) {
                out.write(chunk);
                out.flush();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
