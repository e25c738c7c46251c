package io.soundbox.generation.engine.procedural;

/** A mono sound produced one sample at a time, in order; implementations keep their own state. */
@FunctionalInterface
interface Signal {
    double next();
}
