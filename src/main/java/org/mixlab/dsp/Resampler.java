package org.mixlab.dsp;

/**
 * Band-limited sample-rate conversion of whole buffers with a Kaiser-windowed sinc filter, for any rate ratio
 * (44.1k&lt;-&gt;48k, 96k-&gt;44.1k, 8k-&gt;192k ...).
 *
 * <p>Design, relative to the lower of the two rates {@code fMin}: the passband reaches {@link #PASSBAND_EDGE}
 * x fMin (19.8 kHz at 44.1 kHz), the stopband starts at {@link #STOPBAND_EDGE} x fMin (the lower Nyquist frequency,
 * so nothing above it can alias), and the Kaiser window is sized for {@link #DESIGN_ATTENUATION_DB} dB of stopband
 * rejection. Measured figures are in docs/audio-io.md and checked by ResamplerTest.
 *
 * <p>When both rates are whole numbers whose reduced ratio needs at most {@link #MAX_EXACT_PHASES} filter phases
 * (every pair of common rates), each output sample uses an exact polyphase row; otherwise the kernel is linearly
 * interpolated from a table of {@link #TABLE_PHASES} phases per input sample. Samples outside the buffer count as
 * zero; the output is time-aligned with the input (no delay) and has {@code ceil(n * toHz / fromHz)} samples.
 */
public final class Resampler {
    /** Passband edge as a fraction of the lower rate: 0.45. */
    public static final double PASSBAND_EDGE = 0.45;
    /** Stopband edge as a fraction of the lower rate: 0.5 (the lower Nyquist frequency). */
    public static final double STOPBAND_EDGE = 0.5;
    /** Stopband attenuation the Kaiser window is designed for, in dB: 110. */
    public static final double DESIGN_ATTENUATION_DB = 110.0;
    /** Largest number of exact polyphase rows used before switching to the interpolated table: 4096. */
    public static final int MAX_EXACT_PHASES = 4096;
    /** Phases per input sample in the interpolated kernel table: 4096. */
    public static final int TABLE_PHASES = 4096;
    /** Lowest and highest accepted rate in Hz: 1 Hz .. 10 MHz; the ratio may be at most 1000 either way. */
    public static final double MIN_RATE_HZ = 1.0;
    /** Highest accepted rate in Hz. */
    public static final double MAX_RATE_HZ = 10_000_000.0;
    private static final double MAX_RATIO = 1000.0;

    private final double fromHz;
    private final double toHz;
    private final int halfTaps;
    private final int taps;
    private final boolean exact;
    private final long stepNum;
    private final long stepDen;
    private final double step;
    private final int phases;
    private final double[] table;
    private final double cutoff;
    private final double beta;
    private final double i0Beta;

    /** A converter from {@code fromHz} to {@code toHz} (both 1 Hz .. 10 MHz, ratio at most 1000). */
    public Resampler(double fromHz, double toHz) {
        checkRate("fromHz", fromHz);
        checkRate("toHz", toHz);
        if (fromHz / toHz > MAX_RATIO || toHz / fromHz > MAX_RATIO) {
            throw new IllegalArgumentException("rate ratio " + fromHz + " -> " + toHz + " is larger than 1000");
        }
        this.fromHz = fromHz;
        this.toHz = toHz;
        this.step = fromHz / toHz;
        double minHz = Math.min(fromHz, toHz);
        // Everything in cycles per input sample.
        this.cutoff = 0.5 * (PASSBAND_EDGE + STOPBAND_EDGE) * minHz / fromHz;
        double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * minHz / fromHz;
        this.beta = 0.1102 * (DESIGN_ATTENUATION_DB - 8.7);
        double length = (DESIGN_ATTENUATION_DB - 7.95) / (2.285 * 2.0 * Math.PI * transition) + 1.0;
        this.halfTaps = Math.max(2, (int) Math.ceil(length / 2.0));
        this.taps = 2 * halfTaps;

        long num = 0;
        long den = 0;
        if (fromHz == Math.rint(fromHz) && toHz == Math.rint(toHz)) {
            long f = (long) fromHz;
            long t = (long) toHz;
            long g = gcd(f, t);
            num = f / g;
            den = t / g;
        }
        this.exact = den > 0 && den <= MAX_EXACT_PHASES;
        this.stepNum = num;
        this.stepDen = den;
        this.phases = exact ? (int) den : TABLE_PHASES;
        int rows = exact ? phases : phases + 1;
        this.table = new double[rows * taps];
        this.i0Beta = besselI0(beta);
        for (int p = 0; p < rows; p++) {
            double frac = (double) p / phases;
            for (int j = 0; j < taps; j++) {
                double tau = frac + halfTaps - 1 - j;
                table[p * taps + j] = kernelAt(tau);
            }
        }
    }

