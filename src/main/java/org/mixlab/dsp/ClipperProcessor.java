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
 * instead a short look-ahead sample-peak limiter ({@link LimiterProcessor}, 0.5 ms, release
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

    private final Oversampler oversampler = new Oversampler(OVERSAMPLING, true);
    private final LimiterProcessor guard = new LimiterProcessor();
    private final SmoothedValue inGain = new SmoothedValue(1, true);
    private final SmoothedValue ceiling = new SmoothedValue(DspMath.dbToGain(-1), true);
    private final SmoothedValue softness = new SmoothedValue(0, false);

    private int channels;
    private double[] ceilBuf = new double[0];
    private double[] kneeBuf = new double[0];
    private double[] widthBuf = new double[0];
    private double[] gainBuf = new double[0];
    private double[] ceilRing = new double[1];
    private long ceilIndex;
    private double[] prev = new double[0];
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
        guard.setParameter(LimiterProcessor.INPUT_DB, 0);
        guard.setParameter(LimiterProcessor.CEILING_DB, 0);
        guard.setParameter(LimiterProcessor.TRUE_PEAK, 0);
        guard.samplePeakOnly = true;
        guard.setParameter(LimiterProcessor.LOOKAHEAD_MS, 0.5);
        guard.setParameter(LimiterProcessor.RELEASE_MS, GUARD_RELEASE_MS);
        guard.prepare(spec);
        ceilBuf = new double[n];
        kneeBuf = new double[n];
        widthBuf = new double[n];
        gainBuf = new double[n];
        ceilRing = new double[oversampler.latencySamples() + guard.latencySamples() + n + 1];
        prev = new double[channels];
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
        ceilIndex = 0;
        java.util.Arrays.fill(prev, 0.0);
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
        int ringLen = ceilRing.length;
        long start = ceilIndex;
        for (int i = 0; i < n; i++) {
            double c = ceiling.next();
            double s = softness.next();
            ceilBuf[i] = c;
            kneeBuf[i] = c * (1 - s);
            widthBuf[i] = c * s;
            gainBuf[i] = inGain.next();
            ceilRing[Math.floorMod(start + i, ringLen)] = c;
        }
        int f = OVERSAMPLING;
        for (int ch = 0; ch < chans; ch++) {
            float[] x = block.channel(ch);
            for (int i = 0; i < n; i++) {
                float v = x[i];
                x[i] = v - v == 0 ? (float) (v * gainBuf[i]) : 0f;
            }
            oversampler.upsample(ch, x, n);
            double[] u = oversampler.buffer(ch);
            double p = prev[ch];
            for (int j = 0, m = n * f; j < m; j++) {
                int i = j / f;
                double t = kneeBuf[i];
                double w = widthBuf[i];
                double a = u[j];
                double d = a - p;
                double y;
                if (d > ADAA_EPS || d < -ADAA_EPS) {
                    y = (antiderivative(a, t, w) - antiderivative(p, t, w)) / d;
                } else {
                    y = curve(0.5 * (a + p), t, w, t + w);
                }
                u[j] = y;
                p = a;
            }
            prev[ch] = p;
            oversampler.downsample(ch, x, n);
        }
        if (safetyClamp) {
            // normalise to the ceiling that belongs to each sample, let the guard hold peaks at 1, scale back
            long from = start - oversampler.latencySamples();
            for (int ch = 0; ch < chans; ch++) {
                float[] x = block.channel(ch);
                for (int i = 0; i < n; i++) {
                    x[i] = (float) (x[i] / ceilRing[Math.floorMod(from + i, ringLen)]);
                }
            }
            guard.process(block);
            from -= guard.latencySamples();
            for (int ch = 0; ch < chans; ch++) {
                float[] x = block.channel(ch);
                for (int i = 0; i < n; i++) {
                    double cd = ceilRing[Math.floorMod(from + i, ringLen)];
                    float lim = (float) cd;
                    if (lim > cd) {
                        lim = Math.nextDown(lim);
                    }
                    float y = (float) (x[i] * cd);
                    x[i] = y > lim ? lim : (y < -lim ? -lim : y);
                }
            }
        }
        ceilIndex = start + n;
    }
}
