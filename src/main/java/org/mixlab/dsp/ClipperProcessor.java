package org.mixlab.dsp;

import java.util.List;

/**
 * Clipper: input gain, then a clipping curve whose knee is set by the softness, with a hard output ceiling.
 * <p>
 * The curve, with ceiling {@code c} and softness {@code s} (0..1): linear up to the knee {@code t = c (1 - s)};
 * above it {@code t + w g((|x| - t) / w)} with {@code w = c s} and {@code g(u) = u / sqrt(1 + u^2)}, which leaves
 * the knee with slope 1 and approaches the ceiling without reaching it. Softness 0 is a hard clip at the ceiling,
 * softness 100 % is {@code c g(x / c)} all the way from zero.
 * <p>
 * Runs at 4x oversampling with first-order antiderivative anti-aliasing. The decimation filter removes the
 * clipped waveform's harmonics above the audio band, and without them the waveform rings above the ceiling (by up to
 * about 1.3 dB for a hard clip). Clamping that overshoot at the base rate would bring the aliasing straight back, so
 * instead a short look-ahead sample-peak limiter ({@link SamplePeakGuard}: {@link LimiterProcessor}'s, 0.5 ms, release
 * {@value #GUARD_RELEASE_MS} ms) turns it down smoothly; a final clamp at the ceiling only catches float rounding.
 * The output's sample peak therefore never exceeds the ceiling.
 */
public final class ClipperProcessor extends Processor {
    /** Index of {@code inputDb}: 0..12 dB, default 0. */
    public static final int INPUT_DB = 0;
    /** Index of {@code ceilingDb}: -12..0 dBFS, default -1. */
    public static final int CEILING_DB = 1;
    /** Index of {@code softnessPct}: 0 (hard) .. 100 (smooth knee) %, default 0. */
    public static final int SOFTNESS_PCT = 2;
    /** Oversampling factor. */
    public static final int OVERSAMPLING = 4;

    /** Release of the overshoot guard, ms. */
    public static final double GUARD_RELEASE_MS = 20;
    private static final double ADAA_EPS = 1e-7;
    /**
     * Largest magnitude of a driven input sample (+360 dBFS): far beyond any audio, and small enough that the float
     * filters of the oversampler cannot overflow.
     */
    private static final float MAX_DRIVEN = 1e18f;
    private static final int OFF = PolyphaseOversampler.OFF;

    private final PolyphaseOversampler oversampler = new PolyphaseOversampler(true);
    private final SamplePeakGuard guard = new SamplePeakGuard(0.5, GUARD_RELEASE_MS);
    private final SmoothedValue inGain = new SmoothedValue(1, true);
    private final SmoothedValue ceiling = new SmoothedValue(DspMath.dbToGain(-1), true);
    private final SmoothedValue softness = new SmoothedValue(0, false);

    private int channels;
    private double[] ceilRow = new double[0];
    private float[] limRow = new float[0];
    private float[] limRing = new float[1];
    /** The curve's form in the current block (HARD, SOFT or GENERAL) and whether its knee is the same throughout. */
    private int shape;
    private boolean steadyKnee;
    private double[] gainBuf = new double[0];
    private double[] ceilRing = new double[1];
    private long ceilIndex;
    private float[] prev = new float[0];
    // rows indexed like the oversampler's: the block from OFF on
    private double[] kneeRow = new double[0];
    private double[] widthRow = new double[0];
    private final float[][] phaseRows = new float[4][];
    private double[][] valueRows = new double[5][0];
    private double[][] antiRows = new double[5][0];
    private double[] quotRow = new double[0];
    /** Overshoot guard and final clamp; only measurements turn them off. */
    boolean safetyClamp = true;

    /** Creates the clipper with its defaults. */
    public ClipperProcessor() {
        super(List.of(
                ParamSpec.linear("inputDb", "Input", "dB", 0, 12, 0),
                ParamSpec.linear("ceilingDb", "Ceiling", "dB", -12, 0, -1),
                ParamSpec.linear("softnessPct", "Softness", "%", 0, 100, 0)));
    }

    @Override
    public String typeId() {
        return "clipper";
    }

