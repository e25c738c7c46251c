package io.soundbox.library.persistence;

/** The library database failed (I/O, disk full, locked for longer than busy_timeout). */
public class LibraryStoreException extends RuntimeException {
    public LibraryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
