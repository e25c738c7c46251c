package io.soundbox.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Fake downstream services on loopback, wired in as library-service, tts-service, generation-service and the Aura wallet
 * (see {@link DownstreamStub} for what it answers). Tests find its URL in
 * {@code quarkus.rest-client.library.url} and read what it received at {@code GET /__received}.
 */
public class LibraryStubResource implements QuarkusTestResourceLifecycleManager {
    public static final String SEARCH_BODY = DownstreamStub.SEARCH_BODY;
    public static final String ITEM_BODY = DownstreamStub.ITEM_BODY;
    public static final String MISSING_BODY = DownstreamStub.MISSING_BODY;

    private DownstreamStub stub;

    @Override
    public Map<String, String> start() {
        stub = new DownstreamStub();
        return Map.of(
                "quarkus.rest-client.library.url", stub.baseUrl(),
                "quarkus.rest-client.tts.url", stub.baseUrl(),
                "quarkus.rest-client.backup.url", stub.baseUrl(),
                "quarkus.rest-client.generation.url", stub.baseUrl(),
                "soundbox.wallet.url", stub.baseUrl(),
                // The stub's slow path sleeps longer than this.
                "soundbox.downstream.library-timeout", "1500ms",
                // The stub's /api/my-generations/huge is larger than this.
                "soundbox.files.link-rewrite-max-bytes", "65536");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
