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
     * block ({@code acc[m] += tap * x[m - offset]} for every m, four taps per pass), so that the CPU works on many
     * independent sums at once instead of one long chain per output; every output still sums its products in the
     * same order as a sample-by-sample loop, so the results are bit-identical to it. Inputs live in linear buffers
     * whose first {@code hist} values are the previous block's tail.
     */
    private static final class Stage {
        // up: out[2m+p] = sum_j upTaps[p][j] * x[m - upOffs[p][j]]
        final double[][] upTaps = new double[2][];
        final int[][] upOffs = new int[2][];
        final int upHist;
        // down: y[m] = sum_k dnTaps[k] * u[2m - dnOffs[k]]; u[2m - o] is even[m - o/2] or odd[m - (o+1)/2]
        final double[] dnTaps;
        final boolean[] dnOdd;
        final int[] dnShift;
        final int dnHist;
        double[][] upLin;   // per channel: upHist history values, then the block
        double[][] dnEven;  // per channel: dnHist history values, then the block's even samples
        double[][] dnOddBuf;
        double[] accA;
        double[] accB;

        Stage(double[] up, double[] down, int pad) {
            int maxUp = 0;
            for (int p = 0; p < 2; p++) {
                int count = 0;
                for (int i = p; i < up.length; i += 2) {
                    if (up[i] != 0) {
                        count++;
                    }
                }
                upTaps[p] = new double[count];
                upOffs[p] = new int[count];
                int k = 0;
                for (int i = p; i < up.length; i += 2) {
                    if (up[i] != 0) {
                        upTaps[p][k] = up[i];
                        upOffs[p][k] = (i - p) / 2;
                        maxUp = Math.max(maxUp, (i - p) / 2);
                        k++;
                    }
                }
            }
            upHist = maxUp;
            int count = 0;
            for (double v : down) {
                if (v != 0) {
                    count++;
                }
            }
            dnTaps = new double[count];
            dnOdd = new boolean[count];
            dnShift = new int[count];
            int k = 0;
            int maxShift = 0;
            for (int i = 0; i < down.length; i++) {
                if (down[i] != 0) {
                    int o = i + pad;
                    dnTaps[k] = down[i];
                    dnOdd[k] = (o & 1) != 0;
                    dnShift[k] = (o + 1) / 2;
                    maxShift = Math.max(maxShift, dnShift[k]);
                    k++;
                }
            }
            dnHist = maxShift;
        }

        /** @param maxInput the most base-side samples one call of up (and outputs of down) will see */
        void prepare(int channels, int maxInput) {
            upLin = new double[channels][upHist + maxInput];
            dnEven = new double[channels][dnHist + maxInput];
            dnOddBuf = new double[channels][dnHist + maxInput];
            accA = new double[maxInput];
            accB = new double[maxInput];
        }

        void reset() {
            if (upLin == null) {
                return;
            }
            for (double[] b : upLin) {
                java.util.Arrays.fill(b, 0.0);
            }
            for (double[] b : dnEven) {
                java.util.Arrays.fill(b, 0.0);
            }
            for (double[] b : dnOddBuf) {
                java.util.Arrays.fill(b, 0.0);
            }
        }

        /** acc[m] = sum_j taps[j] * lin[hist + m - offs[j]] for m in [0, n), summed in tap order. */
        private static void convolve(double[] taps, int[] offs, double[] lin, int hist, int n, double[] acc) {
            java.util.Arrays.fill(acc, 0, n, 0.0);
            int j = 0;
            for (; j + 4 <= taps.length; j += 4) {
                mac4(acc, n, lin, hist - offs[j], taps[j], lin, hist - offs[j + 1], taps[j + 1],
                        lin, hist - offs[j + 2], taps[j + 2], lin, hist - offs[j + 3], taps[j + 3]);
            }
            for (; j < taps.length; j++) {
                mac1(acc, n, lin, hist - offs[j], taps[j]);
            }
        }

        /**
         * Four taps in one pass: {@code acc[m] = (((acc[m] + c0 x0) + c1 x1) + c2 x2) + c3 x3}, the same order as
         * four single passes, with a quarter of the accumulator traffic.
         */
        private static void mac4(double[] acc, int n, double[] s0, int o0, double c0, double[] s1, int o1, double c1,
                                 double[] s2, int o2, double c2, double[] s3, int o3, double c3) {
            for (int m = 0; m < n; m++) {
                acc[m] = (((acc[m] + c0 * s0[o0 + m]) + c1 * s1[o1 + m]) + c2 * s2[o2 + m]) + c3 * s3[o3 + m];
            }
        }

        private static void mac1(double[] acc, int n, double[] src, int off, double c) {
            for (int m = 0; m < n; m++) {
                acc[m] += c * src[off + m];
            }
        }

        void up(int ch, double[] in, int n, double[] out) {
            double[] lin = upLin[ch];
            int h = upHist;
            for (int m = 0; m < n; m++) {
                double x = in[m];
                lin[h + m] = x - x == 0 ? x : 0.0;
            }
            double[] a = accA;
            double[] b = accB;
            convolve(upTaps[0], upOffs[0], lin, h, n, a);
            convolve(upTaps[1], upOffs[1], lin, h, n, b);
            for (int m = 0; m < n; m++) {
                out[2 * m] = a[m];
                out[2 * m + 1] = b[m];
            }
            System.arraycopy(lin, n, lin, 0, h);
        }

        void down(int ch, double[] in, int n, double[] out) {
            double[] ev = dnEven[ch];
            double[] od = dnOddBuf[ch];
            int h = dnHist;
            int half = n >> 1;
            for (int m = 0; m < half; m++) {
                double u0 = in[2 * m];
                double u1 = in[2 * m + 1];
                ev[h + m] = u0 - u0 == 0 ? u0 : 0.0;
                od[h + m] = u1 - u1 == 0 ? u1 : 0.0;
            }
            double[] acc = accA;
            java.util.Arrays.fill(acc, 0, half, 0.0);
            double[] t = dnTaps;
            // u[2m - o] is the even sample of frame m - o / 2 (o even) or the odd one of m - (o + 1) / 2
            int k = 0;
            for (; k + 4 <= t.length; k += 4) {
                mac4(acc, half, dnOdd[k] ? od : ev, h - dnShift[k], t[k],
                        dnOdd[k + 1] ? od : ev, h - dnShift[k + 1], t[k + 1],
                        dnOdd[k + 2] ? od : ev, h - dnShift[k + 2], t[k + 2],
                        dnOdd[k + 3] ? od : ev, h - dnShift[k + 3], t[k + 3]);
            }
            for (; k < t.length; k++) {
                mac1(acc, half, dnOdd[k] ? od : ev, h - dnShift[k], t[k]);
            }
            System.arraycopy(acc, 0, out, 0, half);
            System.arraycopy(ev, half, ev, 0, h);
            System.arraycopy(od, half, od, 0, h);
        }
    }
}
