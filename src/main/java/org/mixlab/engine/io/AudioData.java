package org.mixlab.engine.io;

import java.util.Objects;
import org.mixlab.dsp.Resampler;

/**
 * Decoded audio: planar float samples (nominally -1..1; floating-point files may exceed that and are kept as they are),
 * the sample rate and a description of the stored word length. The arrays are shared, not copied.
 */
public final class AudioData {
    private final float[][] samples;
    private final double sampleRate;
    private final int bitsPerSample;
    private final boolean floatingPoint;

    /**
     * Wraps {@code samples} (one array per channel, all the same length, at least one channel) at {@code sampleRate}
     * Hz (> 0), decoded from {@code bitsPerSample}-bit words (1..64) that were floating point or integer.
     */
    public AudioData(float[][] samples, double sampleRate, int bitsPerSample, boolean floatingPoint) {
        Objects.requireNonNull(samples, "samples");
        if (samples.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        int n = -1;
        for (float[] ch : samples) {
            Objects.requireNonNull(ch, "channel");
            if (n >= 0 && ch.length != n) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
            n = ch.length;
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (bitsPerSample < 1 || bitsPerSample > 64) {
            throw new IllegalArgumentException("bits per sample must be 1..64: " + bitsPerSample);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.bitsPerSample = bitsPerSample;
        this.floatingPoint = floatingPoint;
    }

    /** Planar samples, {@code samples()[channel][frame]}; the arrays themselves, not a copy. */
    public float[][] samples() {
        return samples;
    }

    /** Sample rate in Hz. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Word length the samples were stored with (valid bits), e.g. 16, 24, 32 or 64. */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** True when the stored samples were IEEE floating point. */
    public boolean floatingPoint() {
        return floatingPoint;
    }

    /** Number of channels, 1 or more. */
    public int channels() {
        return samples.length;
    }

    /** Number of sample frames (samples per channel). */
    public int frames() {
        return samples[0].length;
    }

    /** Duration in seconds. */
    public double durationS() {
        return frames() / sampleRate;
    }

    /**
     * This audio at {@code targetRateHz} (> 0), resampled with {@link Resampler}; returns {@code this} when the rate
     * is already equal. The word-length description is kept.
     */
    public AudioData resampledTo(double targetRateHz) {
        if (targetRateHz == sampleRate) {
            return this;
        }
        return new AudioData(Resampler.resample(samples, sampleRate, targetRateHz), targetRateHz, bitsPerSample,
                floatingPoint);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "AudioData[%d ch, %d frames, %.0f Hz, %d-bit %s]", channels(),
                frames(), sampleRate, bitsPerSample, floatingPoint ? "float" : "PCM");
    }
}
