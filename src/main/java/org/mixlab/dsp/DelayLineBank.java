package org.mixlab.dsp;

import java.util.Arrays;

/**
 * Delay lines read and written a block at a time (the feedback delay network and the diffusers of the reverb).
 * <p>
 * Each line holds the same values as a {@link DelayLine} would: samples rounded to single precision, here kept in
 * a circular buffer of doubles so that blocks move with array copies and no conversions. A block of {@code m}
 * samples is processed as: read the whole block ({@link #readBlock} or {@link #readCubicBlock}), compute, then write
 * the whole block ({@link #writeBlock}). Sample j of the block reads as if j more samples had already been written,
 * which equals sample-by-sample processing as long as nothing read is written within the block: integer delays of
 * at least {@code m}, cubic delays of at least {@code m + 1}. The reads give exactly what {@link DelayLine#readInt}
 * and {@link DelayLine#readCubicAhead} give, arranged so that the arithmetic runs as loops over the block. Memory
 * is allocated only in the constructor and {@link #setMaximumDelay(int, int)}.
 */
final class DelayLineBank {
    /** A block whose integer delays change more often than this is read sample by sample. */
    private static final int MAX_SEGMENTS = 8;
    /** 2^29 + 1: splits a double's 53-bit significand into its top 24 bits and the rest. */
    private static final double SPLITTER = 536870913.0;

    private final double[][] buffer;
    private final int[] mask;
    private final int[] writePos;
    private final int[] maxDelay;
    private final double[] frac;
    private final double[] rounded;
    private final double[] tapNewer;
    private final double[] tap0;
    private final double[] tap1;
    private final double[] tap2;
    /** The tap rows from the oldest point (delay + 2) to the newest (delay - 1). */
    private final double[][] taps;
    private final int[] segStart = new int[MAX_SEGMENTS + 1];
    private final int[] segDelay = new int[MAX_SEGMENTS];

    /** Creates {@code lines} empty lines for blocks of up to {@code maxBlock} samples. */
    DelayLineBank(int lines, int maxBlock) {
        buffer = new double[lines][4];
        mask = new int[lines];
        writePos = new int[lines];
        maxDelay = new int[lines];
        Arrays.fill(mask, 3);
        Arrays.fill(maxDelay, 1);
        frac = new double[maxBlock];
        rounded = new double[maxBlock];
        tapNewer = new double[maxBlock];
        tap0 = new double[maxBlock];
        tap1 = new double[maxBlock];
        tap2 = new double[maxBlock];
        taps = new double[][] {tap2, tap1, tap0, tapNewer};
    }

    /** Sizes line {@code line} for delays up to {@code maxDelaySamples} (at least 1) plus headroom; clears it. */
    void setMaximumDelay(int line, int maxDelaySamples) {
        if (maxDelaySamples < 1) {
            throw new IllegalArgumentException("maximum delay must be at least 1 sample, was " + maxDelaySamples);
        }
        int size = Integer.highestOneBit(maxDelaySamples + 3) << 1;
        if (size != buffer[line].length) {
            buffer[line] = new double[size];
        }
        mask[line] = size - 1;
        maxDelay[line] = maxDelaySamples;
        Arrays.fill(buffer[line], 0.0);
        writePos[line] = 0;
    }

    /** Zeroes every line; never allocates. */
    void reset() {
        for (int i = 0; i < buffer.length; i++) {
            Arrays.fill(buffer[i], 0.0);
            writePos[i] = 0;
        }
    }

    /**
     * Integer-delay reads of line {@code line} for a block: {@code out[j]} is the sample written {@code delay}
     * writes before sample j's turn, for j in 0..m-1; {@code m <= delay <= maximum delay}.
     */
    void readBlock(int line, int delay, int m, double[] out) {
        copyFromRing(buffer[line], (writePos[line] - delay) & mask[line], out, 0, m);
    }

    /**
     * Cubic (Catmull-Rom) reads of line {@code line} for a block: {@code out[j]} is what
     * {@code readCubicAhead(j, delay[j])} of a {@link DelayLine} holding the same samples returns, for j in 0..m-1.
     */
    void readCubicBlock(int line, double[] delay, int m, double[] out) {
        // integer part and fraction per sample; the integer part changes rarely (slow modulation), so the block
        // splits into a few segments of constant integer delay, each a contiguous stretch of the buffer
        double[] t = frac;
        int cur = (int) delay[0];
        int lo = cur;
        int hi = cur;
        int segs = 1;
        segStart[0] = 0;
        segDelay[0] = cur;
        boolean perSample = false;
        for (int j = 0; j < m; j++) {
            double d = delay[j];
            int k = (int) d;
            t[j] = d - k;
            if (k != cur) {
                if (segs == MAX_SEGMENTS) {
                    perSample = true;
                    break;
                }
                segStart[segs] = j;
                segDelay[segs] = k;
                segs++;
                cur = k;
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
            }
        }
        if (perSample || lo < 2 || hi >= maxDelay[line] || !(delay[0] >= 2.0)) {
            readPerSample(buffer[line], mask[line], writePos[line], maxDelay[line], delay, m, out);
            return;
        }
        segStart[segs] = m;
        for (int s = 0; s < segs; s++) {
            fillTaps(line, segStart[s], segStart[s + 1] - segStart[s], segDelay[s]);
        }
        interpolate(t, m, out);
    }

