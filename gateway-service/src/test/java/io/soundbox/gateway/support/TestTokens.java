package io.soundbox.gateway.support;

import io.soundbox.gateway.auth.LocalKeyFiles;
import io.soundbox.gateway.auth.LocalTokens;
import io.soundbox.gateway.domain.Tier;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** Local-mode tokens for any user and tier, signed with the key of the gateway under test. */
public final class TestTokens {
    private TestTokens() {
    }

    public static String token(String userId, Tier tier) {
        return new LocalTokens(LocalKeyFiles.loadOrCreate(keyDir()), Clock.systemUTC())
                .issue(userId, tier, Duration.ofHours(1)).token();
    }

    public static PublicKey gatewayPublicKey() {
        return LocalKeyFiles.loadOrCreate(keyDir()).getPublic();
    }

    private static Path keyDir() {
        return ConfigProvider.getConfig().getValue("soundbox.data-dir", Path.class).resolve("keys");
    }

    /** The fake downstream services' base URL. */
    public static String stubUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.library.url", String.class);
    }
}
