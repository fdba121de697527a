package org.mixlab.analysis;

/**
 * The ITU-R BS.1770-4 K-weighting curve for one channel: a high-shelf "pre-filter" (about +4 dB above 2 kHz,
 * modelling the acoustic effect of the head) followed by the "RLB" second-order high-pass near 38 Hz.
 *
 * <p>The coefficients are derived for any sample rate from the analog prototypes (centre frequency, Q and gain)
 * through the bilinear transform with frequency pre-warping, {@code K = tan(pi f0 / fs)}. At 48 kHz they
 * reproduce the coefficients printed in BS.1770-4 Tables 1 and 2 to better than 1e-6 relative.
 * Filtering runs in double precision; {@link #process(double)} never allocates.
 */
public final class KWeightingFilter {
    /** Pre-filter (high shelf) analog centre frequency in Hz. */
    static final double SHELF_F0_HZ = 1681.974450955533;
    /** Pre-filter shelf gain in dB. */
    static final double SHELF_GAIN_DB = 3.999843853973347;
    /** Pre-filter quality factor. */
    static final double SHELF_Q = 0.7071752369554196;
    /** Exponent that places the shelf's mid-band gain (empirical fit of the published 48 kHz filter). */
    static final double SHELF_MID_EXPONENT = 0.4996667741545416;
    /** RLB high-pass analog corner frequency in Hz. */
    static final double HIGHPASS_F0_HZ = 38.13547087602444;
    /** RLB high-pass quality factor. */
    static final double HIGHPASS_Q = 0.5003270373238773;

    private final double sampleRate;
    // stage 1: high shelf; a0 normalised to 1
    private final double sb0, sb1, sb2, sa1, sa2;
    // stage 2: RLB high-pass; numerator is 1, -2, 1
    private final double hb0, hb1, hb2, ha1, ha2;
    private double s1, s2, h1, h2;

    /** Builds the filter pair for {@code sampleRate} Hz (8,000 to 384,000). */
    public KWeightingFilter(double sampleRate) {
        if (!(sampleRate >= 8_000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8,000 to 384,000 Hz");
        }
        this.sampleRate = sampleRate;
        double k = Math.tan(Math.PI * SHELF_F0_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_MID_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        sb0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        sb1 = 2.0 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        sa1 = 2.0 * (k * k - 1.0) / a0;
        sa2 = (1.0 - k / SHELF_Q + k * k) / a0;

        k = Math.tan(Math.PI * HIGHPASS_F0_HZ / sampleRate);
        a0 = 1.0 + k / HIGHPASS_Q + k * k;
        hb0 = 1.0;
        hb1 = -2.0;
        hb2 = 1.0;
        ha1 = 2.0 * (k * k - 1.0) / a0;
        ha2 = (1.0 - k / HIGHPASS_Q + k * k) / a0;
    }

    /** The sample rate in Hz the coefficients were derived for. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Pre-filter (shelf) coefficients {b0, b1, b2, a1, a2} with a0 = 1; a fresh array (not for the audio thread). */
    public double[] shelfCoefficients() {
        return new double[] {sb0, sb1, sb2, sa1, sa2};
    }

    /** RLB high-pass coefficients {b0, b1, b2, a1, a2} with a0 = 1; a fresh array (not for the audio thread). */
    public double[] highPassCoefficients() {
        return new double[] {hb0, hb1, hb2, ha1, ha2};
    }

    /** Filters one sample through both stages (transposed direct form II); never allocates. */
    public double process(double x) {
        double y = sb0 * x + s1;
        s1 = sb1 * x - sa1 * y + s2;
        s2 = sb2 * x - sa2 * y;
        double z = hb0 * y + h1;
        h1 = hb1 * y - ha1 * z + h2;
        h2 = hb2 * y - ha2 * z;
        return z;
    }

    /** Flushes denormal-range values in the filter memories; call once per block. */
    public void flushDenormals() {
        s1 = org.mixlab.dsp.DspMath.flush(s1);
        s2 = org.mixlab.dsp.DspMath.flush(s2);
        h1 = org.mixlab.dsp.DspMath.flush(h1);
        h2 = org.mixlab.dsp.DspMath.flush(h2);
    }

    /** Clears the filter memories. */
    public void reset() {
        s1 = s2 = h1 = h2 = 0.0;
    }

    /** The magnitude response of both stages at {@code frequencyHz}, in dB (for plots and tests). */
    public double magnitudeDb(double frequencyHz) {
        double w = 2.0 * Math.PI * frequencyHz / sampleRate;
        return stageDb(sb0, sb1, sb2, sa1, sa2, w) + stageDb(hb0, hb1, hb2, ha1, ha2, w);
    }

    private static double stageDb(double b0, double b1, double b2, double a1, double a2, double w) {
        double c1 = Math.cos(w), s1v = Math.sin(w), c2 = Math.cos(2 * w), s2v = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = -(b1 * s1v + b2 * s2v);
        double dr = 1.0 + a1 * c1 + a2 * c2, di = -(a1 * s1v + a2 * s2v);
        return 10.0 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
