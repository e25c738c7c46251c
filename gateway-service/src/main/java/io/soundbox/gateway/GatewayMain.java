package io.soundbox.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Before Quarkus starts, it turns off Quarkus's own check of the request target
 * ({@code vertx.disableURIValidation}), which refuses a target {@code java.net.URI} cannot parse (a
 * raw backslash, {@code %zz}) with an empty 400 before any route runs. The gateway's first route,
 * {@code web.PathGuard}, makes the same check and a stricter one of the path, and answers with a
 * problem document instead.
 */
@QuarkusMain
public final class GatewayMain {
    /** The system property Quarkus's HTTP server reads when it starts. */
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
            System.setProperty(DISABLE_URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
