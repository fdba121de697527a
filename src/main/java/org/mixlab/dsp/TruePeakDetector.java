package org.mixlab.dsp;

/**
 * True-peak detection in the manner of ITU-R BS.1770-4 Annex 2: 4x polyphase interpolation (here with
 * {@value #TAPS_PER_PHASE} taps per phase instead of the Annex's 12: a Kaiser-windowed sinc designed in this class,
 * 50 dB image rejection, flat to about 0.47 of the sample rate, so that content just below Nyquist, which the short
 * Annex filter under-reads, is measured too), absolute value, maximum. On top of the Annex's plain maximum of the four interpolated
 * points, a parabola through the largest point and its two neighbours refines the estimate, which brings the
 * under-read of a sine between the interpolated points down to about 0.02 dB.
 * <p>
 * Feed one sample per channel with {@link #process(int, double)}; the returned value is the (linear) peak magnitude of
 * the band-limited signal between input samples {@code n - delay} and {@code n - delay + 1}, where
 * {@code delay = }{@link #delaySamples()}. prepare allocates; process never does.
 */
public final class TruePeakDetector {
    /** Interpolation factor. */
    public static final int FACTOR = 4;
    /** Filter taps per polyphase branch. */
    public static final int TAPS_PER_PHASE = 48;

    /** Image rejection of the interpolation filter, dB. */
    static final double IMAGE_REJECTION_DB = 50;
    private static final double[][] PHASES = buildPhases();
    private static final double[] P1 = PHASES[1];
    private static final double[] P2 = PHASES[2];
    private static final double[] P3 = PHASES[3];
    private static final int DELAY = TAPS_PER_PHASE / 2;
    private static final int HIST = TAPS_PER_PHASE + 1;

    private double[][] hist = new double[0][];
    private int[] pos = new int[0];
    private double[] lastPoint = new double[0];
    private boolean refine = true;

    // block mode, in float (rounding near -140 dB, far below what a peak reading needs): HIST - 1 history values,
    // then the block
    private float[][] lin = new float[0][];
    private float[] win = new float[0];
    private float[] acc1 = new float[0];
    private float[] acc2 = new float[0];
    private float[] acc3 = new float[0];
    private static final float[] F1 = toFloat(P1);
    private static final float[] F2 = toFloat(P2);
    private static final float[] F3 = toFloat(P3);

    /** Allocates state for {@code channels} channels and clears it (sample-by-sample use only). */
    public void prepare(int channels) {
        prepare(channels, 0);
    }

    /**
     * Allocates state for {@code channels} channels and blocks of up to {@code maxBlock} samples for
     * {@link #processBlock}, and clears it. A channel is fed either by {@link #process} or by processBlock.
     */
    public void prepare(int channels, int maxBlock) {
        hist = new double[channels][2 * HIST];
        pos = new int[channels];
        lastPoint = new double[channels];
        lin = new float[channels][HIST - 1 + maxBlock];
        win = new float[maxBlock];
        acc1 = new float[maxBlock];
        acc2 = new float[maxBlock];
        acc3 = new float[maxBlock];
        reset();
    }

