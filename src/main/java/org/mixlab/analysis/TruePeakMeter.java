package org.mixlab.analysis;

import org.mixlab.dsp.AudioBlock;

/**
 * True-peak meter after ITU-R BS.1770-4 Annex 2: each channel is oversampled (4x below 96 kHz, 2x from 96 kHz,
 * none from 192 kHz) by a polyphase FIR interpolator and the largest absolute value of the interpolated signal is
 * kept, reported in dBTP (dB relative to full scale, true peak).
 *
 * <p>The interpolator is MixLab's own design: a Kaiser-windowed sinc (beta 7, about 70 dB stop-band) spanning
 * {@value #TAPS_PER_PHASE} input samples, so each of the 4 phases has {@value #TAPS_PER_PHASE} taps (192 taps in
 * all at 4x, against 48 in the Annex 2 example). Its cut-off is the input Nyquist frequency; every phase's gain
 * stays within 0.005 dB of unity up to 0.45 fs (21.6 kHz at 48 kHz) and is -1.1 dB (middle phase -2.5 dB) at
 * 0.48 fs. Phase 0 is an exact pure delay, so the true peak is never below the sample peak, and every phase is
 * normalised to unity gain at DC. Latency (irrelevant for a meter) is {@value #TAPS_PER_PHASE}/2 input samples.
 * Float input needs no 12 dB attenuation (Annex 2 step 1 is for fixed-point). As with any 4x meter, a sine near
 * the Nyquist frequency can read up to about 0.7 dB low, because the peak may fall between oversampled points.
 *
 * <p>Speed: input is taken in blocks of 64 frames. An interpolated value is a weighted sum of the last
 * {@value #TAPS_PER_PHASE} samples, so its magnitude is at most (sum of |taps|) times their largest magnitude; when
 * that bound for a whole block cannot exceed the peak found so far, the block's interpolation is skipped. The
 * result is bit-identical to interpolating everything (a test checks this). Blocks that are interpolated compute eight
 * outputs at a time (eight independent sums instead of one long dependency chain), each still summed in tap order.
 *
 * <p>Threading: call {@link #add} from one thread; it never allocates. {@link #truePeakDbtp()} is a volatile
 * snapshot updated at the end of every add and may be read from any thread; the per-channel getter reads plain
 * fields and is meant for the adding thread or after adding has finished.
 */
public final class TruePeakMeter {
    /** Interpolator taps per phase (= span in input samples). */
    public static final int TAPS_PER_PHASE = 48;
    private static final double KAISER_BETA = 7.0;

    private final int channels;
    private final int factor;
    private final double[][] coefficients; // [phase][tap], oldest sample first
    private final double[][] lines;        // [channel][TAPS + BLOCK]: the last TAPS samples, then the new block
    private final double[] peaks;
    private final double l1Bound;          // largest sum of |coefficients| over the interpolating phases
    private volatile double overallPeak;

    /** Frames per block: blocks that provably cannot raise the peak skip the interpolation. */
    private static final int BLOCK = 64;

    /** A meter for {@code channels} channels (1 to 8) at {@code sampleRate} Hz (8,000 to 384,000). */
    public TruePeakMeter(int channels, double sampleRate) {
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("true-peak meter channel count must be 1 to 8, was " + channels);
        }
        if (!(sampleRate >= 8_000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8,000 to 384,000 Hz");
        }
        this.channels = channels;
        this.factor = oversamplingFactor(sampleRate);
        this.coefficients = designInterpolator(factor);
        this.lines = new double[channels][TAPS_PER_PHASE + BLOCK];
        this.peaks = new double[channels];
        double bound = 1.0;
        for (int p = 1; p < factor; p++) {
            double sum = 0;
            for (double v : coefficients[p]) {
                sum += Math.abs(v);
            }
            bound = Math.max(bound, sum);
        }
        this.l1Bound = bound * (1 + 1e-12); // margin for the rounding of the filter sums
    }

    /** The oversampling factor used at {@code sampleRate}: 4 below 96 kHz, 2 below 192 kHz, else 1. */
    public static int oversamplingFactor(double sampleRate) {
        return sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
    }

    /** This meter's oversampling factor. */
    public int factor() {
        return factor;
    }

