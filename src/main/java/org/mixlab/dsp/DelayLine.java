package org.mixlab.dsp;

import java.util.Arrays;

/**
 * A circular delay line of single-precision samples with integer, linear and cubic (Catmull-Rom Hermite) reads.
 * <p>
 * Convention: read first, then {@link #write(double)}. {@code read*(d)} returns the input written {@code d} writes
 * ago, so {@code d = 1} is the most recent sample and an impulse written at time n comes out of {@code readInt(D)}
 * at time n + D. Memory is allocated only in {@link #setMaximumDelay(int)}; every other method is allocation-free.
 */
public final class DelayLine {
    private float[] buffer = new float[4];
    private int mask = 3;
    private int writePos;
    private int maxDelay = 1;

    /** Allocates room for delays up to {@code maxDelaySamples} (at least 1) plus interpolation headroom; clears. */
    public void setMaximumDelay(int maxDelaySamples) {
        if (maxDelaySamples < 1) {
            throw new IllegalArgumentException("maximum delay must be at least 1 sample, was " + maxDelaySamples);
        }
        int needed = maxDelaySamples + 4;
        int size = Integer.highestOneBit(needed - 1) << 1;
        if (size != buffer.length) {
            buffer = new float[size];
        }
        mask = size - 1;
        maxDelay = maxDelaySamples;
        reset();
    }

    /** The largest delay, in samples, this line was sized for. */
    public int maximumDelay() {
        return maxDelay;
    }

    /** Zeroes the contents; never allocates. */
    public void reset() {
        Arrays.fill(buffer, 0f);
        writePos = 0;
    }

    /** Appends one sample (stored as float). */
    public void write(double x) {
        buffer[writePos] = (float) x;
        writePos = (writePos + 1) & mask;
    }

    /** The sample written {@code delay} writes ago; {@code delay} is clamped to 1..maximumDelay. */
    public double readInt(int delay) {
        int d = delay < 1 ? 1 : Math.min(delay, maxDelay);
        return buffer[(writePos - d) & mask];
    }

    /** Linear interpolation at a fractional delay, clamped to 1..maximumDelay samples. */
    public double readLinear(double delay) {
        double d = delay < 1.0 ? 1.0 : Math.min(delay, maxDelay);
        int i = (int) d;
        double frac = d - i;
        int p = (writePos - i) & mask;
        double a = buffer[p];
        double b = buffer[(p - 1) & mask];
        return a + frac * (b - a);
    }

    /**
     * Cubic Hermite (Catmull-Rom) interpolation at a fractional delay, clamped to 2..maximumDelay samples; exact at
     * integer delays, flatter in the top octave than linear interpolation and free of its fraction-dependent
     * low-pass.
     */
    public double readCubic(double delay) {
        double d = delay < 2.0 ? 2.0 : Math.min(delay, maxDelay);
        int i = (int) d;
        double t = d - i;
        int p = (writePos - i) & mask;
        // the samples at delays i - 1, i, i + 1 and i + 2
        return cubic(buffer[(p + 1) & mask], buffer[p], buffer[(p - 1) & mask], buffer[(p - 2) & mask], t);
    }

    /**
     * The cubic (Catmull-Rom) interpolation between {@code y0} (fraction 0) and {@code y1} (fraction 1), with
     * {@code ym1} and {@code y2} the samples on either side; the one formula every delay read uses.
     */
    static double cubic(double ym1, double y0, double y1, double y2, double t) {
        double c1 = 0.5 * (y1 - ym1);
        double c2 = ym1 - 2.5 * y0 + 2.0 * y1 - 0.5 * y2;
        double c3 = 0.5 * (y2 - ym1) + 1.5 * (y0 - y1);
        return ((c3 * t + c2) * t + c1) * t + y0;
    }

    /**
     * {@link #readCubic(double)} as if {@code ahead} more samples had already been written, for chunked processing
     * where a chunk's reads all happen before its writes: sample j of the chunk reads with {@code ahead = j}. The
     * caller keeps {@code delay - ahead >= 2} so nothing unwritten is read; delay is clamped to 2..maximumDelay.
     */
    public double readCubicAhead(int ahead, double delay) {
        double d = delay < 2.0 ? 2.0 : Math.min(delay, maxDelay);
        int i = (int) d;
        double t = d - i;
        int p = (writePos + ahead - i) & mask;
        return cubic(buffer[(p + 1) & mask], buffer[p], buffer[(p - 1) & mask], buffer[(p - 2) & mask], t);
    }
}
