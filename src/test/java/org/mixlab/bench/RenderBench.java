package org.mixlab.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mixlab.analysis.LoudnessMeter;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.graph.SessionGraph;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Session render throughput: N tracks, each with EQ, compressor and saturation and a reverb send; the master with
 * EQ, glue compressor, mid/side and a true-peak limiter, whose output feeds a BS.1770 loudness meter. One benchmark
 * op renders one second of 48 kHz audio, so "real-time factor" = 1000 ms / (ms per op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBench {
    /** Number of tracks. */
    @Param({"8", "16"})
    public int tracks;

    private SessionGraph graph;
    private AudioBlock out;
    private LoudnessMeter meter;
    private static final int BLOCK = 512;
    private static final double RATE = 48_000;

    static InsertModel insert(String type, Object... kv) {
        InsertModel m = new InsertModel();
        m.type = type;
        m.id = type + "1";
        for (int i = 0; i < kv.length; i += 2) {
            m.params.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    /** Builds the benchmark session with noise stems. */
    public static Session session(int n) {
        Session s = new Session();
        s.sampleRate = RATE;
        AuxModel verb = new AuxModel();
        verb.id = "verb";
        verb.name = "Reverb";
        verb.inserts.add(insert("reverb"));
        s.auxes.add(verb);
        for (int t = 0; t < n; t++) {
            TrackModel tr = new TrackModel();
            tr.id = "t" + t;
            tr.name = "Track " + t;
            tr.file = tr.id + ".wav";
            tr.pan = -60 + 120.0 * t / Math.max(1, n - 1);
            tr.inserts.add(insert("eq", "hpOn", 1, "b1On", 1, "b1GainDb", -3, "b2On", 1, "b2GainDb", 2,
                    "b3On", 1, "b3GainDb", -2, "b4On", 1, "b4GainDb", 3));
            if (ProcessorRegistry.has("compressor")) {
                tr.inserts.add(insert("compressor", "thresholdDb", -24, "ratio", 4));
            }
            tr.inserts.add(insert("saturation", "driveDb", 6));
            SendModel send = new SendModel();
            send.to = "verb";
            send.levelDb = -18;
            tr.sends.add(send);
            s.tracks.add(tr);
        }
        s.master.inserts.add(insert("eq", "lowShelfOn", 1, "lowShelfGainDb", 1));
        if (ProcessorRegistry.has("compressor")) {
            s.master.inserts.add(insert("compressor", "thresholdDb", -12, "ratio", 2));
        }
        s.master.inserts.add(insert("midside", "monoOn", 1));
        if (ProcessorRegistry.has("limiter")) {
            s.master.inserts.add(insert("limiter", "inputDb", 6));
        }
        return s;
    }

    /** Prepares the graph with 20 s noise stems. */
    @Setup(Level.Trial)
    public void setup() {
        Session s = session(tracks);
        Map<String, float[][]> stems = new HashMap<>();
        Random r = new Random(1);
        for (TrackModel t : s.tracks) {
            float[] a = new float[(int) (RATE * 20)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextGaussian() * 0.1);
            }
            stems.put(t.id, new float[][] {a});
        }
        graph = SessionGraph.build(s, stems, new ProcessSpec(RATE, BLOCK, 2), false);
        out = new AudioBlock(2, BLOCK);
        meter = new LoudnessMeter(2, RATE);
    }

    /** Renders one second of audio (wrapping around inside the 20 s stems). */
    @Benchmark
    public float renderOneSecond() {
        if (graph.position() > RATE * 18) {
            graph.setPosition(0);
        }
        int frames = (int) RATE;
        float acc = 0;
        for (int done = 0; done < frames; done += BLOCK) {
            graph.process(out, BLOCK);
            meter.add(out);
            acc += out.channel(0)[0];
        }
        return acc + (float) meter.momentaryLufs();
    }
}
