package org.mixlab.analysis;

/**
 * Long-term average spectrum (LTAS): the mean Parseval-calibrated power spectrum (see {@link SpectrumAnalyzer})
 * of Hann-windowed frames with 50 % overlap, averaged over frames and over channels (power, not a mono fold-down,
 * so out-of-phase content is not cancelled). Usable offline ({@link #of}) and streaming: {@link #add} never
 * allocates and a frame is analysed each time {@code fftSize / 2} new samples have arrived. Not thread-safe.
 */
public final class LongTermSpectrum {
    private final int channels;
    private final int size;
    private final SpectrumAnalyzer analyzer;
    private final float[][] frames;  // per-channel linear buffers of the current frame
    private final double[] framePower;
    private final double[] sum;
    private int fill;
    private long frameCount;

    /** An LTAS for {@code channels} (1 to 8) with {@code fftSize} points (power of two, 256 to 65,536). */
    public LongTermSpectrum(int channels, int fftSize, double sampleRate) {
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("long-term spectrum channel count must be 1 to 8, was " + channels);
        }
        this.channels = channels;
        this.analyzer = new SpectrumAnalyzer(fftSize, sampleRate);
        this.size = fftSize;
        this.frames = new float[channels][fftSize];
        this.framePower = new double[fftSize / 2 + 1];
        this.sum = new double[fftSize / 2 + 1];
    }

    /** The mean power spectrum of {@code planar} (all channels, whole length) with {@code fftSize} points. */
    public static double[] of(float[][] planar, double sampleRate, int fftSize) {
        LongTermSpectrum lts = new LongTermSpectrum(planar.length, fftSize, sampleRate);
        lts.add(planar, 0, planar[0].length);
        double[] out = new double[fftSize / 2 + 1];
        lts.meanPower(out);
        return out;
    }

    /** Adds the valid samples of {@code block}'s first {@code channels} channels; never allocates. */
    public void add(org.mixlab.dsp.AudioBlock block) {
        if (block.numChannels() < channels) {
            throw new IllegalArgumentException("long-term spectrum needs " + channels + " channels, got "
                    + block.numChannels());
        }
        int n = block.numSamples();
        int pos = 0;
        while (pos < n) {
            int m = Math.min(n - pos, size - fill);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block.channel(c), pos, frames[c], fill, m);
            }
            pos += m;
            advance(m);
        }
    }

    /** Adds {@code count} frames of planar audio from {@code offset}; never allocates. */
    public void add(float[][] planar, int offset, int count) {
        if (planar.length < channels) {
            throw new IllegalArgumentException("long-term spectrum needs " + channels + " channels, got "
                    + planar.length);
        }
        int pos = offset, end = offset + count;
        while (pos < end) {
            int n = Math.min(end - pos, size - fill);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(planar[c], pos, frames[c], fill, n);
            }
            pos += n;
            advance(n);
        }
    }

    private void advance(int n) {
        fill += n;
        if (fill == size) {
            analyseFrame();
            int hop = size / 2;
            for (int c = 0; c < channels; c++) {
                System.arraycopy(frames[c], hop, frames[c], 0, size - hop);
            }
            fill = size - hop;
        }
    }

    private void analyseFrame() {
        for (int c = 0; c < channels; c++) {
            analyzer.powerSpectrum(frames[c], 0, framePower);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += framePower[k];
            }
        }
        frameCount++;
    }

    /** Frames analysed so far. */
    public long frameCount() {
        return frameCount;
    }

    /** Mean power per bin (linear, channels averaged) into {@code out} ({@code fftSize / 2 + 1}); zeros if none. */
    public void meanPower(double[] out) {
        double scale = frameCount == 0 ? 0 : 1.0 / (frameCount * channels);
        for (int k = 0; k < sum.length; k++) {
            out[k] = sum[k] * scale;
        }
    }

    /** Centre frequency of bin {@code k}, Hz. */
    public double binFrequencyHz(int k) {
        return analyzer.binFrequencyHz(k);
    }

    /** Clears everything; never allocates. */
    public void reset() {
        java.util.Arrays.fill(sum, 0.0);
        fill = 0;
        frameCount = 0;
    }
}
