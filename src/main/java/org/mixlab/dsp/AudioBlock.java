package org.mixlab.dsp;

import java.util.Arrays;

/**
 * A block of planar float audio: {@code numChannels} arrays, of which the first {@code numSamples} samples are valid.
 * The arrays are owned by whoever created the block and are reused block after block; processors work in place.
 */
public final class AudioBlock {
    private final float[][] data;
    private int numChannels;
    private int numSamples;

    /** Allocates a block of {@code channels} channels, each {@code capacity} samples long; numSamples starts at capacity. */
    public AudioBlock(int channels, int capacity) {
        this(new float[channels][capacity], capacity);
    }

    /** Wraps existing arrays (not copied); all arrays must be at least {@code numSamples} long. */
    public AudioBlock(float[][] data, int numSamples) {
        this.data = data;
        this.numChannels = data.length;
        setNumSamples(numSamples);
    }

    /** Channel {@code c}'s sample array; only the first {@link #numSamples()} samples are valid. */
    public float[] channel(int c) {
        return data[c];
    }

    /** Number of channels in use, 1 to the allocated count. */
    public int numChannels() {
        return numChannels;
    }

    /** Number of valid samples per channel, 0 to {@link #capacity()}. */
    public int numSamples() {
        return numSamples;
    }

    /** The allocated length of each channel. */
    public int capacity() {
        return data.length == 0 ? 0 : data[0].length;
    }

    /** The allocated channel count. */
    public int allocatedChannels() {
        return data.length;
    }

    /** Sets the valid length; never allocates. */
    public void setNumSamples(int n) {
        if (n < 0 || (data.length > 0 && n > data[0].length)) {
            throw new IllegalArgumentException("block length " + n + " exceeds capacity " + capacity());
        }
        numSamples = n;
    }

    /** Sets how many of the allocated channels are in use; never allocates. */
    public void setNumChannels(int n) {
        if (n < 0 || n > data.length) {
            throw new IllegalArgumentException("channel count " + n + " exceeds allocated " + data.length);
        }
        numChannels = n;
    }

    /** Zeroes the valid region of every channel in use. */
    public void clear() {
        for (int c = 0; c < numChannels; c++) {
            Arrays.fill(data[c], 0, numSamples, 0f);
        }
    }

    /**
     * Copies {@code src} into this block, sample count included. A mono source fills every channel of this block;
     * a source with more channels than this block is summed down to mono when this block is mono, otherwise extra
     * channels are dropped.
     */
    public void copyFrom(AudioBlock src) {
        setNumSamples(src.numSamples);
        int n = src.numSamples;
        if (src.numChannels == 1) {
            for (int c = 0; c < numChannels; c++) {
                System.arraycopy(src.data[0], 0, data[c], 0, n);
            }
        } else if (numChannels == 1) {
            float[] out = data[0];
            float scale = 1f / src.numChannels;
            Arrays.fill(out, 0, n, 0f);
            for (int c = 0; c < src.numChannels; c++) {
                float[] in = src.data[c];
                for (int i = 0; i < n; i++) {
                    out[i] += in[i] * scale;
                }
            }
        } else {
            for (int c = 0; c < numChannels; c++) {
                System.arraycopy(src.data[Math.min(c, src.numChannels - 1)], 0, data[c], 0, n);
            }
        }
    }

    /** Adds {@code gain * src} into this block over its current length (mono sources feed every channel). */
    public void addFrom(AudioBlock src, float gain) {
        int n = Math.min(numSamples, src.numSamples);
        for (int c = 0; c < numChannels; c++) {
            float[] in = src.data[src.numChannels == 1 ? 0 : Math.min(c, src.numChannels - 1)];
            float[] out = data[c];
            for (int i = 0; i < n; i++) {
                out[i] += gain * in[i];
            }
        }
    }

    /** Multiplies every valid sample by {@code gain}. */
    public void applyGain(float gain) {
        for (int c = 0; c < numChannels; c++) {
            float[] d = data[c];
            for (int i = 0; i < numSamples; i++) {
                d[i] *= gain;
            }
        }
    }
}
