package org.mixlab.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** The engine's whole block path allocates nothing, with every processor type inserted and controls moving. */
class EngineAllocationTest {
    @Test
    @DisplayName("10,000 engine blocks after warm-up allocate 0 bytes, every processor type in the graph")
    void blockPathDoesNotAllocate() {
        Session s = new Session();
        s.sampleRate = 48_000;
        AuxModel aux = new AuxModel();
        aux.id = "fx";
        aux.name = "FX";
        s.auxes.add(aux);
        Map<String, float[][]> stems = new HashMap<>();
        Random r = new Random(2);
        int k = 0;
        for (String type : ProcessorRegistry.types()) {
            TrackModel t = new TrackModel();
            t.id = "t" + k++;
            t.name = type;
            t.file = t.id + ".wav";
            InsertModel im = new InsertModel();
            im.id = type + "1";
            im.type = type;
            t.inserts.add(im);
            SendModel send = new SendModel();
            send.to = "fx";
            send.levelDb = -10;
            send.pre = k % 2 == 0;
            t.sends.add(send);
            s.tracks.add(t);
            float[] a = new float[48_000];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (0.2 * r.nextGaussian());
            }
            stems.put(t.id, new float[][] {a});
            if (type.equals("reverb") || type.equals("delay")) {
                aux.inserts.add(im.copy());
            }
        }
        InsertModel lim = new InsertModel();
        lim.id = "lim";
        lim.type = "limiter";
        s.master.inserts.add(lim);
        SessionGraph g = SessionGraph.build(s, stems, new ProcessSpec(48_000, 64, 2), false);
        AudioBlock out = new AudioBlock(2, 64);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        mx.getThreadAllocatedBytes(tid);
        StripNode first = g.strip("t0");
        StripNode[] strips = g.strips().toArray(new StripNode[0]);
        // one warm-up window, then up to three measured windows of 10,000 blocks; a real allocation shows in each,
        // a one-off allocation by the JIT in at most one, so the least of the windows is what process() allocates
        long least = Long.MAX_VALUE;
        int block = 0;
        for (int window = 0; window < 4 && least > 0; window++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int n = 0; n < 10_000; n++, block++) {
                if (g.position() > 40_000) {
                    g.setPosition(0);
                }
                first.bank().set(StripNode.GAIN_DB, -(block % 40));
                first.bank().set(StripNode.PAN, (block % 200) - 100);
                for (StripNode strip : strips) {
                    for (InsertSlot slot : strip.inserts()) {
                        slot.setParam(0, slot.processor().params().get(0).fromNormalized((block % 50) / 49.0));
                    }
                }
                g.process(out, 64);
            }
            long used = mx.getThreadAllocatedBytes(tid) - before;
            if (window > 0) {
                least = Math.min(least, used);
            }
        }
        assertThat(least).as("bytes allocated over 10,000 blocks (least of the measured windows)").isZero();
    }
}
