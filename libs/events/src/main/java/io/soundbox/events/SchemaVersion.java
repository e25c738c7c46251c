package io.soundbox.events;

/**
 * Version of the event schema written by this build. Readers accept any version and ignore unknown
 * fields, so additive changes keep the number; a change that removes or redefines a field bumps it.
 */
public final class SchemaVersion {
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
