package org.mixlab.dsp;

/**
 * A low-frequency sine oscillator: a phase accumulator in cycles (0..1) read through a polynomial sine that is
 * accurate to about 4e-6 and costs no library call. Several outputs with fixed phase offsets (stereo spread) can be
 * read from one oscillator.
 */
public final class Lfo {
    private double phase;
    private double increment;

    /** Sets the rate in Hz (0 or more) for sample rate {@code sampleRate}. */
    public void setRate(double rateHz, double sampleRate) {
        increment = Math.max(0.0, rateHz) / sampleRate;
    }

    /** Sets the phase in cycles (wrapped to 0..1). */
    public void setPhase(double cycles) {
        phase = cycles - Math.floor(cycles);
    }

    /** The current phase in cycles, 0..1. */
    public double phase() {
        return phase;
    }

    /** Sine of the current phase plus {@code offsetCycles}, in -1..1, without advancing. */
    public double value(double offsetCycles) {
        return sineCycles(phase + offsetCycles);
    }

    /** Advances one sample. */
    public void advance() {
        phase += increment;
        if (phase >= 1.0) {
            phase -= 1.0;
        }
    }

    /** Advances {@code n} samples at once. */
    public void advance(int n) {
        phase += increment * n;
        phase -= Math.floor(phase);
    }

    /** sin(2 pi x) for any finite x, by folding to a quarter wave and a 9th-order odd polynomial. */
    public static double sineCycles(double x) {
        double t = x - Math.floor(x);           // 0..1
        // fold to -0.25..0.25 cycles around 0 with sign
        double sign = 1.0;
        if (t >= 0.5) {
            t -= 0.5;
            sign = -1.0;
        }
        if (t > 0.25) {
            t = 0.5 - t;
        }
        double r = 2.0 * Math.PI * t;           // -pi/2..pi/2 (here 0..pi/2)
        double r2 = r * r;
        double p = r * (1.0 + r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880)))));
        return sign * p;
    }
}
