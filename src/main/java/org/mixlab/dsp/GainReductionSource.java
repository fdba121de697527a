package org.mixlab.dsp;

/** A dynamics processor that publishes its current gain reduction for the UI and for scoring. */
public interface GainReductionSource {
    /**
     * Gain reduction during the most recent processed block, in dB, 0 or positive (6.0 means 6 dB of reduction).
     * Written once per block by the audio thread (volatile), readable from any thread.
     */
    double gainReductionDb();
}
