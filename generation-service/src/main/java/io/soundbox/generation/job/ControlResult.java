package io.soundbox.generation.job;

/** What a cancel or skip did on this instance. */
public enum ControlResult {
    /** Removed from the queue (cancel) or moved to the front of its class (skip). */
    APPLIED,
    /** Running: a cancel stops it at its next progress step; a skip has nothing left to do. */
    RUNNING,
    /** Not held here (another instance has it, or it has not arrived yet): remembered for a while. */
    NOT_HELD
}
