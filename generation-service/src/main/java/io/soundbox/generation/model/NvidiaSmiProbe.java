package io.soundbox.generation.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * GPU memory from {@code nvidia-smi --query-gpu=memory.free,memory.used --format=csv}, which sees every
 * process on the GPU. Output looks like:
 * <pre>
 * memory.free [MiB], memory.used [MiB]
 * 72718 MiB, 8 MiB
 * </pre>
 * one line per GPU; this service uses the GPU at {@code gpuIndex} (one instance per GPU).
 */
public final class NvidiaSmiProbe implements MemoryProbe {
    private static final long TIMEOUT_SECONDS = 10;
    private final String command;
    private final int gpuIndex;

    public NvidiaSmiProbe(String command, int gpuIndex) {
        this.command = command;
        this.gpuIndex = gpuIndex;
    }

    /** True when the command runs and reports at least one GPU. */
    public static boolean isAvailable(String command) {
        try {
            return !parse(run(command)).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public MemoryReading read() {
        try {
            List<MemoryReading> gpus = parse(run(command));
            if (gpuIndex >= gpus.size()) {
                throw new IllegalStateException("nvidia-smi reports " + gpus.size() + " GPUs, no GPU " + gpuIndex);
            }
            return gpus.get(gpuIndex);
        } catch (IOException e) {
            throw new IllegalStateException("nvidia-smi failed: " + e.getMessage(), e);
        }
    }

    /** Parses the CSV (header first), one reading per GPU; values in MiB, with or without units. */
    public static List<MemoryReading> parse(String csv) {
        List<MemoryReading> out = new ArrayList<>();
        int freeCol = 0;
        int usedCol = 1;
        for (String raw : csv.split("\\R")) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            if (line.toLowerCase(Locale.ROOT).contains("memory.")) {
                for (int i = 0; i < cells.length; i++) {
                    String c = cells[i].trim().toLowerCase(Locale.ROOT);
                    if (c.startsWith("memory.free")) {
                        freeCol = i;
                    } else if (c.startsWith("memory.used")) {
                        usedCol = i;
                    }
                }
                continue;
            }
            if (cells.length <= Math.max(freeCol, usedCol)) {
                throw new IllegalArgumentException("unexpected nvidia-smi line: " + line);
            }
            long free = mib(cells[freeCol]);
            long used = mib(cells[usedCol]);
            out.add(new MemoryReading(free, used, free + used, "nvidia-smi"));
        }
        return out;
    }

    private static long mib(String cell) {
        String c = cell.trim();
        String digits = c.replaceAll("(?i)\\s*mib$", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MiB value from nvidia-smi: '" + c + "'", e);
        }
    }

    private static String run(String command) throws IOException {
        Process p = new ProcessBuilder(command, "--query-gpu=memory.free,memory.used", "--format=csv")
                .redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readNBytes(64 * 1024);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nvidia-smi did not answer within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("nvidia-smi exited with " + p.exitValue() + ": "
                        + new String(out, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running nvidia-smi", e);
        }
    }
}