    /**
     * The same reads when the delays' integer part is {@code firstDelay} for samples 0..split-1 and
     * {@code secondDelay} for split..m-1 (each 2..maximum delay - 1): the delay of sample j is that integer plus
     * {@code frac[j]}, with {@code 0 <= frac[j] < 1}.
     */
    void readCubicBlock(int line, int firstDelay, int split, int secondDelay, double[] frac, int m, double[] out) {
        for (int s = 0; s < 2; s++) {
            int from = s == 0 ? 0 : split;
            int to = s == 0 ? split : m;
            if (from < to) {
                fillTaps(line, from, to - from, s == 0 ? firstDelay : secondDelay);
            }
        }
        interpolate(frac, m, out);
    }

    /** True when {@code intDelay} is an integer delay the reads with given integer parts accept (2..maximum - 1). */
    boolean acceptsIntegerDelay(int line, int intDelay) {
        return intDelay >= 2 && intDelay < maxDelay[line];
    }

    /** Copies the four interpolation points of samples j0..j0+len-1, all at integer delay d, into the tap rows. */
    private void fillTaps(int line, int j0, int len, int d) {
        double[] buf = buffer[line];
        int msk = mask[line];
        int first = writePos[line] + j0 - d - 2; // the oldest of the four points of sample j0
        for (int k = 0; k < 4; k++) {
            copyFromRing(buf, (first + k) & msk, taps[k], j0, len);
        }
    }

    private static void copyFromRing(double[] ring, int from, double[] dst, int at, int len) {
        int direct = Math.min(len, ring.length - from);
        System.arraycopy(ring, from, dst, at, direct);
        if (direct < len) {
            System.arraycopy(ring, 0, dst, at + direct, len - direct);
        }
    }

    /** Catmull-Rom interpolation of the tap rows with fractions {@code t}, the same arithmetic as DelayLine. */
    private void interpolate(double[] t, int m, double[] out) {
        double[] ym1s = tapNewer;
        double[] y0s = tap0;
        double[] y1s = tap1;
        double[] y2s = tap2;
        // half of c3 in a loop of its own: written in one expression, c3 keeps the whole loop from vectorising
        for (int j = 0; j < m; j++) {
            out[j] = 0.5 * (y2s[j] - ym1s[j]);
        }
        for (int j = 0; j < m; j++) {
            double ym1 = ym1s[j];
            double y0 = y0s[j];
            double y1 = y1s[j];
            double c1 = 0.5 * (y1 - ym1);
            double c2 = ym1 - 2.5 * y0 + 2.0 * y1 - 0.5 * y2s[j];
            double c3 = out[j] + 1.5 * (y0 - y1);
            double tt = t[j];
            out[j] = ((c3 * tt + c2) * tt + c1) * tt + y0;
        }
    }

    private static void readPerSample(double[] buf, int msk, int wp, int maxD, double[] delay, int m, double[] out) {
        for (int j = 0; j < m; j++) {
            double d = delay[j] < 2.0 ? 2.0 : Math.min(delay[j], maxD);
            int i = (int) d;
            double t = d - i;
            int p = (wp + j - i) & msk;
            out[j] = DelayLine.cubic(buf[(p + 1) & msk], buf[p], buf[(p - 1) & msk], buf[(p - 2) & msk], t);
        }
    }

    /**
     * Appends {@code in[0..m)} to line {@code line}, each value rounded to single precision exactly as a
     * {@code (float)} cast rounds it. Every value must be 0 or have a magnitude from {@link Float#MIN_NORMAL} up to
     * but excluding {@link Float#MAX_VALUE}; {@link #writeBlockAnyValues} takes any value.
     */
    void writeBlock(int line, double[] in, int m) {
        double[] r = rounded;
        for (int j = 0; j < m; j++) {
            double x = in[j]; // roundToFloat(x), written out
            double g = SPLITTER * x;
            r[j] = g + (x - g);
        }
        copyToRing(line, r, m);
    }

    /**
     * {@code x} rounded to single precision, equal to {@code (double) (float) x} for 0 and for magnitudes from
     * {@link Float#MIN_NORMAL} up to but excluding {@link Float#MAX_VALUE}. Veltkamp's splitting: (c x) + (x - c x)
     * with c = 2^29 + 1 keeps the top 24 significant bits of x, rounded to nearest with ties to even like the cast;
     * unlike the cast it vectorises.
     */
    static double roundToFloat(double x) {
        double g = SPLITTER * x;
        return g + (x - g);
    }

    /** Appends values that are already single-precision numbers (stored unchanged). */
    void writeBlockSinglePrecision(int line, double[] in, int m) {
        copyToRing(line, in, m);
    }

    /** {@link #writeBlock} for any values, including NaN, infinities and magnitudes beyond the float range. */
    void writeBlockAnyValues(int line, double[] in, int m) {
        double[] r = rounded;
        for (int j = 0; j < m; j++) {
            r[j] = (float) in[j];
        }
        copyToRing(line, r, m);
    }

    /** Replaces the block written last (m samples) on line {@code line}, as {@link #writeBlockAnyValues} writes it. */
    void rewriteBlockAnyValues(int line, double[] in, int m) {
        writePos[line] = (writePos[line] - m) & mask[line];
        writeBlockAnyValues(line, in, m);
    }

    private void copyToRing(int line, double[] src, int m) {
        double[] buf = buffer[line];
        int wp = writePos[line];
        int direct = Math.min(m, buf.length - wp);
        System.arraycopy(src, 0, buf, wp, direct);
        if (direct < m) {
            System.arraycopy(src, direct, buf, 0, m - direct);
        }
        writePos[line] = (wp + m) & mask[line];
    }
}