    @Override
    public String displayName() {
        return "Clipper";
    }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        int n = spec.maxBlockSize();
        oversampler.prepare(channels, n);
        guard.prepare(spec.sampleRate(), channels, n);
        ceilRow = new double[n];
        limRow = new float[n];
        gainBuf = new double[n];
        int len = OFF + n;
        kneeRow = new double[len];
        widthRow = new double[len];
        valueRows = new double[5][len];
        antiRows = new double[5][len];
        quotRow = new double[len];
        ceilRing = new double[oversampler.latencySamples() + guard.latencySamples() + n + 1];
        limRing = new float[ceilRing.length];
        prev = new float[channels];
        inGain.reset(spec.sampleRate(), 20);
        ceiling.reset(spec.sampleRate(), 20);
        softness.reset(spec.sampleRate(), 20);
        reset();
    }

    @Override
    public void reset() {
        oversampler.reset();
        guard.reset();
        inGain.setCurrentAndTarget(DspMath.dbToGain(values[INPUT_DB]));
        ceiling.setCurrentAndTarget(DspMath.dbToGain(values[CEILING_DB]));
        softness.setCurrentAndTarget(values[SOFTNESS_PCT] / 100.0);
        java.util.Arrays.fill(ceilRing, ceiling.current());
        java.util.Arrays.fill(limRing, ceilingLimit(ceiling.current()));
        ceilIndex = 0;
        java.util.Arrays.fill(prev, 0f);
    }

    @Override
    protected void onParameterChanged(int index, double value) {
        switch (index) {
            case INPUT_DB -> inGain.setTarget(DspMath.dbToGain(value));
            case CEILING_DB -> ceiling.setTarget(DspMath.dbToGain(value));
            case SOFTNESS_PCT -> softness.setTarget(value / 100.0);
            default -> { }
        }
    }

    /**
     * Fills the per-sample control rows (input gain, knee, width) and the ceiling delay lines, and works out the
     * shape of the block's curve. When nothing glides, every sample gets the target values, which is what the
     * smoothers would give them one at a time.
     */
    private void controls(long start, int n) {
        int ringLen = ceilRing.length;
        if (!ceiling.isSmoothing() && !softness.isSmoothing() && !inGain.isSmoothing()) {
            double c = ceiling.target();
            double s = softness.target();
            double w = c * s;
            java.util.Arrays.fill(kneeRow, OFF, OFF + n, c * (1 - s));
            java.util.Arrays.fill(widthRow, OFF, OFF + n, w);
            java.util.Arrays.fill(gainBuf, 0, n, inGain.target());
            float lim = ceilingLimit(c);
            int pos = Math.floorMod(start, ringLen);
            int first = Math.min(n, ringLen - pos);
            java.util.Arrays.fill(ceilRing, pos, pos + first, c);
            java.util.Arrays.fill(ceilRing, 0, n - first, c);
            java.util.Arrays.fill(limRing, pos, pos + first, lim);
            java.util.Arrays.fill(limRing, 0, n - first, lim);
            shape = w <= 0 ? HARD : SOFT;
            steadyKnee = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            double c = ceiling.next();
            double s = softness.next();
            kneeRow[OFF + i] = c * (1 - s);
            widthRow[OFF + i] = c * s;
            gainBuf[i] = inGain.next();
            int pos = Math.floorMod(start + i, ringLen);
            ceilRing[pos] = c;
            limRing[pos] = ceilingLimit(c);
        }
        shape = curveShape(n);
        steadyKnee = steadyKnee(n);
    }

    /** The largest float not above the ceiling {@code c}: the final clamp's limit. */
    private static float ceilingLimit(double c) {
        float lim = (float) c;
        if (lim > c) {
            lim = Math.nextDown(lim);
        }
        return lim;
    }

    /** Copies {@code n} values of a delay line from (ring) index {@code from} on into {@code dst[0, n)}. */
    private static void readRing(double[] ring, long from, int n, double[] dst) {
        int len = ring.length;
        int pos = Math.floorMod(from, len);
        int first = Math.min(n, len - pos);
        System.arraycopy(ring, pos, dst, 0, first);
        System.arraycopy(ring, 0, dst, first, n - first);
    }

    private static void readRing(float[] ring, long from, int n, float[] dst) {
        int len = ring.length;
        int pos = Math.floorMod(from, len);
        int first = Math.min(n, len - pos);
        System.arraycopy(ring, pos, dst, 0, first);
        System.arraycopy(ring, 0, dst, first, n - first);
    }

    /** Oversampler round trip plus the overshoot guard's look-ahead, in samples. */
    @Override
    public int latencySamples() {
        return oversampler.latencySamples() + guard.latencySamples();
    }

    /** The static curve at the current (target) settings, input gain included, in linear full-scale units. */
    public double transfer(double x) {
        double c = DspMath.dbToGain(values[CEILING_DB]);
        double s = values[SOFTNESS_PCT] / 100.0;
        return curve(DspMath.dbToGain(values[INPUT_DB]) * x, c * (1 - s), c * s, c);
    }

    /** The clipping curve for knee {@code t}, knee width {@code w} and ceiling {@code c = t + w}. */
    static double curve(double x, double t, double w, double c) {
        double a = Math.abs(x);
        if (a <= t) {
            return x;
        }
        double y;
        if (w <= 0) {
            y = c;
        } else {
            double u = (a - t) / w;
            y = t + w * u / Math.sqrt(1 + u * u);
        }
        return x < 0 ? -y : y;
    }

    /** Antiderivative of {@link #curve} (even, 0 at 0). */
    static double antiderivative(double x, double t, double w) {
        double a = Math.abs(x);
        if (a <= t) {
            return 0.5 * a * a;
        }
        double base = 0.5 * t * t;
        if (w <= 0) {
            return base + t * (a - t);
        }
        double u = (a - t) / w;
        // the linear part t (a - t) plus the sigmoid's antiderivative w^2 (sqrt(1 + u^2) - 1)
        return base + t * (a - t) + w * w * (u * u / (Math.sqrt(1 + u * u) + 1));
    }

    @Override
    public void process(AudioBlock block) {
        int n = block.numSamples();
        int chans = Math.min(block.numChannels(), channels);
        long start = ceilIndex;
        controls(start, n);
        // with the guard: normalise to the ceiling that belongs to each sample (straight into the guard's delay
        // line), let the guard hold peaks at 1, scale back and clamp at the ceiling
        boolean guarded = safetyClamp;
        double[] cr = ceilRow;
        int d = guard.latencySamples();
        if (guarded) {
            readRing(ceilRing, start - oversampler.latencySamples(), n, cr);
        }
        for (int ch = 0; ch < chans; ch++) {
            float[] x = block.channel(ch);
            drive(x, gainBuf, oversampler.input(ch), n);
            oversampler.upsample(ch, n);
            if (n > 0) {
                prev[ch] = shapePhases(ch, n, prev[ch]);
            }
            float[] y = oversampler.downsample(ch, n);
            if (guarded) {
                normalise(y, cr, guard.row(ch), d, n);
            } else {
                System.arraycopy(y, OFF, x, 0, n);
            }
        }
        if (guarded) {
            double[] gain = guard.gains(chans, n);
            long from = start - oversampler.latencySamples() - d;
            readRing(ceilRing, from, n, cr);
            float[] lr = limRow;
            readRing(limRing, from, n, lr);
            for (int ch = 0; ch < chans; ch++) {
                restore(guard.row(ch), gain, cr, lr, block.channel(ch), n);
            }
            guard.advance(chans, n);
        }
        ceilIndex = start + n;
    }

    /** The driven input: x times its gain, non-finite values as 0, clamped to +-MAX_DRIVEN, from OFF on. */
    private static void drive(float[] x, double[] gain, float[] in, int n) {
        for (int i = 0; i < n; i++) {
            float v = (float) (x[i] * gain[i]); // non-finite when x[i] is, or when the product overflows
            in[OFF + i] = v - v == 0 ? (v > MAX_DRIVEN ? MAX_DRIVEN : (v < -MAX_DRIVEN ? -MAX_DRIVEN : v)) : 0f;
        }
    }

    /** The oversampler's output over the ceiling of each sample, into the guard's delay line from {@code d} on. */
    private static void normalise(float[] y, double[] ceil, float[] g, int d, int n) {
        for (int i = 0; i < n; i++) {
            float v = (float) (y[OFF + i] / ceil[i]);
            g[d + i] = v - v == 0 ? v : 0f; // as the limiter takes its input
        }
    }

    /** The guard's output scaled back by the ceiling and clamped to it. */
    private static void restore(float[] g, double[] gain, double[] ceil, float[] lim, float[] x, int n) {
        for (int i = 0; i < n; i++) {
            float y = (float) (SamplePeakGuard.output(g[i], gain[i]) * ceil[i]);
            float l = lim[i];
            x[i] = y > l ? l : (y < -l ? -l : y); // not Math.min/max: scalar, those are calls here
        }
    }

    /**
     * The curve with first-order ADAA on the four phase rows of the 4x block (in place); returns the last unshaped
     * 4x value, the state for the next block. The previous value of phase r is phase r - 1 at the same index; that
     * of phase 0 is phase 3 one index back (a shifted copy). The arithmetic is the per-sample form's, in double,
     * so every output is the same to the last bit; it runs a row at a time in loops HotSpot vectorises: the rows in
     * double, their antiderivatives, the differences, the quotients. A pair of phases with a difference within
     * ADAA_EPS somewhere (silence, mostly) takes the per-sample loop, which uses the curve at the midpoint there.
     */
    private float shapePhases(int ch, int n, float last) {
        int from = OFF;
        int to = OFF + n;
        float[][] p = phaseRows;
        double[][] u = valueRows;
        double[][] f = antiRows;
        for (int r = 0; r < 4; r++) {
            p[r] = oversampler.phase(ch, r);
            toDouble(p[r], u[r], from, to);
        }
        float next = p[3][to - 1];
        // row 4: the previous value of phase 0, i.e. phase 3 one index back
        double[] q = u[4];
        q[from] = last;
        System.arraycopy(u[3], from, q, from + 1, n - 1);
        for (int r = 0; r < 4; r++) {
            antiderivatives(shape, u[r], f[r], from, to);
        }
        if (shape != GENERAL && steadyKnee) {
            // same knee for the whole block: F(phase 3 one index back) is row 3 shifted
            f[4][from] = antiderivative(last, kneeRow[from], widthRow[from]);
            System.arraycopy(f[3], from, f[4], from + 1, n - 1);
        } else {
            antiderivatives(shape, q, f[4], from, to);
        }
        // phase r's previous values are row r - 1, phase 0's row 4
        for (int r = 0; r < 4; r++) {
            int b = r == 0 ? 4 : r - 1;
            quotients(u[r], u[b], f[r], f[b], p[r], from, to);
        }
        return next;
    }

    private static final int HARD = 0;
    private static final int SOFT = 1;
    private static final int GENERAL = 2;

    /** HARD when every width of the block is 0, SOFT when every one is positive, else GENERAL. */
    private int curveShape(int n) {
        double[] w = widthRow;
        boolean allZero = true;
        boolean allPositive = true;
        for (int i = OFF; i < OFF + n; i++) {
            allZero &= w[i] <= 0;
            allPositive &= w[i] > 0;
        }
        return allZero ? HARD : (allPositive ? SOFT : GENERAL);
    }

    private boolean steadyKnee(int n) {
        double[] t = kneeRow;
        double[] w = widthRow;
        double t0 = t[OFF];
        double w0 = w[OFF];
        boolean same = true;
        for (int i = OFF; i < OFF + n; i++) {
            same &= t[i] == t0 & w[i] == w0;
        }
        return same;
    }

    private static void toDouble(float[] x, double[] y, int from, int to) {
        for (int m = from; m < to; m++) {
            y[m] = x[m];
        }
    }

    /**
     * f = antiderivative(u) with the knee and width rows. HARD and SOFT are {@link #antiderivative} without its
     * branches, term for term the same sums: below the knee the excess e is 0 and the extra terms add exact zeros.
     */
    private void antiderivatives(int shape, double[] u, double[] f, int from, int to) {
        double[] tr = kneeRow;
        double[] wr = widthRow;
        if (shape == HARD) {
            for (int m = from; m < to; m++) {
                double a = Math.abs(u[m]);
                double t = tr[m];
                double e = Math.max(a - t, 0.0);
                double lin = Math.min(a, t);
                f[m] = 0.5 * lin * lin + t * e;
            }
        } else if (shape == SOFT) {
            for (int m = from; m < to; m++) {
                double a = Math.abs(u[m]);
                double t = tr[m];
                double w = wr[m];
                double e = Math.max(a - t, 0.0);
                double lin = Math.min(a, t);
                double v = e / w;
                f[m] = 0.5 * lin * lin + t * e + w * w * (v * v / (Math.sqrt(1 + v * v) + 1));
            }
        } else {
            for (int m = from; m < to; m++) {
                f[m] = antiderivative(u[m], tr[m], wr[m]);
            }
        }
    }

    /**
     * y = (F(u) - F(p)) / (u - p), rounded to float into {@code out}; where u and p are within ADAA_EPS (all of the
     * block is then done per sample) the curve at the midpoint.
     */
    private void quotients(double[] u, double[] p, double[] fu, double[] fp, float[] out, int from, int to) {
        double[] y = quotRow;
        boolean near = false;
        for (int m = from; m < to; m++) {
            near |= Math.abs(u[m] - p[m]) <= ADAA_EPS;
        }
        if (near) {
            double[] tr = kneeRow;
            double[] wr = widthRow;
            for (int m = from; m < to; m++) {
                double dm = u[m] - p[m];
                if (dm > ADAA_EPS || dm < -ADAA_EPS) {
                    out[m] = (float) ((fu[m] - fp[m]) / dm);
                } else {
                    double t = tr[m];
                    double w = wr[m];
                    out[m] = (float) curve(0.5 * (u[m] + p[m]), t, w, t + w);
                }
            }
            return;
        }
        for (int m = from; m < to; m++) {
            y[m] = (fu[m] - fp[m]) / (u[m] - p[m]);
        }
        for (int m = from; m < to; m++) {
            out[m] = (float) y[m];
        }
    }
}