    /**
     * Polyphase coefficients [phase][tap] for an interpolator by {@code factor}: phase p estimates the signal
     * p/factor of a sample after the centre of the tap window. Each phase sums to 1.
     */
    static double[][] designInterpolator(int factor) {
        int taps = TAPS_PER_PHASE;
        double half = taps / 2.0;
        double[][] c = new double[factor][taps];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 0; p < factor; p++) {
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                double t = half - 1 - j + (double) p / factor; // distance from tap j to the interpolated point
                double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
                double u = t / half;
                double w = Math.abs(u) >= 1 ? 0.0 : besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / i0Beta;
                c[p][j] = sinc * w;
                sum += c[p][j];
            }
            for (int j = 0; j < taps; j++) {
                c[p][j] /= sum;
            }
        }
        return c;
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /** Adds the valid samples of {@code block} (its first channels, up to this meter's count); never allocates. */
    public void add(AudioBlock block) {
        int used = Math.min(channels, block.numChannels());
        for (int c = 0; c < used; c++) {
            addChannel(c, block.channel(c), 0, block.numSamples());
        }
        publish();
    }

    /** Adds {@code frames} frames of planar audio from {@code offset}; needs at least {@code channels} arrays. */
    public void add(float[][] planar, int offset, int frames) {
        if (planar.length < channels) {
            throw new IllegalArgumentException("true-peak meter needs " + channels + " channels, got " + planar.length);
        }
        for (int c = 0; c < channels; c++) {
            addChannel(c, planar[c], offset, frames);
        }
        publish();
    }

    private void addChannel(int c, float[] x, int offset, int frames) {
        final int taps = TAPS_PER_PHASE;
        double[] line = lines[c];
        double peak = peaks[c];
        for (int i = offset, end = offset + frames; i < end; ) {
            int n = Math.min(end - i, BLOCK);
            // line = [last TAPS samples | this block]; NaN and infinities are not measured
            double blockSamplePeak = 0;
            for (int k = 0; k < n; k++) {
                double v = x[i + k];
                double a = Math.abs(v);
                if (!(a < 1e30)) {
                    v = 0;
                    a = 0;
                }
                line[taps + k] = v;
                if (a > blockSamplePeak) {
                    blockSamplePeak = a;
                }
            }
            // Every interpolated value in this block is a weighted sum of line's samples, so |y| <= l1Bound * (their
            // largest magnitude). When that cannot beat the peak so far, the interpolation is skipped: the result is
            // exactly the same, only faster.
            double m = blockSamplePeak;
            for (int j = 0; j < taps; j++) {
                m = Math.max(m, Math.abs(line[j]));
            }
            peak = Math.max(peak, blockSamplePeak); // phase 0 is the sample itself
            if (factor > 1 && m * l1Bound > peak) {
                for (int p = 1; p < factor; p++) {
                    peak = Math.max(peak, interpolatedPeak(coefficients[p], line, n));
                }
            }
            System.arraycopy(line, n, line, 0, taps);
            i += n;
        }
        peaks[c] = peak;
    }

    /**
     * Largest |y_k| for k < n, y_k = sum over j of h[j] * line[k + 1 + j] (the TAPS samples ending at block sample k,
     * oldest first). Eight outputs at a time: eight independent sums keep the FPU busy, and each output still adds
     * its products in tap order, exactly as a one-output-at-a-time loop would.
     */
    private static double interpolatedPeak(double[] h, double[] line, int n) {
        double peak = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            double y0 = 0, y1 = 0, y2 = 0, y3 = 0, y4 = 0, y5 = 0, y6 = 0, y7 = 0;
            for (int j = 0, q = k + 1; j < TAPS_PER_PHASE; j++, q++) {
                double cj = h[j];
                y0 += cj * line[q];
                y1 += cj * line[q + 1];
                y2 += cj * line[q + 2];
                y3 += cj * line[q + 3];
                y4 += cj * line[q + 4];
                y5 += cj * line[q + 5];
                y6 += cj * line[q + 6];
                y7 += cj * line[q + 7];
            }
            double m03 = Math.max(Math.max(Math.abs(y0), Math.abs(y1)), Math.max(Math.abs(y2), Math.abs(y3)));
            double m47 = Math.max(Math.max(Math.abs(y4), Math.abs(y5)), Math.max(Math.abs(y6), Math.abs(y7)));
            peak = Math.max(peak, Math.max(m03, m47));
        }
        for (; k < n; k++) {
            double y = 0;
            for (int j = 0, q = k + 1; j < TAPS_PER_PHASE; j++, q++) {
                y += h[j] * line[q];
            }
            peak = Math.max(peak, Math.abs(y));
        }
        return peak;
    }

    private void publish() {
        double m = 0;
        for (double p : peaks) {
            m = Math.max(m, p);
        }
        overallPeak = m;
    }

    /** Highest true peak over all channels since the last reset, dBTP; -inf for silence. Snapshot, any thread. */
    public double truePeakDbtp() {
        return org.mixlab.dsp.DspMath.gainToDb(overallPeak);
    }

    /** Highest true peak over all channels as a linear amplitude (1.0 = full scale). Snapshot, any thread. */
    public double truePeakLinear() {
        return overallPeak;
    }

    /** Channel {@code channel}'s true peak since the last reset, dBTP; read on the adding thread. */
    public double truePeakDbtp(int channel) {
        return org.mixlab.dsp.DspMath.gainToDb(peaks[channel]);
    }

    /** Clears the interpolator history and the held peaks; never allocates. Call from the adding thread. */
    public void reset() {
        for (int c = 0; c < channels; c++) {
            java.util.Arrays.fill(lines[c], 0.0);
            peaks[c] = 0;
        }
        overallPeak = 0;
    }

    /** Clears only the held peaks (keeps the interpolator history); never allocates. */
    public void resetPeaks() {
        java.util.Arrays.fill(peaks, 0.0);
        overallPeak = 0;
    }
}