    /** Resamples one channel from {@code fromHz} to {@code toHz}; returns a new array (a copy when rates match). */
    public static float[] resample(float[] in, double fromHz, double toHz) {
        if (fromHz == toHz) {
            checkRate("fromHz", fromHz);
            return in.clone();
        }
        return new Resampler(fromHz, toHz).process(in);
    }

    /** Resamples planar channels (sharing one filter design); returns new arrays (copies when rates match). */
    public static float[][] resample(float[][] in, double fromHz, double toHz) {
        float[][] out = new float[in.length][];
        if (fromHz == toHz) {
            checkRate("fromHz", fromHz);
            for (int c = 0; c < in.length; c++) {
                out[c] = in[c].clone();
            }
            return out;
        }
        Resampler r = new Resampler(fromHz, toHz);
        for (int c = 0; c < in.length; c++) {
            out[c] = r.process(in[c]);
        }
        return out;
    }

    /** Number of output samples for {@code inputLength} input samples: ceil(n * toHz / fromHz). */
    public int outputLength(int inputLength) {
        double n = Math.ceil(inputLength * (toHz / fromHz) - 1e-9);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled length " + (long) n + " does not fit in an array");
        }
        return (int) Math.max(0, n);
    }

    /** Filter taps per output sample (both sides of the centre). */
    public int tapsPerOutput() {
        return taps;
    }

    /** True when every output sample uses an exact polyphase row (no kernel interpolation). */
    public boolean isExact() {
        return exact;
    }

    /** Converts one whole channel; returns a new array of {@link #outputLength(int)} samples. */
    public float[] process(float[] in) {
        int len = in.length;
        float[] out = new float[outputLength(len)];
        if (exact) {
            long ip = 0;
            long m = 0;
            long whole = stepNum / stepDen;
            long rest = stepNum % stepDen;
            for (int n = 0; n < out.length; n++) {
                out[n] = (float) dot(in, ip - halfTaps + 1, (int) m * taps);
                ip += whole;
                m += rest;
                if (m >= stepDen) {
                    m -= stepDen;
                    ip++;
                }
            }
        } else {
            for (int n = 0; n < out.length; n++) {
                double t = n * step;
                double ipD = Math.floor(t);
                double pos = (t - ipD) * phases;
                int row = Math.min((int) pos, phases - 1);
                double w = pos - row;
                long base = (long) ipD - halfTaps + 1;
                double a = dot(in, base, row * taps);
                double b = dot(in, base, (row + 1) * taps);
                out[n] = (float) (a + w * (b - a));
            }
        }
        return out;
    }

    private double dot(float[] in, long base, int rowOffset) {
        double[] h = table;
        double acc = 0.0;
        if (base >= 0 && base + taps <= in.length) {
            // Four partial sums break the floating-point dependency chain (taps is always even: 2 * halfTaps).
            int b = (int) base;
            double a0 = 0.0;
            double a1 = 0.0;
            double a2 = 0.0;
            double a3 = 0.0;
            int j = 0;
            for (; j + 3 < taps; j += 4) {
                a0 += h[rowOffset + j] * in[b + j];
                a1 += h[rowOffset + j + 1] * in[b + j + 1];
                a2 += h[rowOffset + j + 2] * in[b + j + 2];
                a3 += h[rowOffset + j + 3] * in[b + j + 3];
            }
            for (; j < taps; j++) {
                a0 += h[rowOffset + j] * in[b + j];
            }
            acc = (a0 + a1) + (a2 + a3);
        } else {
            for (int j = 0; j < taps; j++) {
                long k = base + j;
                if (k >= 0 && k < in.length) {
                    acc += h[rowOffset + j] * in[(int) k];
                }
            }
        }
        return acc;
    }

    /**
     * The continuous filter kernel at {@code tau} input samples from its centre (zero outside the window); its
     * integral is 1, so its Fourier transform is the converter's frequency response.
     */
    public double kernelAt(double tau) {
        double x = tau / halfTaps;
        if (x <= -1.0 || x >= 1.0) {
            return 0.0;
        }
        double arg = 2.0 * cutoff * tau;
        double sinc = arg == 0.0 ? 1.0 : Math.sin(Math.PI * arg) / (Math.PI * arg);
        double window = besselI0(beta * Math.sqrt(1.0 - x * x)) / i0Beta;
        return 2.0 * cutoff * sinc * window;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1.0;
        double term = 1.0;
        double half = x / 2.0;
        for (int k = 1; k < 500; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static void checkRate(String name, double hz) {
        if (!(hz >= MIN_RATE_HZ && hz <= MAX_RATE_HZ)) {
            throw new IllegalArgumentException(name + " must be 1 Hz .. 10 MHz: " + hz);
        }
    }
}
