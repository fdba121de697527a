package org.mixlab.bench;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mixlab.engine.live.LiveMix;
import org.mixlab.engine.live.StemSource;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One audio block of the live engine, as the sound device asks for it: {@link LiveMix} renders the student's mix,
 * the unprocessed mix and the reference for every block (so A/B switches are gapless), meters the heard source and
 * feeds the spectrum ring. The session is {@link RenderBench#session(int)} at 44.1 kHz (16 tracks, each EQ,
 * compressor, saturation and a reverb send; master EQ, compressor, mid/side, limiter) on 20 s noise stems; the
 * reference is a second session of the same shape ("session") or absent ("none"). One op = one 256-frame block,
 * whose real-time budget at 44.1 kHz is 256 / 44100 s = 5.80 ms. The block is rendered through the engine's
 * private render method (the one the transport calls), reached by reflection so src/main needs no test hook.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AudioBlockBench {
    /** Number of tracks. */
    @Param({"16"})
    public int tracks;

    /** Reference: "session" (a second 16-track graph, the app's case) or "none". */
    @Param({"session", "none"})
    public String reference;

    private static final double RATE = 44_100;
    private LiveMix engine;
    private Method render;
    private final float[] left = new float[LiveMix.BLOCK];
    private final float[] right = new float[LiveMix.BLOCK];

    /** Noise stems (20 s, mono) for every track of a session. */
    static StemSource noiseStems() {
        return session -> {
            Map<String, float[][]> stems = new HashMap<>();
            Random r = new Random(session.tracks.size());
            for (TrackModel t : session.tracks) {
                float[] a = new float[(int) (session.sampleRate * 20)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) (r.nextGaussian() * 0.1);
                }
                stems.put(t.id, new float[][] {a});
            }
            return stems;
        };
    }

    /** The benchmark session at 44.1 kHz. */
    static Session session44k(int n) {
        Session s = RenderBench.session(n);
        s.sampleRate = RATE;
        return s;
    }

    /** Builds the engine (silent clock, never started) and waits for its background loudness measurement. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        System.setProperty("mixlab.audio", "none");
        engine = new LiveMix(session44k(tracks), noiseStems(), 20);
        if (reference.equals("session")) {
            engine.setReferenceSession(session44k(tracks));
        }
        engine.awaitLoudnessMeasure();
        render = LiveMix.class.getDeclaredMethod("render", float[].class, float[].class, int.class);
        render.setAccessible(true);
        for (int i = 0; i < 8; i++) {
            renderBlock();
        }
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * CPU time per block (thread CPU, best of 5 runs of 2000 blocks after 4000 warm-up blocks), which an overloaded
     * machine disturbs far less than the wall clock. Run: {@code java -cp ... org.mixlab.bench.AudioBlockBench}.
     */
    public static void main(String[] args) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String ref : new String[] {"session", "none"}) {
            AudioBlockBench b = new AudioBlockBench();
            b.tracks = 16;
            b.reference = ref;
            b.setup();
            for (int i = 0; i < 4000; i++) {
                b.renderBlock();
            }
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 5; rep++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 2000; i++) {
                    b.renderBlock();
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - c0) / 2000.0 / 1000.0);
            }
            b.tearDown();
            System.out.printf(java.util.Locale.ROOT, "16 tracks, reference %s: %.0f us CPU per 256-frame block"
                    + " (%.1f %% of the 5805 us budget)%n", ref, best, 100 * best / 5805.0);
        }
    }

    /** One 256-frame block: mix + unprocessed + reference, meters and spectrum ring. */
    @Benchmark
    public float renderBlock() throws Exception {
        render.invoke(engine, left, right, LiveMix.BLOCK);
        return left[0] + right[LiveMix.BLOCK - 1];
    }
}
