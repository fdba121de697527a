package org.mixlab.analysis;

/**
 * A decimated ring of stereo points for a goniometer (vectorscope) display. Every {@code decimation}-th frame is
 * stored as {@code x = (R - L) / sqrt 2} (side, horizontal) and {@code y = (L + R) / sqrt 2} (mid, vertical), so
 * mono is a vertical line, left-only the upper-left diagonal, right-only the upper-right diagonal and
 * out-of-phase a horizontal line.
 *
 * <p>Threading: one thread calls {@link #add} (never allocates); any thread may call {@link #copyLatest}, which
 * copies the newest points without locking. A point being overwritten during the copy may come out torn, which a
 * display tolerates.
 */
public final class GoniometerBuffer {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private final float[] xs;
    private final float[] ys;
    private final int decimation;
    private int phase;
    private int writeIndex;
    private volatile long written;

    /** A ring of {@code capacity} points (16 to 1,048,576) keeping one frame in {@code decimation} (1 to 1,024). */
    public GoniometerBuffer(int capacity, int decimation) {
        if (capacity < 16 || capacity > (1 << 20)) {
            throw new IllegalArgumentException("goniometer capacity must be 16 to 1048576 points, was " + capacity);
        }
        if (decimation < 1 || decimation > 1024) {
            throw new IllegalArgumentException("goniometer decimation must be 1 to 1024, was " + decimation);
        }
        this.xs = new float[capacity];
        this.ys = new float[capacity];
        this.decimation = decimation;
    }

    /** Adds {@code frames} stereo frames from {@code offset}; never allocates. */
    public void add(float[] left, float[] right, int offset, int frames) {
        int w = writeIndex;
        long n = written;
        for (int i = offset, end = offset + frames; i < end; i++) {
            if (++phase < decimation) {
                continue;
            }
            phase = 0;
            float l = left[i], r = right[i];
            xs[w] = (r - l) * INV_SQRT2;
            ys[w] = (l + r) * INV_SQRT2;
            w = w + 1 == xs.length ? 0 : w + 1;
            n++;
        }
        writeIndex = w;
        written = n;
    }

    /**
     * Copies up to {@code min(xOut.length, yOut.length, capacity)} of the newest points into the arrays, oldest
     * first, and returns how many were copied. Any thread; never allocates.
     */
    public int copyLatest(float[] xOut, float[] yOut) {
        long total = written;
        int cap = xs.length;
        int count = (int) Math.min(Math.min(total, cap), Math.min(xOut.length, yOut.length));
        int end = (int) (total % cap); // index after the newest point
        for (int i = 0; i < count; i++) {
            int idx = end - count + i;
            if (idx < 0) {
                idx += cap;
            }
            xOut[i] = xs[idx];
            yOut[i] = ys[idx];
        }
        return count;
    }

    /** Points written since construction or the last reset. */
    public long pointsWritten() {
        return written;
    }

    /** Forgets all points; call from the adding thread. */
    public void reset() {
        java.util.Arrays.fill(xs, 0f);
        java.util.Arrays.fill(ys, 0f);
        phase = 0;
        writeIndex = 0;
        written = 0;
    }
}
