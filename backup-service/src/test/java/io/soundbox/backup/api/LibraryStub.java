package io.soundbox.backup.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.testsupport.HttpStub;
import java.util.Map;

/**
 * Stands in for library-service's restore endpoint, whose answers (restored, or 409 with the plan) the
 * tests choose: backup-service's own part is what they check. The real library-service restore is tested
 * in library-service (RestoreApiTest) and with the whole stack (system-tests RestoreIT).
 */
public class LibraryStub implements QuarkusTestResourceLifecycleManager {
    static volatile HttpStub stub;

    @Override
    public Map<String, String> start() {
        stub = new HttpStub();
        return Map.of("soundbox.backup.library-url", stub.baseUrl());
    }

    @Override
    public void stop() {
        stub.close();
    }
}
