package org.mixlab.dsp;

/**
 * Linear-phase oversampling by 1, 2, 4 or 8, built as a cascade of polyphase 2x FIR stages (Kaiser-windowed sinc).
 * <p>
 * The first stage (base rate to 2x) is a sharp low-pass whose stopband starts exactly at the base-rate Nyquist
 * frequency, so nothing generated in the oversampled domain folds back into the audio band on the way down; its
 * passband ends at {@link #PASSBAND_EDGE} of the base rate (19.2 kHz at 48 kHz). The later stages only have to
 * reject the images of that already band-limited signal and are short half-band filters.
 * <p>
 * Usage per block and channel: {@link #upsample(int, float[], int)}, process the first {@code n * factor()} values
 * of {@link #buffer(int)} in place, then {@link #downsample(int, float[], int)}. All memory is allocated in
 * {@link #prepare(int, int)}; up and down never allocate. The round trip is a pure delay of
 * {@link #latencySamples()} base-rate samples (a whole number) plus the low-pass.
 */
public final class Oversampler {
    /** Passband edge of the anti-alias filter as a fraction of the base sample rate. */
    public static final double PASSBAND_EDGE = 0.40;
    /** Stopband attenuation of the first (sharp) stage, dB. */
    static final double FIRST_STAGE_DB = 80.0;
    /** Stopband attenuation of the later half-band stages, dB. */
    static final double LATER_STAGE_DB = 80.0;

    private final int factor;
    private final int numStages;
    private final boolean halfSampleInside;
    private final Stage[] stages;
    private final int latency;
    private final double[][] upTaps;   // per stage, the designed taps (for PolyphaseOversampler)
    private final double[][] downTaps;
    private final int lastPad;

    private double[][] work;      // per channel, top-rate buffer of maxBlock * factor
    private double[][] scratchA;  // per channel, intermediate-rate buffers
    private double[][] scratchB;
    private int maxBlock;
    private int channels;

