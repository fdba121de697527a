package org.mixlab.analysis;

/**
 * One-third-octave band levels on the ISO 266 series from 20 Hz to 20 kHz (31 bands), computed from a
 * Parseval-calibrated power spectrum ({@link SpectrumAnalyzer#powerSpectrum}, {@link LongTermSpectrum}).
 * Band k has the exact base-ten centre {@code 1000 * 10^(k/10)} Hz (k = -17..13) and edges a twentieth of a
 * decade either side; the power of every FFT bin is shared among bands in proportion to how much of the bin's
 * width lies inside each band, so narrow low bands still get a smooth estimate. Levels are in dB relative to
 * full scale on the RMS scale (a full-scale sine inside one band reads -3.01 dB); pink noise gives equal levels.
 * {@link #bandLevelsDb} never allocates.
 */
public final class ThirdOctaveBands {
    private static final double[] NOMINAL_HZ = {
        20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000,
        2500, 3150, 4000, 5000, 6300, 8000, 10_000, 12_500, 16_000, 20_000};

    private final double binHz;
    private final int bins;
    private final double[] lowEdgeBin;  // band edges in units of bins
    private final double[] highEdgeBin;

    /** Bands for spectra of {@code fftSize} points at {@code sampleRate} Hz. */
    public ThirdOctaveBands(int fftSize, double sampleRate) {
        if (fftSize < 16 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two of at least 16, was " + fftSize);
        }
        this.binHz = sampleRate / fftSize;
        this.bins = fftSize / 2 + 1;
        int n = NOMINAL_HZ.length;
        lowEdgeBin = new double[n];
        highEdgeBin = new double[n];
        double[] centres = exactCentresHz();
        double edge = Math.pow(10, 0.05);
        for (int b = 0; b < n; b++) {
            lowEdgeBin[b] = centres[b] / edge / binHz;
            highEdgeBin[b] = centres[b] * edge / binHz;
        }
    }

    /** Number of bands (31). */
    public static int bandCount() {
        return NOMINAL_HZ.length;
    }

    /** ISO 266 nominal centre frequencies, 20 Hz to 20 kHz (a fresh array). */
    public static double[] nominalCentresHz() {
        return NOMINAL_HZ.clone();
    }

    /** Exact base-ten centre frequencies {@code 1000 * 10^(k/10)} Hz (a fresh array). */
    public static double[] exactCentresHz() {
        double[] c = new double[NOMINAL_HZ.length];
        for (int b = 0; b < c.length; b++) {
            c[b] = 1000 * Math.pow(10, (b - 17) / 10.0);
        }
        return c;
    }

    /**
     * Band levels in dB from a linear power spectrum of {@code fftSize / 2 + 1} bins into {@code outDb}
     * ({@link #bandCount()} long). Bands reaching past Nyquist, or with no power, read -inf. Never allocates.
     */
    public void bandLevelsDb(double[] power, double[] outDb) {
        for (int b = 0; b < lowEdgeBin.length; b++) {
            double p = bandPower(power, lowEdgeBin[b], highEdgeBin[b]);
            outDb[b] = p > 0 ? 10 * Math.log10(p) : Double.NEGATIVE_INFINITY;
        }
    }

    private double bandPower(double[] power, double lo, double hi) {
        if (hi > bins - 1) {
            return 0; // the band is not fully below Nyquist
        }
        // bin k covers [k - 0.5, k + 0.5) in bin units
        int first = (int) Math.floor(lo + 0.5);
        int last = (int) Math.floor(hi + 0.5);
        double sum = 0;
        for (int k = Math.max(0, first); k <= last && k < bins; k++) {
            double overlap = Math.min(hi, k + 0.5) - Math.max(lo, k - 0.5);
            if (overlap > 0) {
                sum += power[k] * overlap;
            }
        }
        return sum;
    }
}
