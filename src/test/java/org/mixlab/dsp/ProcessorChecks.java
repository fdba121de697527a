package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Shared behavioural checks for processors: allocation, NaN recovery, denormals and parameter-sweep clicks. */
final class ProcessorChecks {
    static final double SR = 48_000;

    private ProcessorChecks() {}

    static <P extends Processor> P prepared(Supplier<P> factory, Consumer<? super P> setup, int channels, int block) {
        P p = factory.get();
        setup.accept(p);
        p.prepare(new ProcessSpec(SR, block, channels));
        return p;
    }

    /** Fills a stereo (or mono) block with a 1 kHz test tone starting at sample index {@code start}. */
    static void tone(AudioBlock b, long start, int channels, double amp) {
        b.setNumChannels(channels);
        for (int c = 0; c < channels; c++) {
            float[] d = b.channel(c);
            double a = c == 0 ? amp : amp * 0.6;
            double ph = c == 0 ? 0 : 0.7;
            for (int i = 0; i < b.numSamples(); i++) {
                d[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * (start + i) / SR + ph));
            }
        }
    }

    /** Bytes allocated by this thread during 10,000 process calls with every continuous parameter moving. */
    static long allocatedBytes(Processor p, int channels) {
        int block = 64;
        p.prepare(new ProcessSpec(SR, block, channels));
        AudioBlock b = new AudioBlock(2, block);
        int np = p.params().size();
        double[][] vals = new double[np][8];
        for (int i = 0; i < np; i++) {
            ParamSpec s = p.params().get(i);
            for (int k = 0; k < 8; k++) {
                vals[i][k] = s.continuous() ? s.fromNormalized(k / 7.0) : s.defaultValue();
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // The first use of the bean, JIT compilation and deoptimisation can allocate a few hundred bytes on this
        // thread once; a real allocation in process() shows up in every window. So: warm up with 20,000 calls,
        // then measure windows of 10,000 calls and report the smallest (0 when process() never allocates).
        runCalls(p, b, vals, channels, 20_000);
        long best = Long.MAX_VALUE;
        for (int window = 0; window < 4 && best > 0; window++) {
            long before = mx.getThreadAllocatedBytes(tid);
            runCalls(p, b, vals, channels, 10_000);
            long after = mx.getThreadAllocatedBytes(tid);
            long probeA = mx.getThreadAllocatedBytes(tid);
            long probeB = mx.getThreadAllocatedBytes(tid);
            best = Math.min(best, (after - before) - (probeB - probeA));
        }
        return best;
    }

    private static void runCalls(Processor p, AudioBlock b, double[][] vals, int channels, int calls) {
        int np = vals.length;
        int block = b.capacity();
        for (int call = 0; call < calls; call++) {
            p.setParameter(call % np, vals[call % np][(call / np) % 8]);
            tone(b, (long) call * block, channels, 0.5);
            p.process(b);
        }
    }

    /** Processes a block with NaN and Inf in it, then asserts the following blocks are finite. */
    static void assertRecoversFromNaN(Processor p, int channels) {
        AudioBlock b = new AudioBlock(2, 256);
        for (int k = 0; k < 20; k++) {
            tone(b, k * 256L, channels, 0.5);
            p.process(b);
        }
        tone(b, 0, channels, 0.5);
        b.channel(0)[10] = Float.NaN;
        b.channel(0)[40] = Float.POSITIVE_INFINITY;
        b.channel(channels - 1)[70] = Float.NEGATIVE_INFINITY;
        p.process(b);
        for (int k = 0; k < 3; k++) {
            tone(b, k * 256L, channels, 0.5);
            p.process(b);
            for (int c = 0; c < b.numChannels(); c++) {
                for (int i = 0; i < 256; i++) {
                    assertThat(Float.isFinite(b.channel(c)[i])).as("block %d ch %d sample %d", k, c, i).isTrue();
                }
            }
        }
    }

    /** Feeds a tone, then 3 s of silence, and asserts that no output sample is subnormal. */
    static void assertNoDenormalsAfterSilence(Processor p, int channels) {
        AudioBlock b = new AudioBlock(2, 256);
        for (int k = 0; k < 40; k++) {
            tone(b, k * 256L, channels, 0.9);
            p.process(b);
        }
        int blocks = (int) (3 * SR / 256);
        for (int k = 0; k < blocks; k++) {
            b.setNumChannels(channels);
            b.clear();
            p.process(b);
            for (int c = 0; c < b.numChannels(); c++) {
                for (int i = 0; i < 256; i++) {
                    float v = Math.abs(b.channel(c)[i]);
                    assertThat(v == 0f || v >= Float.MIN_NORMAL).as("subnormal output %s", v).isTrue();
                }
            }
        }
    }

    private static double maxStep(AudioBlock b, float[] last) {
        double m = 0;
        for (int c = 0; c < b.numChannels(); c++) {
            float[] d = b.channel(c);
            float prev = last[c];
            for (int i = 0; i < b.numSamples(); i++) {
                m = Math.max(m, Math.abs(d[i] - prev));
                prev = d[i];
            }
            last[c] = prev;
        }
        return m;
    }

    /** Result of a click test: the largest step while sweeping and the largest step of the static signals. */
    record Click(double sweepStep, double staticStep) {
        double ratio() {
            return sweepStep / staticStep;
        }
    }

    /**
     * Sweeps parameter {@code id} from its minimum to its maximum over 10 ms while a tone plays and returns the
     * largest sample-to-sample step, together with the largest step seen with the parameter held still at
     * {@code points + 1} points along its travel (32 is fine enough not to miss a narrow bell passing over the tone).
     */
    static <P extends Processor> Click clickTest(Supplier<P> factory, Consumer<? super P> setup, String id,
                                                 int channels, int points) {
        int block = 16;
        ParamSpec spec = factory.get().params().get(factory.get().paramIndex(id));
        double staticStep = 0;
        for (int k = 0; k <= points; k++) {
            P p = prepared(factory, setup, channels, block);
            p.setParameter(id, spec.fromNormalized(k / (double) points));
            p.reset();
            AudioBlock b = new AudioBlock(2, block);
            float[] last = new float[2];
            int warm = (int) (0.2 * SR / block);
            int measure = (int) (0.03 * SR / block);
            for (int i = 0; i < warm + measure; i++) {
                tone(b, (long) i * block, channels, 0.5);
                p.process(b);
                double s = maxStep(b, last);
                if (i >= warm) {
                    staticStep = Math.max(staticStep, s);
                }
            }
        }
        P p = prepared(factory, setup, channels, block);
        p.setParameter(id, spec.min());
        p.reset();
        AudioBlock b = new AudioBlock(2, block);
        float[] last = new float[2];
        int warm = (int) (0.2 * SR / block);
        int sweep = (int) (0.010 * SR / block);
        int after = (int) (0.15 * SR / block);
        double sweepStep = 0;
        for (int i = 0; i < warm + sweep + after; i++) {
            if (i >= warm && i < warm + sweep) {
                p.setParameter(id, spec.fromNormalized((i - warm + 1) / (double) sweep));
            }
            tone(b, (long) i * block, channels, 0.5);
            p.process(b);
            double s = maxStep(b, last);
            if (i >= warm) {
                sweepStep = Math.max(sweepStep, s);
            }
        }
        return new Click(sweepStep, staticStep);
    }

    /** Runs {@link #clickTest} for every continuous parameter and asserts the sweep step stays near the static one. */
    static <P extends Processor> void assertNoClicks(Supplier<P> factory, Consumer<? super P> setup, int channels,
                                                     double tolerance, int points) {
        for (ParamSpec s : factory.get().params()) {
            if (!s.continuous()) {
                continue;
            }
            Click c = clickTest(factory, setup, s.id(), channels, points);
            assertThat(c.sweepStep()).as("%s sweep step %.5f vs static %.5f", s.id(), c.sweepStep(), c.staticStep())
                    .isLessThanOrEqualTo(c.staticStep() * tolerance + 1e-4);
        }
    }

    /** Magnitude in dB of a real sequence at {@code freqHz} (direct DFT). */
    static double dftMagnitudeDb(float[] h, double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double re = 0;
        double im = 0;
        double cw = Math.cos(w);
        double sw = Math.sin(w);
        double c = 1;
        double s = 0;
        for (float v : h) {
            re += v * c;
            im -= v * s;
            double nc = c * cw - s * sw;
            s = s * cw + c * sw;
            c = nc;
        }
        return 10 * Math.log10(re * re + im * im);
    }
}
