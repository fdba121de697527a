package org.mixlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mixlab.analysis.LoudnessMeter;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.graph.SessionGraph;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/**
 * The same workloads as {@link RenderBench} and {@link ProcessorBench}, timed with the thread's CPU time instead of
 * the wall clock. On a shared, overloaded machine the wall clock mostly measures how long the thread waited for a
 * core; CPU time measures the work. Each figure is the best of several repetitions after a warm-up.
 * Run: {@code java -cp ... org.mixlab.bench.CpuTimeBench [render|processors|all|TYPE] [reps]}, where TYPE is one
 * processor type id (that processor alone, in a fresh JVM).
 */
public final class CpuTimeBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double RATE = 48_000;
    private static final int BLOCK = 512;

    private CpuTimeBench() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (what.equals("all") || what.equals("render")) {
            for (int tracks : new int[] {8, 16}) {
                render(tracks, reps);
            }
        }
        if (what.equals("all") || what.equals("processors")) {
            for (String type : new String[] {"gain", "pan", "eq", "compressor", "gate", "saturation", "reverb",
                    "delay", "chorus", "flanger", "phaser", "midside", "clipper", "limiter"}) {
                processor(type, reps);
            }
        }
        if (ProcessorRegistry.has(what)) {
            processor(what, reps);
        }
    }

    private static void render(int tracks, int reps) {
        Session s = RenderBench.session(tracks);
        Map<String, float[][]> stems = new HashMap<>();
        Random r = new Random(1);
        for (TrackModel t : s.tracks) {
            float[] a = new float[(int) (RATE * 20)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextGaussian() * 0.1);
            }
            stems.put(t.id, new float[][] {a});
        }
        SessionGraph graph = SessionGraph.build(s, stems, new ProcessSpec(RATE, BLOCK, 2), false);
        AudioBlock out = new AudioBlock(2, BLOCK);
        LoudnessMeter meter = new LoudnessMeter(2, RATE);
        float sink = 0;
        for (int w = 0; w < 4; w++) {
            sink += renderSecond(graph, out, meter);
        }
        long best = Long.MAX_VALUE;
        for (int k = 0; k < reps; k++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            sink += renderSecond(graph, out, meter);
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
        }
        System.out.printf(Locale.ROOT, "render tracks=%d  cpu ms per second of audio %.1f  x real time %.1f  (%s)%n",
                tracks, best / 1e6, 1e9 / best, sink == 12345 ? "!" : "");
    }

    private static float renderSecond(SessionGraph graph, AudioBlock out, LoudnessMeter meter) {
        if (graph.position() > RATE * 18) {
            graph.setPosition(0);
        }
        float acc = 0;
        for (int done = 0; done < RATE; done += BLOCK) {
            graph.process(out, BLOCK);
            meter.add(out);
            acc += out.channel(0)[0];
        }
        return acc;
    }

    private static void processor(String type, int reps) {
        Processor p = ProcessorRegistry.create(type);
        if (type.equals("eq")) {
            for (String id : new String[] {"hpOn", "b1On", "b2On", "b3On", "b4On"}) {
                p.setParameter(id, 1);
            }
            p.setParameter("b2GainDb", -4);
        }
        p.prepare(new ProcessSpec(RATE, BLOCK, 2));
        AudioBlock block = new AudioBlock(2, BLOCK);
        float[] noise = new float[48_000 + BLOCK];
        Random r = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.25 * r.nextGaussian());
        }
        int blocks = 94; // about one second
        float sink = 0;
        int offset = 0;
        long best = Long.MAX_VALUE;
        for (int k = -10; k < reps; k++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int b = 0; b < blocks; b++) {
                block.setNumChannels(2);
                block.setNumSamples(BLOCK);
                System.arraycopy(noise, offset, block.channel(0), 0, BLOCK);
                System.arraycopy(noise, offset + 7, block.channel(1), 0, BLOCK - 7);
                offset = (offset + BLOCK) % 48_000;
                p.process(block);
                sink += block.channel(0)[17];
            }
            long dt = THREADS.getCurrentThreadCpuTime() - t0;
            if (k >= 0) {
                best = Math.min(best, dt);
            }
        }
        double nsPerFrame = best / (double) (blocks * BLOCK);
        System.out.printf(Locale.ROOT, "processor %-10s ns per stereo frame %8.1f  ns per channel sample %8.1f %s%n",
                type, nsPerFrame, nsPerFrame / 2, sink == 12345 ? "!" : "");
    }
}
