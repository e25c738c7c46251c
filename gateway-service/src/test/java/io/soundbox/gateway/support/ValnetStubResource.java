package io.soundbox.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.gateway.auth.ValnetKeys;
import io.soundbox.testsupport.HttpStub;
import java.util.Map;

/**
 * A fake Valnet on loopback for the jwt and introspect mode tests: its JWKS at
 * {@value #JWKS_PATH} (publishing {@link #KEY}) and its user endpoint at {@value #USER_PATH} (the
 * original accounts path, to prove the path is configuration). Tests change its answers through
 * {@link #stub()}.
 */
public class ValnetStubResource implements QuarkusTestResourceLifecycleManager {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String USER_PATH = "/api/auth/me";
    public static final ValnetKeys.SigningKey KEY = ValnetKeys.rsa("valnet-2030-01");

    private static volatile HttpStub stub;

    public static HttpStub stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        stub = new HttpStub().on("GET", JWKS_PATH, HttpStub.Response.json(200, ValnetKeys.jwks(KEY)));
        return Map.of("soundbox.auth.jwt.jwks-url", stub.baseUrl() + JWKS_PATH,
                "soundbox.auth.valnet-url", stub.baseUrl(),
                "soundbox.auth.introspect.path", USER_PATH);
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
