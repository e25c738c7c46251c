package io.soundbox.backup.engine;

/**
 * A backup, verification or restore could not be done; the message says why in words an operator can
 * act on (which path, how much space, which check failed).
 */
public class BackupException extends Exception {
    public enum Kind {
        /** The target is missing, is not a folder, or refuses a write. */
        TARGET_UNWRITABLE,
        /** The target has too little free space, or a write failed for lack of it. */
        NO_SPACE,
        /** What is to be backed up cannot be read (missing database, unreadable audio). */
        SOURCE_UNREADABLE,
        /** A backup's files do not match its manifest, or its database fails the integrity check. */
        CORRUPT,
        /** No backup with that id. */
        NOT_FOUND,
        /** Another backup or restore is running. */
        BUSY,
        /** library-service, which performs a restore, does not answer. */
        LIBRARY_UNAVAILABLE,
        /** Anything else that went wrong while copying. */
        FAILED
    }

    private final Kind kind;

    public BackupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackupException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
