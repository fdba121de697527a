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

    /** dB per unit of log2 of an amplitude: 20 log10(2). */
    public static final double DB_PER_LOG2 = 20 * Math.log10(2);
    /** log2 of the amplitude per dB: log2(10) / 20. */
    public static final double LOG2_PER_DB = 1 / DB_PER_LOG2;

    private static final long MANTISSA_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXP_ONE = 0x3FF0_0000_0000_0000L;
    private static final long INF_BITS = 0x7FF0_0000_0000_0000L;
    // near-minimax polynomial of log2(m) on [1, 2), degree 6: |error| <= 1.9e-6 (1.2e-5 dB)
    private static final double L0 = -3.0400295949118354;
    private static final double L1 = 6.112917348767491;
    private static final double L2 = -5.34190843042967;
    private static final double L3 = 3.286453695232427;
    private static final double L4 = -1.2668794813973732;
    private static final double L5 = 0.2751382136104493;
    private static final double L6 = -0.025689905010133962;
    // near-minimax polynomial of 2^f on [0, 1), degree 5: relative error <= 7.5e-8 (6.5e-7 dB)
    private static final double E0 = 0.9999999250523443;
    private static final double E1 = 0.6931530742967806;
    private static final double E2 = 0.24015360653347387;
    private static final double E3 = 0.05582635083714655;
    private static final double E4 = 0.008989299642649608;
    private static final double E5 = 0.0018775938340781307;

    /**
     * Fast base-2 logarithm for audio gain computers: absolute error at most 2e-6 (1.2e-5 dB on an amplitude) for
     * positive normal {@code x}. Exponent from the bits, a degree-6 polynomial on the mantissa. Infinity and NaN
     * give themselves, {@code x <= 0} gives NaN (0 gives -inf); subnormal inputs give a value below -1022.
     */
    public static double fastLog2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits > 0 && bits < INF_BITS) { // positive and finite: one well-predicted integer test
            double e = (double) ((bits >> 52) - 1023);
            double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | EXP_ONE);
            // plain Horner: Math.fma is an intrinsic only on CPUs with FMA; on the many school laptops without it
            // (Celeron and Pentium Silver, Atom, pre-2013 Core) it falls back to BigDecimal, about 1000x slower
            // Estrin's scheme: three levels of independent multiply-adds instead of a chain of six
            double m2 = m * m;
            double m4 = m2 * m2;
            return e + ((L0 + L1 * m) + m2 * (L2 + L3 * m)) + m4 * ((L4 + L5 * m) + m2 * L6);
        }
        return x == 0 ? Double.NEGATIVE_INFINITY : (x > 0 ? x : Double.NaN);
    }

    /**
     * Fast 2^x: relative error at most 8e-8 (7e-7 dB) for x in [-1022, 1023]; below that 0, above +inf, NaN
     * gives NaN. Integer part into the exponent bits, a degree-5 polynomial for the fraction.
     */
    public static double fastExp2(double x) {
        if (x >= -1022 && x <= 1023) {
            double k = Math.floor(x);
            double f = x - k;
            double f2 = f * f;
            double p = ((E0 + E1 * f) + f2 * (E2 + E3 * f)) + (f2 * f2) * (E4 + E5 * f); // Estrin, as in fastLog2
            return p * Double.longBitsToDouble(((long) k + 1023) << 52);
        }
        return x > 1023 ? Double.POSITIVE_INFINITY : (x < -1022 ? 0.0 : x);
    }

    /** Fast {@link #gainToDb}: within 1.2e-5 dB for positive normal gains (see {@link #fastLog2}). */
    public static double fastGainToDb(double gain) {
        return DB_PER_LOG2 * fastLog2(gain);
    }

    /** Fast {@link #dbToGain}: relative error at most 1e-7 for -6000..6000 dB (see {@link #fastExp2}). */
    public static double fastDbToGain(double db) {
        return fastExp2(LOG2_PER_DB * db);
    }
}
