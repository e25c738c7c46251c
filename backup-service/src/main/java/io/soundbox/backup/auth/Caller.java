package io.soundbox.backup.auth;

/** A user the gateway vouched for in the internal token; only admins may use backup-service's API. */
public record Caller(String userId, boolean admin) {
}