    /**
     * @param factor           1 (pass-through), 2, 4 or 8
     * @param halfSampleInside true when the processing done between up and down delays by half a top-rate sample
     *                         (first-order antiderivative anti-aliasing does); the last decimator then compensates
     *                         so that the reported latency is still a whole number of base-rate samples
     */
    public Oversampler(int factor, boolean halfSampleInside) {
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalArgumentException("oversampling factor must be 1, 2, 4 or 8, was " + factor);
        }
        this.factor = factor;
        this.numStages = Integer.numberOfTrailingZeros(factor);
        this.halfSampleInside = halfSampleInside && factor > 1;
        this.stages = new Stage[numStages];
        // delay in half top-rate samples
        long half = this.halfSampleInside ? 1 : 0;
        double[][] ups = new double[numStages][];
        double[][] downs = new double[numStages][];
        for (int s = 0; s < numStages; s++) {
            int outRateMul = 1 << (s + 1); // this stage's high rate, in base rates
            double fc;
            double transition;
            double atten;
            if (s == 0) {
                fc = (PASSBAND_EDGE + 0.5) / 2.0 / outRateMul;
                transition = (0.5 - PASSBAND_EDGE) / outRateMul;
                atten = FIRST_STAGE_DB;
            } else {
                fc = 0.25; // half-band
                double passEdge = 0.5 / outRateMul;
                transition = 2 * (0.25 - passEdge);
                atten = LATER_STAGE_DB;
            }
            int len = kaiserLength(atten, transition);
            double beta = kaiserBeta(atten);
            ups[s] = design(len, (len - 1) / 2.0, fc, beta, 2.0);
            boolean shift = this.halfSampleInside && s == numStages - 1;
            int downLen = shift ? len + 1 : len;
            downs[s] = design(downLen, (downLen - 1) / 2.0, fc, beta, 1.0);
            long weight = 1L << (numStages - 1 - s); // top-rate samples per sample of this stage's high rate
            half += (long) (len - 1) * weight + (long) (downLen - 1) * weight;
        }
        int pad = 0;
        if (numStages > 0) {
            long top = half / 2; // whole by construction
            pad = (int) ((factor - top % factor) % factor);
            this.latency = (int) ((top + pad) / factor);
        } else {
            this.latency = 0;
        }
        for (int s = 0; s < numStages; s++) {
            stages[s] = new Stage(ups[s], downs[s], s == numStages - 1 ? pad : 0);
        }
        this.upTaps = ups;
        this.downTaps = downs;
        this.lastPad = pad;
    }

    /** The designed interpolation taps of stage {@code s} (0 is the base-rate stage); not a copy. */
    double[] upTaps(int s) {
        return upTaps[s];
    }

    /** The designed decimation taps of stage {@code s}; not a copy. */
    double[] downTaps(int s) {
        return downTaps[s];
    }

    /** The extra delay, in samples of its input rate, of stage {@code s}'s decimator (non-zero only for the last). */
    int downPad(int s) {
        return s == numStages - 1 ? lastPad : 0;
    }

    /** The oversampling factor, 1, 2, 4 or 8. */
    public int factor() {
        return factor;
    }

    /** Round-trip delay (up, process, down) in base-rate samples; 0 for factor 1. */
    public int latencySamples() {
        return latency;
    }

    /** Allocates per-channel state for up to {@code maxBlockSize} base-rate samples per call; calls reset. */
    public void prepare(int numChannels, int maxBlockSize) {
        this.channels = numChannels;
        this.maxBlock = maxBlockSize;
        work = new double[numChannels][maxBlockSize * factor];
        scratchA = new double[numChannels][maxBlockSize * factor];
        scratchB = new double[numChannels][maxBlockSize * factor];
        for (int s = 0; s < numStages; s++) {
            stages[s].prepare(numChannels, maxBlockSize << s);
        }
        reset();
    }

    /** Clears all filter histories. */
    public void reset() {
        for (Stage st : stages) {
            st.reset();
        }
        if (work != null) {
            for (double[] w : work) {
                java.util.Arrays.fill(w, 0.0);
            }
        }
    }

    /** The top-rate buffer of channel {@code ch}; valid for {@code n * factor()} values after upsample. */
    public double[] buffer(int ch) {
        return work[ch];
    }

    /** Upsamples {@code n} base-rate samples of {@code in} into {@link #buffer(int)}. */
    public void upsample(int ch, float[] in, int n) {
        double[] w = work[ch];
        if (numStages == 0) {
            for (int i = 0; i < n; i++) {
                w[i] = in[i];
            }
            return;
        }
        double[] src = scratchA[ch];
        for (int i = 0; i < n; i++) {
            src[i] = in[i];
        }
        int len = n;
        for (int s = 0; s < numStages; s++) {
            double[] dst = s == numStages - 1 ? w : (src == scratchA[ch] ? scratchB[ch] : scratchA[ch]);
            stages[s].up(ch, src, len, dst);
            src = dst;
            len *= 2;
        }
    }

    /** Downsamples {@code n * factor()} values of {@link #buffer(int)} into {@code n} samples of {@code out}. */
    public void downsample(int ch, float[] out, int n) {
        double[] w = work[ch];
        if (numStages == 0) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) w[i];
            }
            return;
        }
        double[] src = w;
        int len = n * factor;
        for (int s = numStages - 1; s >= 0; s--) {
            double[] dst = src == scratchA[ch] ? scratchB[ch] : scratchA[ch];
            stages[s].down(ch, src, len, dst);
            src = dst;
            len /= 2;
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) src[i];
        }
    }

    /** Kaiser's estimate of the odd FIR length for {@code attenDb} and a transition width in cycles/sample. */
    static int kaiserLength(double attenDb, double transition) {
        int n = (int) Math.ceil((attenDb - 7.95) / (2.285 * 2 * Math.PI * transition)) + 1;
        return (n % 2 == 0) ? n + 1 : n;
    }

    /** Kaiser window beta for a stopband attenuation in dB. */
    static double kaiserBeta(double attenDb) {
        if (attenDb > 50) {
            return 0.1102 * (attenDb - 8.7);
        }
        if (attenDb >= 21) {
            return 0.5842 * Math.pow(attenDb - 21, 0.4) + 0.07886 * (attenDb - 21);
        }
        return 0;
    }

    /** Zeroth-order modified Bessel function of the first kind (power series). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 64; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /**
     * Kaiser-windowed sinc low-pass taps.
     *
     * @param len    number of taps
     * @param centre centre position (may be a half-integer)
     * @param fc     cut-off in cycles per sample at the filter's rate
     * @param beta   Kaiser beta
     * @param gain   DC gain
     */
    static double[] design(int len, double centre, double fc, double beta, double gain) {
        double[] h = new double[len];
        double halfWidth = (len - 1) / 2.0 + 0.5;
        double i0b = besselI0(beta);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            double t = i - centre;
            double x = 2 * fc * t;
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = t / halfWidth;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            h[i] = 2 * fc * sinc * w;
            sum += h[i];
        }
        for (int i = 0; i < len; i++) {
            h[i] *= gain / sum;
            if (Math.abs(h[i]) < 1e-14) {
                h[i] = 0; // exact zeros of a half-band filter
            }
        }
        return h;
    }

    /**
     * One 2x up/down stage with compacted (zero-skipping) polyphase taps. The convolutions run tap-major over a whole
     * block. HotSpot's auto-vectoriser does not vectorise {@code acc[m] += c * x[m - offset]} with a variable offset,
     * but it does vectorise {@code acc[m] += c * t[m]}; so each shifted window of the input is first copied into a
     * scratch row ({@code System.arraycopy}, itself vectorised) and the multiply-adds then run on rows that all start
     * at 0. The up stage shares each copy between its two phases; the down stage folds its symmetric taps, one
     * multiply per pair ({@code c * (t1[m] + t2[m])}). Inputs live in linear buffers whose first {@code hist} values
     * are the previous block's tail.
     */
    private static final class Stage {
        // up: out[2m+p] = sum_o upCoef[p][o] * x[m - o], o = 0..upHist (zero where a phase has no tap there)
        final float[][] upCoef = new float[2][];
        final int upHist;
        // down: y[m] = sum over terms of dnCoef[k] * (win(k, 0)[m] + win(k, 1)[m]) (second window absent for a
        // middle tap); a window is the even or odd input samples shifted by dnShift
        final float[] dnCoef;
        final boolean[][] dnOdd;
        final int[][] dnShift;
        final boolean[] dnPair;
        final int dnHist;
        float[][] upLin;   // per channel: upHist history values, then the block
        float[][] dnEven;  // per channel: dnHist history values, then the block's even samples
        float[][] dnOddBuf;
        float[] accA;
        float[] accB;
        float[] t0;
        float[] t1;
        float[] t2;
        float[] t3;

        Stage(double[] up, double[] down, int pad) {
            int maxUp = (up.length - 1) / 2;
            upHist = maxUp;
            for (int p = 0; p < 2; p++) {
                upCoef[p] = new float[maxUp + 1];
                for (int i = p; i < up.length; i += 2) {
                    upCoef[p][(i - p) / 2] = (float) up[i];
                }
            }
            // non-zero down taps; fold the pairs k <-> count-1-k when the filter is symmetric (it is by design)
            int count = 0;
            for (double v : down) {
                if (v != 0) {
                    count++;
                }
            }
            double[] taps = new double[count];
            boolean[] odd = new boolean[count];
            int[] shift = new int[count];
            int k = 0;
            int maxShift = 0;
            for (int i = 0; i < down.length; i++) {
                if (down[i] != 0) {
                    int o = i + pad;
                    taps[k] = down[i];
                    odd[k] = (o & 1) != 0;
                    shift[k] = (o + 1) / 2;
                    maxShift = Math.max(maxShift, shift[k]);
                    k++;
                }
            }
            dnHist = maxShift;
            boolean symmetric = true;
            for (int i = 0; i < count; i++) {
                symmetric &= taps[i] == taps[count - 1 - i];
            }
            int terms = symmetric ? (count + 1) / 2 : count;
            dnCoef = new float[terms];
            dnOdd = new boolean[terms][2];
            dnShift = new int[terms][2];
            dnPair = new boolean[terms];
            for (int t = 0; t < terms; t++) {
                int j = symmetric ? count - 1 - t : t;
                dnCoef[t] = (float) taps[t];
                dnOdd[t][0] = odd[t];
                dnShift[t][0] = shift[t];
                dnPair[t] = symmetric && j != t;
                dnOdd[t][1] = odd[j];
                dnShift[t][1] = shift[j];
            }
        }

        /** @param maxInput the most base-side samples one call of up (and outputs of down) will see */
        void prepare(int channels, int maxInput) {
            upLin = new float[channels][upHist + maxInput];
            dnEven = new float[channels][dnHist + maxInput];
            dnOddBuf = new float[channels][dnHist + maxInput];
            accA = new float[maxInput];
            accB = new float[maxInput];
            t0 = new float[maxInput];
            t1 = new float[maxInput];
            t2 = new float[maxInput];
            t3 = new float[maxInput];
        }

        void reset() {
            if (upLin == null) {
                return;
            }
            for (float[] b : upLin) {
                java.util.Arrays.fill(b, 0f);
            }
            for (float[] b : dnEven) {
                java.util.Arrays.fill(b, 0f);
            }
            for (float[] b : dnOddBuf) {
                java.util.Arrays.fill(b, 0f);
            }
        }

        void up(int ch, double[] in, int n, double[] out) {
            float[] lin = upLin[ch];
            int h = upHist;
            for (int m = 0; m < n; m++) {
                double x = in[m];
                lin[h + m] = x - x == 0 ? (float) x : 0f;
            }
            float[] a = accA;
            float[] b = accB;
            java.util.Arrays.fill(a, 0, n, 0f);
            java.util.Arrays.fill(b, 0, n, 0f);
            float[] c0 = upCoef[0];
            float[] c1 = upCoef[1];
            int o = 0;
            for (; o + 2 <= h + 1; o += 2) {
                System.arraycopy(lin, h - o, t0, 0, n);
                System.arraycopy(lin, h - o - 1, t1, 0, n);
                up2(a, b, t0, t1, n, c0[o], c0[o + 1], c1[o], c1[o + 1]);
            }
            for (; o <= h; o++) {
                System.arraycopy(lin, h - o, t0, 0, n);
                up2(a, b, t0, t0, n, c0[o], 0f, c1[o], 0f);
            }
            for (int m = 0; m < n; m++) {
                out[2 * m] = a[m];
                out[2 * m + 1] = b[m];
            }
            System.arraycopy(lin, n, lin, 0, h);
        }

        /** Both phases, two input windows: a += p0 x + p1 y, b += q0 x + q1 y (vectorised: every row starts at 0). */
        private static void up2(float[] a, float[] b, float[] x, float[] y, int n,
                                float p0, float p1, float q0, float q1) {
            for (int m = 0; m < n; m++) {
                float xv = x[m];
                float yv = y[m];
                a[m] = a[m] + p0 * xv + p1 * yv;
                b[m] = b[m] + q0 * xv + q1 * yv;
            }
        }

        void down(int ch, double[] in, int n, double[] out) {
            float[] ev = dnEven[ch];
            float[] od = dnOddBuf[ch];
            int h = dnHist;
            int half = n >> 1;
            for (int m = 0; m < half; m++) {
                double u0 = in[2 * m];
                double u1 = in[2 * m + 1];
                ev[h + m] = u0 - u0 == 0 ? (float) u0 : 0f;
                od[h + m] = u1 - u1 == 0 ? (float) u1 : 0f;
            }
            float[] acc = accA;
            java.util.Arrays.fill(acc, 0, half, 0f);
            int terms = dnCoef.length;
            int k = 0;
            // two folded pairs per pass: u[2m - o] is even[m - o / 2] (o even) or odd[m - (o + 1) / 2]
            for (; k + 2 <= terms && dnPair[k] && dnPair[k + 1]; k += 2) {
                window(ev, od, k, 0, h, half, t0);
                window(ev, od, k, 1, h, half, t1);
                window(ev, od, k + 1, 0, h, half, t2);
                window(ev, od, k + 1, 1, h, half, t3);
                fold2(acc, half, dnCoef[k], dnCoef[k + 1]);
            }
            for (; k < terms; k++) {
                window(ev, od, k, 0, h, half, t0);
                if (dnPair[k]) {
                    window(ev, od, k, 1, h, half, t1);
                } else {
                    java.util.Arrays.fill(t1, 0, half, 0f);
                }
                java.util.Arrays.fill(t2, 0, half, 0f);
                java.util.Arrays.fill(t3, 0, half, 0f);
                fold2(acc, half, dnCoef[k], 0f);
            }
            for (int m = 0; m < half; m++) {
                out[m] = acc[m];
            }
            System.arraycopy(ev, half, ev, 0, h);
            System.arraycopy(od, half, od, 0, h);
        }

        private void window(float[] ev, float[] od, int term, int side, int h, int len, float[] dst) {
            System.arraycopy(dnOdd[term][side] ? od : ev, h - dnShift[term][side], dst, 0, len);
        }

        /** acc += c0 (t0 + t1) + c1 (t2 + t3). */
        private void fold2(float[] acc, int n, float c0, float c1) {
            float[] a = t0;
            float[] b = t1;
            float[] c = t2;
            float[] d = t3;
            for (int m = 0; m < n; m++) {
                acc[m] = acc[m] + c0 * (a[m] + b[m]) + c1 * (c[m] + d[m]);
            }
        }
    }
}
