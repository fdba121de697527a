package org.mixlab.dsp;

/**
 * A second-order IIR section in direct form I, computed in double, with its own input and output history per
 * channel. Direct form I is used rather than transposed form II because its state holds real past samples, so
 * coefficients changed in the middle of a glide do not release a burst (a high shelf at +18 dB swept in the
 * transposed form stores internal values many times the signal level). Coefficient setters follow the RBJ Audio EQ
 * Cookbook; all setters normalise by a0 and write into existing fields (no allocation), so they may be called on the
 * audio thread while a parameter glides.
 */
public final class Biquad {
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private final double[] x1;
    private final double[] x2;
    private final double[] y1;
    private final double[] y2;

    /** Creates an identity section with state for {@code channels} channels (1 or more). */
    public Biquad(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("biquad needs at least one channel, was " + channels);
        }
        x1 = new double[channels];
        x2 = new double[channels];
        y1 = new double[channels];
        y2 = new double[channels];
    }

    /** Q of section {@code index} (0-based) of an {@code order}-th order Butterworth filter split into biquads. */
    public static double butterworthQ(int order, int index) {
        return 1.0 / (2.0 * Math.sin((2 * index + 1) * Math.PI / (2.0 * order)));
    }

    /** Number of channels this section keeps state for. */
    public int channels() {
        return x1.length;
    }

    /** Sets the coefficients directly (already divided by a0). */
    public void setCoefficients(double nb0, double nb1, double nb2, double na1, double na2) {
        b0 = nb0;
        b1 = nb1;
        b2 = nb2;
        a1 = na1;
        a2 = na2;
    }

    /** Copies the coefficients (not the state) of another section. */
    public void copyCoefficients(Biquad other) {
        setCoefficients(other.b0, other.b1, other.b2, other.a1, other.a2);
    }

    /** Makes the section pass audio unchanged. */
    public void setIdentity() {
        setCoefficients(1, 0, 0, 0, 0);
    }

    private static double omega(double sampleRate, double freqHz) {
        double f = DspMath.clamp(freqHz, 1e-3, 0.499 * sampleRate);
        return 2.0 * Math.PI * f / sampleRate;
    }

    private void setNormalized(double nb0, double nb1, double nb2, double a0, double na1, double na2) {
        double inv = 1.0 / a0;
        setCoefficients(nb0 * inv, nb1 * inv, nb2 * inv, na1 * inv, na2 * inv);
    }

    /** Cookbook low-pass (12 dB/oct) at {@code freqHz} with resonance {@code q} (0.7071 = Butterworth). */
    public void setLowpass(double sampleRate, double freqHz, double q) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        double b = (1 - cw) * 0.5;
        setNormalized(b, 1 - cw, b, 1 + alpha, -2 * cw, 1 - alpha);
    }

    /** Cookbook high-pass (12 dB/oct) at {@code freqHz} with resonance {@code q}. */
    public void setHighpass(double sampleRate, double freqHz, double q) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        double b = (1 + cw) * 0.5;
        setNormalized(b, -(1 + cw), b, 1 + alpha, -2 * cw, 1 - alpha);
    }

    /** Cookbook band-pass with 0 dB gain at the centre {@code freqHz}; bandwidth set by {@code q}. */
    public void setBandpass(double sampleRate, double freqHz, double q) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        setNormalized(alpha, 0, -alpha, 1 + alpha, -2 * cw, 1 - alpha);
    }

    /** Cookbook all-pass: flat magnitude, phase turning through -180 degrees at {@code freqHz}. */
    public void setAllpass(double sampleRate, double freqHz, double q) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        setNormalized(1 - alpha, -2 * cw, 1 + alpha, 1 + alpha, -2 * cw, 1 - alpha);
    }

    /** Cookbook peaking (bell) filter: {@code gainDb} at {@code freqHz}, width from {@code q}. */
    public void setPeaking(double sampleRate, double freqHz, double q, double gainDb) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        double a = Math.pow(10.0, gainDb / 40.0);
        setNormalized(1 + alpha * a, -2 * cw, 1 - alpha * a, 1 + alpha / a, -2 * cw, 1 - alpha / a);
    }

    /** Cookbook low shelf: {@code gainDb} below {@code freqHz} (the half-gain point), slope from {@code q}. */
    public void setLowShelf(double sampleRate, double freqHz, double q, double gainDb) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double a = Math.pow(10.0, gainDb / 40.0);
        double k = 2 * Math.sqrt(a) * Math.sin(w) / (2 * q);
        setNormalized(a * ((a + 1) - (a - 1) * cw + k),
                2 * a * ((a - 1) - (a + 1) * cw),
                a * ((a + 1) - (a - 1) * cw - k),
                (a + 1) + (a - 1) * cw + k,
                -2 * ((a - 1) + (a + 1) * cw),
                (a + 1) + (a - 1) * cw - k);
    }

    /** Cookbook high shelf: {@code gainDb} above {@code freqHz} (the half-gain point), slope from {@code q}. */
    public void setHighShelf(double sampleRate, double freqHz, double q, double gainDb) {
        double w = omega(sampleRate, freqHz);
        double cw = Math.cos(w);
        double a = Math.pow(10.0, gainDb / 40.0);
        double k = 2 * Math.sqrt(a) * Math.sin(w) / (2 * q);
        setNormalized(a * ((a + 1) + (a - 1) * cw + k),
                -2 * a * ((a - 1) + (a + 1) * cw),
                a * ((a + 1) + (a - 1) * cw - k),
                (a + 1) - (a - 1) * cw + k,
                2 * ((a - 1) - (a + 1) * cw),
                (a + 1) - (a - 1) * cw - k);
    }

    /** Analytic magnitude of this section at {@code freqHz} for {@code sampleRate}, in dB. */
    public double magnitudeDb(double freqHz, double sampleRate) {
        double w = 2.0 * Math.PI * freqHz / sampleRate;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -(a1 * s1 + a2 * s2);
        return 10.0 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /**
     * Filters {@code buf[from..to)} of {@code channel} in place. State lives in locals during the loop; at the end
     * the output history is flushed of denormals, and all history is cleared if it went NaN or infinite (so bad input
     * recovers by the next call).
     */
    public void process(float[] buf, int channel, int from, int to) {
        double xa = x1[channel];
        double xb = x2[channel];
        double ya = y1[channel];
        double yb = y2[channel];
        final double c0 = b0;
        final double c1 = b1;
        final double c2 = b2;
        final double d1 = a1;
        final double d2 = a2;
        for (int i = from; i < to; i++) {
            double x = buf[i];
            // the previous output enters last: the sample-to-sample dependency is a multiply and one subtraction
            double y = (c0 * x + c1 * xa + c2 * xb - d2 * yb) - d1 * ya;
            xb = xa;
            xa = x;
            yb = ya;
            ya = y;
            buf[i] = (float) y;
        }
        store(channel, xa, xb, ya, yb);
    }

    /**
     * Filters {@code buf[from..to)} of {@code channel} through {@code count} sections of {@code chain} in order, in
     * place. Two sections share one pass over the buffer, so their sample-to-sample recursions overlap, and the
     * signal between the two stays in double (a float rounding between them would put a
     * conversion on the loop's critical path); the result matches calling {@link #process} on each section in turn
     * to within float rounding.
     */
    public static void processChain(Biquad[] chain, int count, float[] buf, int channel, int from, int to) {
        int s = 0;
        for (; s + 1 < count; s += 2) {
            processPair(chain[s], chain[s + 1], buf, channel, from, to);
        }
        if (s < count) {
            chain[s].process(buf, channel, from, to);
        }
    }

    private static void processPair(Biquad p, Biquad q, float[] buf, int channel, int from, int to) {
        double xa = p.x1[channel];
        double xb = p.x2[channel];
        double ya = p.y1[channel];
        double yb = p.y2[channel];
        double ua = q.x1[channel];
        double ub = q.x2[channel];
        double va = q.y1[channel];
        double vb = q.y2[channel];
        final double c0 = p.b0;
        final double c1 = p.b1;
        final double c2 = p.b2;
        final double d1 = p.a1;
        final double d2 = p.a2;
        final double e0 = q.b0;
        final double e1 = q.b1;
        final double e2 = q.b2;
        final double f1 = q.a1;
        final double f2 = q.a2;
        for (int i = from; i < to; i++) {
            double x = buf[i];
            double y = (c0 * x + c1 * xa + c2 * xb - d2 * yb) - d1 * ya;
            xb = xa;
            xa = x;
            yb = ya;
            ya = y;
            double v = (e0 * y + e1 * ua + e2 * ub - f2 * vb) - f1 * va;
            ub = ua;
            ua = y;
            vb = va;
            va = v;
            buf[i] = (float) v;
        }
        p.store(channel, xa, xb, ya, yb);
        q.store(channel, ua, ub, va, vb);
    }

    /** Filters one sample of {@code channel}; for sidechains and tests. Call {@link #sanitize(int)} now and then. */
    public double processSample(int channel, double x) {
        double y = b0 * x + b1 * x1[channel] + b2 * x2[channel] - a1 * y1[channel] - a2 * y2[channel];
        x2[channel] = x1[channel];
        x1[channel] = x;
        y2[channel] = y1[channel];
        y1[channel] = y;
        return y;
    }

    /** Flushes denormals in {@code channel}'s state and clears it when it is not finite. */
    public void sanitize(int channel) {
        store(channel, x1[channel], x2[channel], y1[channel], y2[channel]);
    }

    private void store(int channel, double xa, double xb, double ya, double yb) {
        if (xa - xa != 0 || xb - xb != 0 || ya - ya != 0 || yb - yb != 0) {
            xa = 0;
            xb = 0;
            ya = 0;
            yb = 0;
        }
        x1[channel] = DspMath.flush(xa);
        x2[channel] = DspMath.flush(xb);
        y1[channel] = DspMath.flush(ya);
        y2[channel] = DspMath.flush(yb);
    }

    /** Clears the state of every channel. */
    public void reset() {
        java.util.Arrays.fill(x1, 0);
        java.util.Arrays.fill(x2, 0);
        java.util.Arrays.fill(y1, 0);
        java.util.Arrays.fill(y2, 0);
    }

    /** Clears the state of one channel. */
    public void reset(int channel) {
        x1[channel] = 0;
        x2[channel] = 0;
        y1[channel] = 0;
        y2[channel] = 0;
    }

    /** Feed-forward coefficient b0 (normalised). */
    public double b0() {
        return b0;
    }

    /** Feed-forward coefficient b1 (normalised). */
    public double b1() {
        return b1;
    }

    /** Feed-forward coefficient b2 (normalised). */
    public double b2() {
        return b2;
    }

    /** Feedback coefficient a1 (normalised, sign as in y = ... - a1 y[n-1]). */
    public double a1() {
        return a1;
    }

    /** Feedback coefficient a2 (normalised). */
    public double a2() {
        return a2;
    }
}
