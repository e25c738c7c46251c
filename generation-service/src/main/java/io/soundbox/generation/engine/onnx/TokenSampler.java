package io.soundbox.generation.engine.onnx;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from logits: classifier-free guidance ({@code uncond + scale * (cond - uncond)}),
 * then top-k with temperature. Greedy when {@code topK == 1} or {@code temperature <= 0}. Pure and
 * allocation-light: one sampler per generation thread.
 */
public final class TokenSampler {
    private final int topK;
    private final double temperature;
    private int[] heap = new int[0];
    private double[] weights = new double[0];

    public TokenSampler(int topK, double temperature) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1: " + topK);
        }
        this.topK = topK;
        this.temperature = temperature;
    }

    /** In place into {@code cond}: the guided logits. A scale of 1 leaves {@code cond} as it is. */
    public static void guide(float[] cond, int condOffset, float[] uncond, int uncondOffset, int length,
            double scale, float[] out) {
        for (int i = 0; i < length; i++) {
            float c = cond[condOffset + i];
            float u = uncond[uncondOffset + i];
            out[i] = (float) (u + scale * (c - u));
        }
    }

    /** Samples a token id in {@code [0, length)} from {@code logits[offset .. offset+length)}. */
    public int sample(float[] logits, int offset, int length, SplittableRandom rng) {
        int k = Math.min(topK, length);
        if (k == 1 || temperature <= 0) {
            return argmax(logits, offset, length);
        }
        int[] top = topIndices(logits, offset, length, k);
        if (weights.length < k) {
            weights = new double[k];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, logits[offset + top[i]]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double w = Math.exp((logits[offset + top[i]] - max) / temperature);
            weights[i] = w;
            sum += w;
        }
        double r = rng.nextDouble() * sum;
        for (int i = 0; i < k; i++) {
            r -= weights[i];
            if (r <= 0) {
                return top[i];
            }
        }
        return top[k - 1];
    }

    /** Probability of {@code token} under the same top-k/temperature distribution (for MAGNeT's confidence). */
    public double probability(float[] logits, int offset, int length, int token) {
        int k = Math.min(topK, length);
        double t = temperature <= 0 ? 1e-6 : temperature;
        int[] top = topIndices(logits, offset, length, k);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, logits[offset + top[i]]);
        }
        double sum = 0;
        double mine = 0;
        for (int i = 0; i < k; i++) {
            double w = Math.exp((logits[offset + top[i]] - max) / t);
            sum += w;
            if (top[i] == token) {
                mine = w;
            }
        }
        return sum == 0 ? 0 : mine / sum;
    }

    static int argmax(float[] logits, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Indices of the k largest logits (unordered), with a min-heap: O(n log k). */
    private int[] topIndices(float[] logits, int offset, int length, int k) {
        if (heap.length < k) {
            heap = new int[k];
        }
        int size = 0;
        for (int i = 0; i < length; i++) {
            float v = logits[offset + i];
            if (size < k) {
                heap[size] = i;
                siftUp(logits, offset, size++);
            } else if (v > logits[offset + heap[0]]) {
                heap[0] = i;
                siftDown(logits, offset, k);
            }
        }
        return Arrays.copyOf(heap, k);
    }

    private void siftUp(float[] l, int off, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (l[off + heap[i]] >= l[off + heap[parent]]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(float[] l, int off, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int smallest = i;
            if (left < size && l[off + heap[left]] < l[off + heap[smallest]]) {
                smallest = left;
            }
            if (left + 1 < size && l[off + heap[left + 1]] < l[off + heap[smallest]]) {
                smallest = left + 1;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
