package org.mixlab.analysis;

import java.util.Arrays;

/**
 * FFT spectrum analyser with a periodic Hann window, for live display and offline analysis.
 *
 * <p>Two calibrations, both on the {@code fftSize / 2 + 1} bins from DC to Nyquist:
 * <ul>
 *   <li>{@link #magnitudeDb} - sine-calibrated magnitude in dBFS: a sine of peak amplitude A whose frequency
 *       falls exactly on a bin reads 20 log10(A) there, so a full-scale sine reads 0 dB (a sine half-way between
 *       two bins reads 1.42 dB low, the Hann scalloping loss). Values are floored at {@link #FLOOR_DB}.</li>
 *   <li>{@link #powerSpectrum} - power per bin normalised so that the bins add up to the signal's mean square
 *       (Parseval, corrected for the window's energy): white noise of RMS r spreads r^2 over the bins, a
 *       full-scale sine sums to 0.5 (-3.01 dB) over its few bins. Band levels and the long-term average spectrum
 *       use this.</li>
 * </ul>
 * Streaming use: {@link #push} samples on the audio thread, then {@link #magnitudeDb(double[])} computes the
 * spectrum of the latest {@code fftSize} samples. All methods write into caller-owned arrays and never allocate;
 * one instance is not thread-safe (the caller copies results for other threads).
 */
public final class SpectrumAnalyzer {
    /** Smallest supported FFT size. */
    public static final int MIN_SIZE = 256;
    /** Largest supported FFT size. */
    public static final int MAX_SIZE = 65_536;
    /** Lowest magnitude reported, dB (stands in for -inf so plots stay finite). */
    public static final double FLOOR_DB = -200.0;

    private final int size;
    private final double sampleRate;
    private final Fft fft;
    private final double[] window;
    private final double amplitudeScale; // 2 / sum(w)
    private final double powerScale;     // 1 / (N * sum(w^2))
    private final double[] re;
    private final double[] im;
    private final float[] ring;
    private int ringPos;

