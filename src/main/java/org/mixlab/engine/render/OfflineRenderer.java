package org.mixlab.engine.render;

import java.util.Map;
import java.util.function.DoubleConsumer;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.engine.graph.SessionGraph;
import org.mixlab.engine.session.Session;

/**
 * Renders a session to a stereo buffer faster than real time, through exactly the graph the live engine plays
 * (deterministic: the same session and stems always give the same samples). The graph's latency is removed.
 */
public final class OfflineRenderer {
    /** Block size used for offline renders, frames. */
    public static final int BLOCK = 512;

    private OfflineRenderer() {}

    /**
     * Renders {@code session}.
     *
     * @param stems    each track's audio at the session rate, by track id
     * @param tailS    seconds rendered after the longest stem ends (reverb and delay tails), 0 to 30
     * @param plain    true for the unprocessed version (unity, centred, no inserts)
     * @param progress receives 0..1 as the render advances (may be null)
     * @return planar stereo samples
     */
    public static float[][] render(Session session, Map<String, float[][]> stems, double tailS, boolean plain,
                                   DoubleConsumer progress) {
        ProcessSpec spec = new ProcessSpec(session.sampleRate, BLOCK, SessionGraph.CHANNELS);
        SessionGraph g = SessionGraph.build(session, stems, spec, plain);
        return render(g, Math.max(0, Math.min(30, tailS)), progress);
    }

    /** Renders a prepared graph from its start; see {@link #render(Session, Map, double, boolean, DoubleConsumer)}. */
    public static float[][] render(SessionGraph g, double tailS, DoubleConsumer progress) {
        double rate = g.spec().sampleRate();
        long total = g.lengthFrames() + Math.round(tailS * rate);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("render of " + total + " frames is too long");
        }
        int latency = g.latencySamples();
        float[][] out = new float[2][(int) total];
        AudioBlock block = new AudioBlock(2, BLOCK);
        g.reset();
        g.setPosition(0);
        long produced = -latency; // output frame index of the next block's first sample
        long lastReport = 0;
        while (produced < total) {
            int n = BLOCK;
            g.process(block, n);
            for (int c = 0; c < 2; c++) {
                float[] src = block.channel(c);
                for (int i = 0; i < n; i++) {
                    long o = produced + i;
                    if (o >= 0 && o < total) {
                        out[c][(int) o] = src[i];
                    }
                }
            }
            produced += n;
            if (progress != null && produced - lastReport > rate) {
                lastReport = produced;
                progress.accept(Math.min(1.0, produced / (double) total));
            }
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        return out;
    }
}
