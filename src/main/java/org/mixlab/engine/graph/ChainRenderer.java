package org.mixlab.engine.graph;

import java.util.List;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.engine.session.InsertModel;

/** Runs audio through a chain of inserts offline (the same slots the mixer uses), with the latency removed. */
public final class ChainRenderer {
    private ChainRenderer() {}

    /**
     * Processes {@code in} (planar, 1 or 2 channels) through the chain and returns audio of the same length, aligned
     * with the input (processor latency removed). A mono input that a processor turns stereo (pan) comes out stereo.
     */
    public static float[][] render(float[][] in, double sampleRate, List<InsertModel> chain, double tempoBpm) {
        return render(in, sampleRate, chain, tempoBpm, 0);
    }

    /**
     * As {@link #render(float[][], double, List, double)}, with {@code tailFrames} (0 or more) of silence run through
     * the chain after the input, so reverb and delay tails ring out; the result is that much longer.
     */
    public static float[][] render(float[][] in, double sampleRate, List<InsertModel> chain, double tempoBpm,
            int tailFrames) {
        int block = 512;
        int chs = Math.min(2, in.length);
        ProcessSpec spec = new ProcessSpec(sampleRate, block, 2);
        InsertSlot[] slots = new InsertSlot[chain.size()];
        int latency = 0;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = SessionGraph.slot(chain.get(i), tempoBpm);
            slots[i].prepare(spec);
            latency += slots[i].latencySamples();
        }
        int inFrames = in[0].length;
        int frames = inFrames + Math.max(0, tailFrames);
        float[][] out = new float[2][frames];
        int outChs = chs;
        AudioBlock b = new AudioBlock(2, block);
        for (long pos = 0; pos < frames + latency; pos += block) {
            b.setNumChannels(chs);
            b.setNumSamples(block);
            for (int c = 0; c < chs; c++) {
                float[] d = b.channel(c);
                for (int i = 0; i < block; i++) {
                    long p = pos + i;
                    d[i] = p < inFrames ? in[c][(int) p] : 0f;
                }
            }
            for (InsertSlot s : slots) {
                s.process(b);
            }
            outChs = Math.max(outChs, b.numChannels());
            for (int c = 0; c < b.numChannels(); c++) {
                float[] d = b.channel(c);
                for (int i = 0; i < block; i++) {
                    long o = pos + i - latency;
                    if (o >= 0 && o < frames) {
                        out[c][(int) o] = d[i];
                    }
                }
            }
        }
        if (outChs == 1) {
            return new float[][] {out[0]};
        }
        return out;
    }
}