    /** An analyser of {@code fftSize} points (power of two, 256 to 65,536; typical 1,024 to 16,384). */
    public SpectrumAnalyzer(int fftSize, double sampleRate) {
        if (fftSize < MIN_SIZE || fftSize > MAX_SIZE || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two from 256 to 65536, was " + fftSize);
        }
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        this.size = fftSize;
        this.sampleRate = sampleRate;
        this.fft = new Fft(fftSize);
        this.window = new double[fftSize];
        double sum = 0, sumSq = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize);
            sum += window[i];
            sumSq += window[i] * window[i];
        }
        this.amplitudeScale = 2.0 / sum;
        this.powerScale = 1.0 / (fftSize * sumSq);
        this.re = new double[fftSize];
        this.im = new double[fftSize];
        this.ring = new float[fftSize];
    }

    /** FFT size in points. */
    public int fftSize() {
        return size;
    }

    /** Number of output bins, {@code fftSize / 2 + 1}. */
    public int binCount() {
        return size / 2 + 1;
    }

    /** Centre frequency of bin {@code k}, Hz. */
    public double binFrequencyHz(int k) {
        return k * sampleRate / size;
    }

    /** Sample rate in Hz. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Appends {@code n} samples to the internal ring of the latest {@code fftSize} samples; never allocates. */
    public void push(float[] x, int offset, int n) {
        for (int i = 0; i < n; i++) {
            ring[ringPos] = x[offset + i];
            ringPos = ringPos + 1 == size ? 0 : ringPos + 1;
        }
    }

    /** Appends the mean of {@code planar}'s first {@code channels} channels (a mono fold-down); never allocates. */
    public void push(float[][] planar, int channels, int offset, int n) {
        float scale = 1f / channels;
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int c = 0; c < channels; c++) {
                s += planar[c][offset + i];
            }
            ring[ringPos] = s * scale;
            ringPos = ringPos + 1 == size ? 0 : ringPos + 1;
        }
    }

    /** Appends the mean of {@code block}'s channels in use (a mono fold-down); never allocates. */
    public void push(org.mixlab.dsp.AudioBlock block) {
        int channels = block.numChannels();
        if (channels == 0) {
            return;
        }
        float scale = 1f / channels;
        for (int i = 0, n = block.numSamples(); i < n; i++) {
            float s = 0;
            for (int c = 0; c < channels; c++) {
                s += block.channel(c)[i];
            }
            ring[ringPos] = s * scale;
            ringPos = ringPos + 1 == size ? 0 : ringPos + 1;
        }
    }

    /** Clears the ring of pushed samples. */
    public void reset() {
        Arrays.fill(ring, 0f);
        ringPos = 0;
    }

    /** Sine-calibrated magnitude spectrum (dBFS) of the latest pushed {@code fftSize} samples into {@code outDb}. */
    public void magnitudeDb(double[] outDb) {
        loadRing();
        transformToMagnitudeDb(outDb);
    }

    /** Sine-calibrated magnitude spectrum (dBFS) of {@code x[offset .. offset + fftSize)} into {@code outDb}. */
    public void magnitudeDb(float[] x, int offset, double[] outDb) {
        load(x, offset);
        transformToMagnitudeDb(outDb);
    }

    /** Parseval-calibrated power spectrum (linear, sums to mean square) of {@code x[offset .. +fftSize)}. */
    public void powerSpectrum(float[] x, int offset, double[] outPower) {
        load(x, offset);
        transformToPower(outPower);
    }

    /** Parseval-calibrated power spectrum (linear) of the latest pushed {@code fftSize} samples. */
    public void powerSpectrum(double[] outPower) {
        loadRing();
        transformToPower(outPower);
    }

    private void load(float[] x, int offset) {
        for (int i = 0; i < size; i++) {
            re[i] = x[offset + i] * window[i];
        }
        Arrays.fill(im, 0.0);
    }

    private void loadRing() {
        for (int i = 0, p = ringPos; i < size; i++) {
            re[i] = ring[p] * window[i];
            p = p + 1 == size ? 0 : p + 1;
        }
        Arrays.fill(im, 0.0);
    }

    private void transformToMagnitudeDb(double[] outDb) {
        fft.forward(re, im);
        int half = size / 2;
        for (int k = 0; k <= half; k++) {
            double mag = Math.sqrt(re[k] * re[k] + im[k] * im[k]) * amplitudeScale;
            if (k == 0 || k == half) {
                mag *= 0.5; // DC and Nyquist have no mirror image
            }
            outDb[k] = mag > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(mag)) : FLOOR_DB;
        }
    }

    private void transformToPower(double[] outPower) {
        fft.forward(re, im);
        int half = size / 2;
        for (int k = 0; k <= half; k++) {
            double p = (re[k] * re[k] + im[k] * im[k]) * powerScale;
            outPower[k] = (k == 0 || k == half) ? p : 2 * p;
        }
    }

    /**
     * Exponential smoothing in dB, per bin: {@code stateDb = coefficient * stateDb + (1 - coefficient) * newDb}.
     * {@code coefficient} 0 (no smoothing) to just under 1 (very slow); never allocates.
     */
    public static void smooth(double[] stateDb, double[] newDb, double coefficient) {
        double a = Math.max(0.0, Math.min(0.9999, coefficient));
        for (int k = 0; k < stateDb.length; k++) {
            stateDb[k] = a * stateDb[k] + (1 - a) * newDb[k];
        }
    }

    /**
     * Peak hold with linear fall-back, per bin: {@code heldDb = max(newDb, heldDb - decayDb)}; call once per
     * display frame with {@code decayDb} = fall rate (dB/s) times the frame period. Never allocates.
     */
    public static void peakHold(double[] heldDb, double[] newDb, double decayDb) {
        for (int k = 0; k < heldDb.length; k++) {
            heldDb[k] = Math.max(newDb[k], Math.max(FLOOR_DB, heldDb[k] - decayDb));
        }
    }
}