    /**
     * Block form of {@link #process}: feeds {@code n} samples of {@code in} (at most the prepared block size) for
     * channel {@code ch} and writes the n true-peak values into {@code peakOut}, the same values process would
     * return up to rounding. The interpolation runs tap-major over the block: for each tap the shifted input is
     * copied to a row starting at 0 and the three interpolated points are multiply-added from it, loops HotSpot
     * vectorises.
     */
    public void processBlock(int ch, double[] in, int n, double[] peakOut) {
        float[] x = lin[ch];
        int h = HIST - 1;
        for (int m = 0; m < n; m++) {
            double v = in[m];
            x[h + m] = v - v == 0 ? (float) v : 0f;
        }
        float[] a1 = acc1;
        float[] a2 = acc2;
        float[] a3 = acc3;
        java.util.Arrays.fill(a1, 0, n, 0f);
        java.util.Arrays.fill(a2, 0, n, 0f);
        java.util.Arrays.fill(a3, 0, n, 0f);
        float[] t = win;
        for (int j = 0; j < F1.length; j++) {
            // x[m - j] of this block is at x[h + m - j]
            System.arraycopy(x, h - j, t, 0, n);
            mac3(a1, a2, a3, t, n, F1[j], F2[j], F3[j]);
        }
        double prev = lastPoint[ch];
        for (int m = 0; m < n; m++) {
            double v0 = x[h + m - DELAY];
            double vNext = x[h + m - DELAY + 1];
            double v1 = a1[m];
            double v2 = a2[m];
            double v3 = a3[m];
            double peak = Math.max(Math.max(Math.abs(v0), Math.abs(v1)), Math.max(Math.abs(v2), Math.abs(v3)));
            if (refine) {
                peak = Math.max(peak, parabola(prev, v0, v1));
                peak = Math.max(peak, parabola(v0, v1, v2));
                peak = Math.max(peak, parabola(v1, v2, v3));
                peak = Math.max(peak, parabola(v2, v3, vNext));
            }
            prev = v3;
            peakOut[m] = peak;
        }
        lastPoint[ch] = prev;
        System.arraycopy(x, n, x, 0, h);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static void mac3(float[] a1, float[] a2, float[] a3, float[] t, int n, float c1, float c2, float c3) {
        for (int m = 0; m < n; m++) {
            float v = t[m];
            a1[m] += c1 * v;
            a2[m] += c2 * v;
            a3[m] += c3 * v;
        }
    }

    /** Clears all histories. */
    public void reset() {
        for (double[] h : hist) {
            java.util.Arrays.fill(h, 0.0);
        }
        for (float[] h : lin) {
            java.util.Arrays.fill(h, 0f);
        }
        java.util.Arrays.fill(pos, 0);
        java.util.Arrays.fill(lastPoint, 0.0);
    }

    /** Turns the parabolic refinement on (default) or off (plain Annex 2 maximum of four points). */
    public void setRefine(boolean on) {
        refine = on;
    }

    /** Delay, in input samples, between a sample going in and the interval its peak is reported for. */
    public int delaySamples() {
        return DELAY;
    }

    /**
     * Feeds one sample of channel {@code ch} and returns the true-peak magnitude (linear) of the interval
     * starting {@link #delaySamples()} samples ago. Non-finite input is treated as 0.
     */
    public double process(int ch, double x) {
        double[] h = hist[ch];
        int p = pos[ch];
        p = p == 0 ? HIST - 1 : p - 1;
        double v = x - x == 0 ? x : 0.0;
        h[p] = v;
        h[p + HIST] = v;
        pos[ch] = p;
        // x[n - j] is at h[p + j]
        double v0 = h[p + DELAY];
        // the three interpolated points in one pass: three independent sums share each history load
        double[] t1 = P1;
        double[] t2 = P2;
        double[] t3 = P3;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        for (int j = 0; j < t1.length; j++) {
            double hj = h[p + j];
            v1 += t1[j] * hj;
            v2 += t2[j] * hj;
            v3 += t3[j] * hj;
        }
        double vPrev = lastPoint[ch];
        double vNext = h[p + DELAY - 1];
        lastPoint[ch] = v3;
        double a0 = Math.abs(v0);
        double a1 = Math.abs(v1);
        double a2 = Math.abs(v2);
        double a3 = Math.abs(v3);
        double peak = Math.max(Math.max(a0, a1), Math.max(a2, a3));
        if (refine) {
            peak = Math.max(peak, parabola(vPrev, v0, v1));
            peak = Math.max(peak, parabola(v0, v1, v2));
            peak = Math.max(peak, parabola(v1, v2, v3));
            peak = Math.max(peak, parabola(v2, v3, vNext));
        }
        return peak;
    }

    /** Peak magnitude (linear) of a whole signal, including its last samples (a fresh detector, zero-padded). */
    public static double truePeak(float[] x, int n) {
        TruePeakDetector d = new TruePeakDetector();
        d.prepare(1);
        double peak = 0;
        for (int i = 0; i < n + DELAY + 1; i++) {
            peak = Math.max(peak, d.process(0, i < n ? x[i] : 0.0));
        }
        return peak;
    }

    /** Vertex of the parabola through three equally spaced points, when the middle one is a local extreme. */
    private static double parabola(double a, double b, double c) {
        double s = b >= 0 ? 1 : -1;
        double pa = s * a;
        double pb = s * b;
        double pc = s * c;
        double curv = 2 * pb - pa - pc;
        if (pb >= pa && pb >= pc && curv > 0) {
            double d = pa - pc;
            return pb + d * d / (8 * curv);
        }
        return 0;
    }

    private static double[][] buildPhases() {
        int len = FACTOR * TAPS_PER_PHASE + 1;
        double beta = Oversampler.kaiserBeta(IMAGE_REJECTION_DB);
        double[] h = Oversampler.design(len, (len - 1) / 2.0, 0.5 / FACTOR, beta, FACTOR);
        double[][] phases = new double[FACTOR][TAPS_PER_PHASE + 1];
        // the point at time n - DELAY + k/4 is sum_j h[4 j + k] * x[n - j]
        for (int k = 0; k < FACTOR; k++) {
            for (int j = 0; j <= TAPS_PER_PHASE; j++) {
                int idx = FACTOR * j + k;
                phases[k][j] = idx < len ? h[idx] : 0.0;
            }
        }
        return phases;
    }
}
