package org.mixlab.dsp;

/** Small numeric helpers shared by the kernels. */
public final class DspMath {
    private DspMath() {}

    /** Values smaller than this in magnitude are flushed to zero in feedback paths. */
    public static final double DENORMAL_FLOOR = 1e-25;

    /** Decibels to linear amplitude; -inf gives 0. */
    public static double dbToGain(double db) {
        return db == Double.NEGATIVE_INFINITY ? 0.0 : Math.pow(10.0, db / 20.0);
    }

    /** Linear amplitude to decibels; 0 gives -inf. */
    public static double gainToDb(double gain) {
        return gain <= 0 ? Double.NEGATIVE_INFINITY : 20.0 * Math.log10(gain);
    }

    /** Power (mean square) to decibels; 0 gives -inf. */
    public static double powerToDb(double power) {
        return power <= 0 ? Double.NEGATIVE_INFINITY : 10.0 * Math.log10(power);
    }

    /** Flushes tiny values (and NaN/Inf) to zero so feedback paths never run into denormals or blow up. */
    public static double flush(double x) {
        // one compare on the magnitude: a test on the sign would be a coin toss for the branch predictor on audio
        return Math.abs(x) > DENORMAL_FLOOR && x - x == 0 ? x : 0.0;
    }

    /** Clamps {@code x} into [lo, hi]. */
    public static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : Math.min(x, hi);
    }
}
