package org.mixlab.dsp;

/** Small helpers shared by the effect processors. */
final class FxSupport {
    private FxSupport() {}

    /** True when every valid sample in the block's used channels is finite (no NaN, no infinity). */
    static boolean finite(AudioBlock block) {
        double acc = 0;
        int n = block.numSamples();
        for (int c = 0; c < block.numChannels(); c++) {
            float[] d = block.channel(c);
            for (int i = 0; i < n; i++) {
                acc += d[i] * 0.0;
            }
        }
        return acc == 0.0;
    }
}
