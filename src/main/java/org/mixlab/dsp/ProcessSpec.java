package org.mixlab.dsp;

/**
 * What a processor is prepared for: sample rate, the largest block it will be handed, and the channel count.
 *
 * @param sampleRate   samples per second, 8,000 to 192,000
 * @param maxBlockSize the largest {@link AudioBlock#numSamples()} that will be passed to process, at least 1
 * @param channels     number of channels, 1 to 8
 */
public record ProcessSpec(double sampleRate, int maxBlockSize, int channels) {
    /** Validates the ranges above. */
    public ProcessSpec {
        if (!(sampleRate >= 8_000 && sampleRate <= 192_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8,000 to 192,000 Hz");
        }
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("max block size must be at least 1, was " + maxBlockSize);
        }
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("channel count must be 1 to 8, was " + channels);
        }
    }

    /** The same spec with another channel count. */
    public ProcessSpec withChannels(int newChannels) {
        return new ProcessSpec(sampleRate, maxBlockSize, newChannels);
    }
}
