package org.mixlab.dsp;

/**
 * A first-order (6 dB/octave) filter in topology-preserving-transform form, giving low-pass and high-pass outputs
 * from one state. Cutoff changes take effect at once without clicks (the state is a capacitor voltage, not a
 * past output), so it is safe to modulate. State is double and flushed against denormals.
 */
public final class OnePole {
    private double g = 0.5;
    private double s;

    /** Sets the -3 dB cutoff in Hz (clamped to 1 Hz .. 0.49 fs) for sample rate {@code sampleRate}. */
    public void setCutoff(double cutoffHz, double sampleRate) {
        g = coefficient(cutoffHz, sampleRate);
    }

    /** The coefficient for a cutoff (what {@link #setCutoff} stores); share it between channels via {@link #setCoefficient}. */
    public static double coefficient(double cutoffHz, double sampleRate) {
        double fc = DspMath.clamp(cutoffHz, 1.0, 0.49 * sampleRate);
        double t = Math.tan(Math.PI * fc / sampleRate);
        return t / (1.0 + t);
    }

    /** Sets a coefficient computed by {@link #coefficient(double, double)}. */
    public void setCoefficient(double coefficient) {
        g = coefficient;
    }

    /** Clears the state. */
    public void reset() {
        s = 0;
    }

    /** Processes one sample and returns the low-pass output. */
    public double lowpass(double x) {
        double v = (x - s) * g;
        double lp = v + s;
        s = DspMath.flush(lp + v);
        return lp;
    }

    /** Processes one sample and returns the high-pass output (input minus low-pass). */
    public double highpass(double x) {
        return x - lowpass(x);
    }
}
