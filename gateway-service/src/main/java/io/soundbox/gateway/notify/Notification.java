package io.soundbox.gateway.notify;

import java.util.Map;
import java.util.Objects;

/** One message to a user through the accounts service ({@code POST {accounts}/api/notifications/send}). */
public record Notification(String userId, String type, String title, String message, Map<String, Object> data) {
    public Notification {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
