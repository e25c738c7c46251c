package io.soundbox.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.testsupport.HttpStub;
import java.util.Map;

/** A fake library-service on loopback with canned answers, wired in as the "library" REST client. */
public class LibraryStubResource implements QuarkusTestResourceLifecycleManager {
    public static final String SEARCH_BODY = "{\"items\":[{\"id\":\"gen-1\",\"prompt\":\"gentle rain\","
            + "\"model\":\"audio\",\"filename\":\"gen-1.wav\"}],\"total\":1,\"page\":1,\"per_page\":20,\"pages\":1}";
    public static final String ITEM_BODY = "{\"id\":\"gen-1\",\"prompt\":\"gentle rain\",\"model\":\"audio\"}";
    public static final String MISSING_BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"no generation gen-missing\",\"instance\":\"/api/library/gen-missing\"}";

    private HttpStub stub;

    @Override
    public Map<String, String> start() {
        stub = new HttpStub()
                .on("GET", "/api/library", HttpStub.Response.json(200, SEARCH_BODY))
                .on("GET", "/api/library/gen-1", HttpStub.Response.json(200, ITEM_BODY))
                .on("GET", "/api/library/gen-missing",
                        new HttpStub.Response(404, "application/problem+json", MISSING_BODY));
        return Map.of("quarkus.rest-client.library.url", stub.baseUrl());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
