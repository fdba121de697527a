package org.mixlab.ui.analysis;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import org.mixlab.engine.live.MixEngine;

/**
 * The spectrum both the analysis dock and the EQ editor draw: a 4096-point Hann-windowed FFT (TarsosDSP) of the
 * heard output, reduced to {@link #POINTS} log-spaced frequencies from 20 Hz to 20 kHz, smoothed (fast rise,
 * slow fall), with a peak hold and the reference's long-term spectrum. Levels are dBFS for a sine (a full-scale
 * sine reads 0 dB). All arrays are allocated once; {@link #update(MixEngine)} allocates nothing.
 */
public final class SpectrumAnalyzer {
    /** FFT length in samples. */
    public static final int FFT_SIZE = 4096;
    /** Number of display frequencies. */
    public static final int POINTS = 256;
    /** Lowest level shown, dB. */
    public static final double FLOOR_DB = -100;
    /** Lowest display frequency, Hz. */
    public static final double MIN_HZ = 20;
    /** Highest display frequency, Hz. */
    public static final double MAX_HZ = 20_000;

    private static final double RISE = 0.6;
    private static final double FALL = 0.18;
    private static final double PEAK_FALL_DB = 0.25;
    private static final int REF_EVERY_FRAMES = 15;

    private final FFT fft = new FFT(FFT_SIZE, new HannWindow());
    private final float[] input = new float[FFT_SIZE];
    private final float[] work = new float[FFT_SIZE];
    private final float[] mags = new float[FFT_SIZE / 2];
    private final double[] freqs = new double[POINTS];
    private final double[] raw = new double[POINTS];
    private final double[] level = new double[POINTS];
    private final double[] peak = new double[POINTS];
    private final double[] reference = new double[POINTS];
    private boolean hasReference;
    private boolean referenceFresh;
    private int frame;
    private long updates;

    /** An analyzer with every level at the floor. */
    public SpectrumAnalyzer() {
        double ratio = MAX_HZ / MIN_HZ;
        for (int i = 0; i < POINTS; i++) {
            freqs[i] = MIN_HZ * Math.pow(ratio, i / (double) (POINTS - 1));
        }
        java.util.Arrays.fill(level, FLOOR_DB);
        java.util.Arrays.fill(peak, FLOOR_DB);
        java.util.Arrays.fill(reference, FLOOR_DB);
    }

    /** The display frequencies, Hz (do not modify). */
    public double[] frequencies() {
        return freqs;
    }

    /** The smoothed levels, dB, one per display frequency (do not modify). */
    public double[] levels() {
        return level;
    }

    /** The peak-hold levels, dB (do not modify). */
    public double[] peaks() {
        return peak;
    }

    /** The reference's long-term levels, dB (valid when {@link #hasReference()}). */
    public double[] referenceLevels() {
        return reference;
    }

    /** True when the engine has a reference spectrum. */
    public boolean hasReference() {
        return hasReference;
    }

    /** Number of frames that brought new samples. */
    public long updates() {
        return updates;
    }

    /** Clears the peak hold. */
    public void resetPeaks() {
        System.arraycopy(level, 0, peak, 0, POINTS);
    }

    /** The display frequency with the highest smoothed level, Hz. */
    public double loudestFrequencyHz() {
        int best = 0;
        for (int i = 1; i < POINTS; i++) {
            if (level[i] > level[best]) {
                best = i;
            }
        }
        return freqs[best];
    }

    /** The highest smoothed level, dB. */
    public double loudestLevelDb() {
        double m = FLOOR_DB;
        for (double v : level) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Reads new samples from the engine and updates the curves; returns true when anything changed. */
    public boolean update(MixEngine engine) {
        boolean changed = false;
        if (engine.readSpectrumInput(input)) {
            analyse(input, engine.sampleRate(), raw);
            for (int i = 0; i < POINTS; i++) {
                double r = raw[i];
                double l = level[i];
                l += (r > l ? RISE : FALL) * (r - l);
                level[i] = l;
                peak[i] = l > peak[i] ? l : Math.max(l, peak[i] - PEAK_FALL_DB);
            }
            updates++;
            changed = true;
        }
        if (frame++ % REF_EVERY_FRAMES == 0 || !referenceFresh) {
            if (engine.readReferenceSpectrumInput(input)) {
                analyse(input, engine.sampleRate(), raw);
                for (int i = 0; i < POINTS; i++) {
                    reference[i] = hasReference ? reference[i] + 0.3 * (raw[i] - reference[i]) : raw[i];
                }
                hasReference = true;
                changed = true;
            } else {
                hasReference = false;
            }
            referenceFresh = true;
        }
        return changed;
    }

    /** Windowed FFT of {@code samples} into dB at the display frequencies. */
    private void analyse(float[] samples, double sampleRate, double[] outDb) {
        System.arraycopy(samples, 0, work, 0, FFT_SIZE);
        fft.forwardTransform(work);
        fft.modulus(work, mags);
        double binHz = sampleRate / FFT_SIZE;
        double scale = 4.0 / FFT_SIZE; // Hann coherent gain 0.5, one-sided spectrum
        int last = mags.length - 1;
        for (int i = 0; i < POINTS; i++) {
            double f = freqs[i];
            double lo = i == 0 ? f : Math.sqrt(f * freqs[i - 1]);
            double hi = i == POINTS - 1 ? f : Math.sqrt(f * freqs[i + 1]);
            double m;
            if (hi - lo < 2 * binHz) {
                double pos = f / binHz;
                int b = Math.min(last - 1, Math.max(1, (int) pos));
                double frac = Math.max(0, Math.min(1, pos - b));
                m = Math.max(mags[b] * (1 - frac) + mags[b + 1] * frac, 0);
            } else {
                int b0 = Math.max(1, (int) Math.floor(lo / binHz));
                int b1 = Math.min(last, (int) Math.ceil(hi / binHz));
                m = 0;
                for (int b = b0; b <= b1; b++) {
                    m = Math.max(m, mags[b]);
                }
            }
            double db = m > 0 ? 20 * Math.log10(m * scale) : FLOOR_DB;
            outDb[i] = Math.max(FLOOR_DB, db);
        }
    }
}
