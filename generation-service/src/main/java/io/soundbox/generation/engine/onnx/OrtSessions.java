package io.soundbox.generation.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens ONNX Runtime sessions on CUDA when it works and on CPU otherwise. {@code getAvailableProviders()}
 * lists CUDA even where it cannot run (RECIPES), so the only reliable probe is to try: add the CUDA
 * provider and open the session; on any failure start again with fresh CPU options. Thread-safe.
 */
public final class OrtSessions {
    private static final Logger LOG = Logger.getLogger(OrtSessions.class.getName());

    public enum Device {
        CUDA, CPU;

        /** As {@code GET /models} shows it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final boolean preferGpu;
    private final int intraOpThreads;
    /**
     * Native initialisation and session creation run on a thread with this much stack: measured here,
     * loading ONNX Runtime with JBoss LogManager on the classpath overflowed a 1 MB thread stack (the
     * JVM default for worker threads) and killed the process with SIGSEGV instead of an exception.
     */
    static final long NATIVE_STACK_BYTES = 64L << 20;

    private volatile OrtEnvironment env;
    /** Why the first CUDA attempt failed; null while none has (or none was made). */
    private volatile String cudaFailure;

    /** @param intraOpThreads threads per CPU session; 0 lets ONNX Runtime choose (all cores) */
    public OrtSessions(boolean preferGpu, int intraOpThreads) {
        this.preferGpu = preferGpu;
        this.intraOpThreads = intraOpThreads;
    }

    /** The shared environment, initialising ONNX Runtime's native library on first use. */
    public OrtEnvironment environment() {
        OrtEnvironment e = env;
        if (e == null) {
            e = onLargeStack(OrtEnvironment::getEnvironment);
            env = e;
        }
        return e;
    }

    /** Runs native-heavy work on a short-lived thread with a large stack and returns its result. */
    static <T> T onLargeStack(java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "onnx-native", NATIVE_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading ONNX Runtime", e);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
        return result.get();
    }

    public record Opened(OrtSession session, Device device) {
    }

    public Opened open(Path file) {
        OrtEnvironment env = environment();
        return onLargeStack(() -> openOnThisThread(env, file));
    }

    private Opened openOnThisThread(OrtEnvironment env, Path file) {
        if (preferGpu) {
            try (OrtSession.SessionOptions gpu = baseOptions()) {
                gpu.addCUDA(0);
                return new Opened(env.createSession(file.toString(), gpu), Device.CUDA);
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                noteCudaFailure(file, e);
            }
        }
        try (OrtSession.SessionOptions cpu = baseOptions()) {
            return new Opened(env.createSession(file.toString(), cpu), Device.CPU);
        } catch (OrtException e) {
            throw new ModelInstallException("cannot load " + file + ": " + e.getCode() + " " + e.getMessage(), e);
        }
    }

    /**
     * Why CUDA could not be used, e.g. {@code libcublasLt.so.12: cannot open shared object file} on a host
     * with another CUDA major version; empty when it worked or was not tried.
     */
    public java.util.Optional<String> cudaFailure() {
        return java.util.Optional.ofNullable(cudaFailure);
    }

    /**
     * An operator who installed the GPU build expects the GPU: its first failure is a warning with the
     * reason (missing CUDA or cuDNN libraries, no device). The CPU build, the default, cannot do otherwise,
     * so it says so once at INFO. Later sessions fail the same way and log quietly.
     */
    private void noteCudaFailure(Path file, Throwable e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean first = cudaFailure == null;
        cudaFailure = reason;
        if (!first) {
            LOG.log(Level.FINE, "CUDA unavailable for " + file.getFileName() + ": " + reason);
        } else if (isGpuBuild()) {
            LOG.log(Level.WARNING, "CUDA unavailable for " + file.getFileName() + ", running on CPU: " + reason);
        } else {
            LOG.log(Level.INFO, "CPU build of ONNX Runtime: models run on CPU (build with -Pgpu for CUDA)");
        }
    }

    /** The GPU build lists CUDA among its providers even where CUDA cannot run; the CPU build never does. */
    private static boolean isGpuBuild() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    private OrtSession.SessionOptions baseOptions() {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                o.setIntraOpNumThreads(intraOpThreads);
            }
        } catch (OrtException e) {
            o.close();
            throw new IllegalStateException("invalid ONNX Runtime session options", e);
        }
        return o;
    }
}
