package io.soundbox.gateway.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the HTTP tests. */
public final class GatewayTestSupport {
    private GatewayTestSupport() {
    }

    public static String guestToken() {
        return given().post("/api/auth/guest").then().statusCode(200).extract().path("token");
    }

    /** Polls until the condition holds; fails with the message after the timeout. */
    public static void eventually(Duration timeout, String message, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message);
            }
        }
        throw new AssertionError("timed out after " + timeout + ": " + message);
    }
}
