package org.mixlab.analysis;

import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.DspMath;

/**
 * Sample peak, RMS and crest factor. Conventions: dBFS relative to digital full scale, so a full-scale sine has a
 * peak of 0.0 dBFS and an RMS of -3.01 dB (plain RMS, no AES17 +3 dB correction). RMS is measured both over a
 * sliding rectangular window (default 300 ms) and over everything added since the last reset; multichannel RMS is
 * the power mean over channels.
 *
 * <p>Threading: call {@link #add} from one thread; it never allocates. The whole-signal getters without a channel
 * argument are volatile snapshots updated at the end of every add, safe from any thread; per-channel getters are
 * for the adding thread or after adding has finished.
 */
public final class LevelMeter {
    /** Default RMS window, ms. */
    public static final double DEFAULT_RMS_WINDOW_MS = 300.0;

    private final int channels;
    private final int windowLength;
    private final double[][] squares; // ring of squared samples per channel
    private final double[] windowSums;
    private final double[] totalSums;
    private final double[] peaks;
    private int ringIndex;
    private long frames;
    private volatile double peakSnapshot;
    private volatile double windowPowerSnapshot;
    private volatile double totalPowerSnapshot;

    /** A meter for {@code channels} (1 to 8) at {@code sampleRate} Hz with the default 300 ms RMS window. */
    public LevelMeter(int channels, double sampleRate) {
        this(channels, sampleRate, DEFAULT_RMS_WINDOW_MS);
    }

    /** A meter with an RMS window of {@code rmsWindowMs} (1 to 10,000 ms, default 300). */
    public LevelMeter(int channels, double sampleRate, double rmsWindowMs) {
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("level meter channel count must be 1 to 8, was " + channels);
        }
        if (!(sampleRate >= 1_000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 1,000 to 384,000 Hz");
        }
        if (!(rmsWindowMs >= 1 && rmsWindowMs <= 10_000)) {
            throw new IllegalArgumentException("rmsWindowMs must be 1 to 10,000 ms, was " + rmsWindowMs);
        }
        this.channels = channels;
        this.windowLength = Math.max(1, (int) Math.round(rmsWindowMs * sampleRate / 1000.0));
        this.squares = new double[channels][windowLength];
        this.windowSums = new double[channels];
        this.totalSums = new double[channels];
        this.peaks = new double[channels];
    }

    /** Adds the valid samples of {@code block} (up to this meter's channel count); never allocates. */
    public void add(AudioBlock block) {
        int used = Math.min(channels, block.numChannels());
        addFrames(block, null, 0, block.numSamples(), used);
    }

    /** Adds {@code frames} frames of planar audio from {@code offset}; needs at least {@code channels} arrays. */
    public void add(float[][] planar, int offset, int frames) {
        if (planar.length < channels) {
            throw new IllegalArgumentException("level meter needs " + channels + " channels, got " + planar.length);
        }
        addFrames(null, planar, offset, frames, channels);
    }

    private void addFrames(AudioBlock block, float[][] planar, int offset, int count, int used) {
        int done = 0;
        while (done < count) {
            // process up to the ring's wrap so every channel shares one ring index
            int chunk = Math.min(count - done, windowLength - ringIndex);
            for (int c = 0; c < used; c++) {
                float[] x = block != null ? block.channel(c) : planar[c];
                double[] sq = squares[c];
                double sum = windowSums[c];
                double total = 0;
                double peak = peaks[c];
                for (int i = 0; i < chunk; i++) {
                    double v = x[offset + done + i];
                    if (!(Math.abs(v) < 1e30)) {
                        v = 0; // NaN and infinities are not measured
                    }
                    double s = v * v;
                    int r = ringIndex + i;
                    sum += s - sq[r];
                    sq[r] = s;
                    total += s;
                    double a = Math.abs(v);
                    if (a > peak) {
                        peak = a;
                    }
                }
                windowSums[c] = sum;
                totalSums[c] += total;
                peaks[c] = peak;
            }
            done += chunk;
            ringIndex += chunk;
            if (ringIndex == windowLength) {
                ringIndex = 0;
                // re-sum once per window so the running sums never drift
                for (int c = 0; c < channels; c++) {
                    double s = 0;
                    for (double v : squares[c]) {
                        s += v;
                    }
                    windowSums[c] = s;
                }
            }
        }
        frames += count;
        publish();
    }

    private void publish() {
        double peak = 0, window = 0, total = 0;
        for (int c = 0; c < channels; c++) {
            peak = Math.max(peak, peaks[c]);
            window += windowSums[c];
            total += totalSums[c];
        }
        peakSnapshot = peak;
        windowPowerSnapshot = Math.max(0, window) / ((double) windowLength * channels);
        totalPowerSnapshot = frames == 0 ? 0 : total / ((double) frames * channels);
    }

    /** Highest absolute sample over all channels since the last reset, dBFS; -inf for silence. Snapshot. */
    public double samplePeakDbfs() {
        return DspMath.gainToDb(peakSnapshot);
    }

    /** Channel {@code channel}'s sample peak, dBFS; adding thread. */
    public double samplePeakDbfs(int channel) {
        return DspMath.gainToDb(peaks[channel]);
    }

    /** RMS over everything added since the last reset (power mean over channels), dB; -inf for silence. Snapshot. */
    public double rmsDb() {
        return DspMath.powerToDb(totalPowerSnapshot);
    }

    /** Channel {@code channel}'s RMS since the last reset, dB; adding thread. */
    public double rmsDb(int channel) {
        return frames == 0 ? Double.NEGATIVE_INFINITY : DspMath.powerToDb(totalSums[channel] / frames);
    }

    /** RMS over the last window (zeros before the first window is full), dB. Snapshot, any thread. */
    public double windowRmsDb() {
        return DspMath.powerToDb(windowPowerSnapshot);
    }

    /** Channel {@code channel}'s RMS over the last window, dB; adding thread. */
    public double windowRmsDb(int channel) {
        return DspMath.powerToDb(Math.max(0, windowSums[channel]) / windowLength);
    }

    /** Crest factor (sample peak minus whole-signal RMS), dB; a sine gives 3.01 dB; -inf for silence. Snapshot. */
    public double crestFactorDb() {
        double p = peakSnapshot, t = totalPowerSnapshot;
        return p <= 0 || t <= 0 ? Double.NEGATIVE_INFINITY : DspMath.gainToDb(p) - DspMath.powerToDb(t);
    }

    /** Peak-to-loudness ratio (true peak dBTP minus integrated loudness LUFS), LU; -inf when either is undefined. */
    public static double plrDb(double truePeakDbtp, double integratedLufs) {
        if (Double.isInfinite(truePeakDbtp) || Double.isInfinite(integratedLufs)) {
            return Double.NEGATIVE_INFINITY;
        }
        return truePeakDbtp - integratedLufs;
    }

    /** Frames added since the last reset. */
    public long framesAdded() {
        return frames;
    }

    /** Length of the RMS window in samples. */
    public int windowSamples() {
        return windowLength;
    }

    /** Clears peaks, window and totals; never allocates. Call from the adding thread. */
    public void reset() {
        for (int c = 0; c < channels; c++) {
            java.util.Arrays.fill(squares[c], 0.0);
            windowSums[c] = 0;
            totalSums[c] = 0;
            peaks[c] = 0;
        }
        ringIndex = 0;
        frames = 0;
        publish();
    }
}
