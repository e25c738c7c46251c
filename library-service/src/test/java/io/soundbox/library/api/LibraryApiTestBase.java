package io.soundbox.library.api;

import io.soundbox.library.InternalAuthResource;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.persistence.GenerationRepository;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the library's API tests share: the repository they seed, the service's configuration, and
 * {@link ApiCalls} signing requests as the gateway with the test key. Each subclass keeps its own
 * {@code @QuarkusTest} resources and profile.
 */
abstract class LibraryApiTestBase {
    @Inject
    GenerationRepository repository;
    @Inject
    LibraryConfig config;
    @ConfigProperty(name = InternalAuthResource.PRIVATE_KEY_PROPERTY)
    String privateKeyPath;
    ApiCalls api;

    @BeforeEach
    void setUpApiCalls() {
        api = new ApiCalls(repository, privateKeyPath);
    }
}
