package org.mixlab.engine.gen;

/**
 * A deliberate tonal problem baked into a stem: one RBJ peaking band (e.g. +6 dB at 150 Hz for a boomy bass).
 *
 * @param freqHz centre frequency in Hz, 20..20000
 * @param gainDb boost in dB, -18..18
 * @param q      bandwidth as Q, 0.1..18
 */
public record ProblemEq(double freqHz, double gainDb, double q) {

    /**
     * Filters a loop in place as if it repeated forever: the biquad runs over the loop twice and only the second
     * pass is kept, so the filter state at the loop start already contains the loop's own end (seamless looping).
     *
     * @param loop       mono samples of exactly one loop, changed in place
     * @param sampleRate sample rate in Hz
     */
    public void applyCircular(float[] loop, double sampleRate) {
        double[] c = peakingCoefficients(freqHz, gainDb, q, sampleRate);
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < loop.length; i++) {
                double x = loop[i];
                double y = c[0] * x + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
                x2 = x1;
                x1 = x;
                y2 = y1;
                y1 = y;
                if (pass == 1) {
                    loop[i] = (float) y;
                }
            }
        }
    }

    /**
     * RBJ cookbook peaking-EQ coefficients normalised by a0: {b0, b1, b2, a1, a2}.
     *
     * @param freqHz     centre in Hz
     * @param gainDb     peak gain in dB
     * @param q          Q
     * @param sampleRate sample rate in Hz
     * @return the five normalised coefficients
     */
    public static double[] peakingCoefficients(double freqHz, double gainDb, double q, double sampleRate) {
        double a = StrictMath.pow(10.0, gainDb / 40.0);
        double w0 = 2.0 * Math.PI * freqHz / sampleRate;
        double alpha = StrictMath.sin(w0) / (2.0 * q);
        double cos = StrictMath.cos(w0);
        double a0 = 1.0 + alpha / a;
        return new double[] {
            (1.0 + alpha * a) / a0, (-2.0 * cos) / a0, (1.0 - alpha * a) / a0,
            (-2.0 * cos) / a0, (1.0 - alpha / a) / a0
        };
    }
}
