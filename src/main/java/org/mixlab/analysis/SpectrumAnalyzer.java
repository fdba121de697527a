package org.mixlab.analysis;

import be.tarsos.dsp.util.ConcurrencyUtils;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.RectangularWindow;
import be.tarsos.dsp.util.fft.WindowFunction;
import java.util.Arrays;

/**
 * FFT spectrum analyser for live display and offline analysis, on TarsosDSP's real FFT
 * ({@link be.tarsos.dsp.util.fft.FFT}, single precision) with a choice of window ({@link Window}, Hann by default).
 *
 * <p>Two calibrations, both on the {@code fftSize / 2 + 1} bins from DC to Nyquist:
 * <ul>
 *   <li>{@link #magnitudeDb} - sine-calibrated magnitude in dBFS: a sine of peak amplitude A whose frequency
 *       falls exactly on a bin reads 20 log10(A) there, so a full-scale sine reads 0 dB (a sine half-way between
 *       two bins reads low by the window's scalloping loss: Hann 1.42 dB, Hamming 1.75, Blackman-Harris 0.83,
 *       rectangular 3.92). Values are floored at {@link #FLOOR_DB}.</li>
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

    /** Analysis window applied to each frame before the FFT. */
    public enum Window {
        /** Periodic Hann: good all-round choice, -31 dB side lobes falling 18 dB/octave; the default. */
        HANN,
        /** Periodic Hamming: -43 dB first side lobe, slow roll-off. */
        HAMMING,
        /** 4-term Blackman-Harris (-92 dB side lobes): for weak partials next to strong ones. */
        BLACKMAN_HARRIS,
        /** Rectangular (no window, TarsosDSP {@link RectangularWindow}): exact for bin-centred tones only. */
        RECTANGULAR
    }

    private final int size;
    private final double sampleRate;
    private final Window windowType;
    private final FFT fft;
    private final double amplitudeScale; // 2 / sum(w)
    private final double powerScale;     // 1 / (N * sum(w^2))
    private final float[] buffer;        // TarsosDSP packed real spectrum after the transform
    private final float[] ring;
    private int ringPos;

    /** A Hann-windowed analyser of {@code fftSize} points (power of two, 256 to 65,536; typical 1,024 to 16,384). */
    public SpectrumAnalyzer(int fftSize, double sampleRate) {
        this(fftSize, sampleRate, Window.HANN);
    }

    /** An analyser of {@code fftSize} points (power of two, 256 to 65,536) with the given window (default Hann). */
    public SpectrumAnalyzer(int fftSize, double sampleRate, Window window) {
        if (fftSize < MIN_SIZE || fftSize > MAX_SIZE || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two from 256 to 65536, was " + fftSize);
        }
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (window == null) {
            throw new IllegalArgumentException("spectrum window must not be null");
        }
        this.size = fftSize;
        this.sampleRate = sampleRate;
        this.windowType = window;
        WindowFunction function = windowFunction(window);
        float[] curve = function.generateCurve(fftSize);
        double sum = 0, sumSq = 0;
        for (float w : curve) {
            sum += w;
            sumSq += (double) w * w;
        }
        this.amplitudeScale = 2.0 / sum;
        this.powerScale = 1.0 / (fftSize * sumSq);
        this.fft = new FFT(fftSize, function);
        this.buffer = new float[fftSize];
        this.ring = new float[fftSize];
    }

    static {
        // TarsosDSP's FloatFFT splits transforms above 8,192 points over a thread pool (submit + wait, a few kB of
        // garbage per call); the audio thread must not wait on other threads, so MixLab runs it single-threaded.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private static WindowFunction windowFunction(Window window) {
        switch (window) {
            case HAMMING:
                return new CosineSumWindow(0.54, 0.46, 0, 0);
            case BLACKMAN_HARRIS:
                return new CosineSumWindow(0.35875, 0.48829, 0.14128, 0.01168);
            case RECTANGULAR:
                return new RectangularWindow();
            case HANN:
            default:
                return new CosineSumWindow(0.5, 0.5, 0, 0);
        }
    }

    /**
     * Periodic ("DFT-even") cosine-sum window a0 - a1 cos(x) + a2 cos(2x) - a3 cos(3x), x = 2 pi n / N, as a
     * TarsosDSP {@link WindowFunction}. TarsosDSP 2.4.1's own HannWindow and HammingWindow are the symmetric
     * forms (divide by N - 1), which leak a bin-centred tone into every bin (-88 dB five bins away at 1,024
     * points instead of nothing), and its BlackmanHarrisNuttall adds every term with a plus sign, which is the
     * window shifted by half a frame (largest at the frame edges); so MixLab supplies these three.
     */
    static final class CosineSumWindow extends WindowFunction {
        private final double a0, a1, a2, a3;

        CosineSumWindow(double a0, double a1, double a2, double a3) {
            this.a0 = a0;
            this.a1 = a1;
            this.a2 = a2;
            this.a3 = a3;
        }

        @Override
        protected float value(int length, int index) {
            double x = 2 * Math.PI * index / length;
            return (float) (a0 - a1 * Math.cos(x) + a2 * Math.cos(2 * x) - a3 * Math.cos(3 * x));
        }
    }

    /** The window in use. */
    public Window window() {
        return windowType;
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
        System.arraycopy(x, offset, buffer, 0, size);
    }

    private void loadRing() {
        int tail = size - ringPos;
        System.arraycopy(ring, ringPos, buffer, 0, tail);
        System.arraycopy(ring, 0, buffer, tail, ringPos);
    }

    /** |X[k]|^2 of bin k from TarsosDSP's packed layout: [Re0, Re(N/2), Re1, Im1, Re2, Im2, ...]. */
    private double binPower(int k, int half) {
        if (k == 0) {
            return (double) buffer[0] * buffer[0];
        }
        if (k == half) {
            return (double) buffer[1] * buffer[1];
        }
        double re = buffer[2 * k], im = buffer[2 * k + 1];
        return re * re + im * im;
    }

    private void transformToMagnitudeDb(double[] outDb) {
        fft.forwardTransform(buffer); // applies the window, then the real FFT in place
        int half = size / 2;
        for (int k = 0; k <= half; k++) {
            double mag = Math.sqrt(binPower(k, half)) * amplitudeScale;
            if (k == 0 || k == half) {
                mag *= 0.5; // DC and Nyquist have no mirror image
            }
            outDb[k] = mag > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(mag)) : FLOOR_DB;
        }
    }

    private void transformToPower(double[] outPower) {
        fft.forwardTransform(buffer);
        int half = size / 2;
        for (int k = 0; k <= half; k++) {
            double p = binPower(k, half) * powerScale;
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
