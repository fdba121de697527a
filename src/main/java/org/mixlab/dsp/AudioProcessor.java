package org.mixlab.dsp;

/**
 * The one shape every MixLab processor has (after JUCE's dsp module).
 * <ul>
 *   <li>{@link #prepare(ProcessSpec)} may allocate: size every buffer for the worst case here.</li>
 *   <li>{@link #reset()} clears state (delay lines, envelopes, filter memories) without allocating.</li>
 *   <li>{@link #process(AudioBlock)} runs on the audio thread: it never allocates, locks, logs or does I/O.</li>
 * </ul>
 */
public interface AudioProcessor {
    /** Prepares for the given rate, block size and channel count; may allocate. Calls reset. */
    void prepare(ProcessSpec spec);

    /** Clears all internal state; never allocates. */
    void reset();

    /** Processes the block in place; never allocates, locks, logs or does I/O. */
    void process(AudioBlock block);

    /** Latency this processor adds, in samples at the prepared rate; default 0. */
    default int latencySamples() {
        return 0;
    }
}
