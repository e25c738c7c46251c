package io.soundbox.generation.model;

import java.lang.management.ManagementFactory;

/**
 * Memory when there is no GPU: models on the CPU keep their weights off-heap (ONNX Runtime allocates
 * natively), so the host's free physical memory is what a load competes for; the JVM heap headroom is
 * the bound for what the engines allocate on the heap (procedural engines, PCM buffers), so the reading
 * takes the host's physical memory but never reports more than is left once the heap could grow to its
 * maximum.
 */
public final class HostMemoryProbe implements MemoryProbe {
    private static final long MIB = 1024 * 1024;

    @Override
    public MemoryReading read() {
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long heapGrowth = Math.max(0, rt.maxMemory() - rt.totalMemory());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            long free = Math.max(0, os.getFreeMemorySize() - heapGrowth);
            return new MemoryReading(free / MIB, (total - free) / MIB, total / MIB, "host");
        }
        // No OS numbers: only the heap is known.
        long free = rt.maxMemory() - heapUsed;
        return new MemoryReading(free / MIB, heapUsed / MIB, rt.maxMemory() / MIB, "heap");
    }
}
