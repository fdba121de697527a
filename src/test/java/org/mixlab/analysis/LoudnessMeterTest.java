package org.mixlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EBU Tech 3341 (loudness) and Tech 3342 (loudness range) cases generated in code at 48 kHz. */
class LoudnessMeterTest {
    private static final double TOL_LU = 0.1;

    private static LoudnessMeter measure(float[][] x, double sampleRate) {
        LoudnessMeter m = new LoudnessMeter(x.length, sampleRate);
        // feed in odd-sized blocks so hop boundaries fall inside blocks
        int pos = 0;
        while (pos < x[0].length) {
            int n = Math.min(997, x[0].length - pos);
            m.add(x, pos, n);
            pos += n;
        }
        return m;
    }

    private static LoudnessMeter measure(double[] levels, double[] seconds) {
        return measure(TestSignals.stereo(levels, seconds), 48_000);
    }

    @Test
    @DisplayName("K-weighting at 48 kHz reproduces the BS.1770-4 published coefficients to 1e-6 relative")
    void publishedCoefficients() {
        KWeightingFilter f = new KWeightingFilter(48_000);
        double[] shelf = f.shelfCoefficients();
        double[] expShelf = {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
            0.73248077421585};
        double[] hp = f.highPassCoefficients();
        double[] expHp = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};
        for (int i = 0; i < 5; i++) {
            assertThat(shelf[i]).as("shelf coefficient %d", i).isCloseTo(expShelf[i], within(Math.abs(expShelf[i]) * 1e-6));
            assertThat(hp[i]).as("high-pass coefficient %d", i).isCloseTo(expHp[i], within(Math.abs(expHp[i]) * 1e-6));
        }
    }

    @Test
    @DisplayName("K-weighting shape: ~+0.7 dB at 1 kHz, ~+4 dB shelf at 10 kHz, high-pass below 100 Hz, at 44.1 and 96 kHz")
    void weightingShape() {
        for (double fs : new double[] {44_100, 48_000, 96_000}) {
            KWeightingFilter f = new KWeightingFilter(fs);
            assertThat(f.magnitudeDb(1000)).as("1 kHz at %s", fs).isCloseTo(0.69, within(0.05));
            assertThat(f.magnitudeDb(10_000)).as("10 kHz at %s", fs).isCloseTo(4.0, within(0.3));
            assertThat(f.magnitudeDb(20)).as("20 Hz at %s", fs).isLessThan(-10);
        }
    }

    @Test
    @DisplayName("Tech 3341 case 1: stereo 1 kHz at -23 dBFS, 20 s -> M, S, I = -23.0 LUFS")
    void case1() {
        LoudnessMeter m = measure(new double[] {-23}, new double[] {20});
        assertThat(m.momentaryLufs()).isCloseTo(-23.0, within(TOL_LU));
        assertThat(m.shortTermLufs()).isCloseTo(-23.0, within(TOL_LU));
        assertThat(m.integratedLufs()).isCloseTo(-23.0, within(TOL_LU));
        assertThat(m.maxMomentaryLufs()).isCloseTo(-23.0, within(TOL_LU));
        assertThat(m.maxShortTermLufs()).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 2: stereo 1 kHz at -33 dBFS, 20 s -> M, S, I = -33.0 LUFS")
    void case2() {
        LoudnessMeter m = measure(new double[] {-33}, new double[] {20});
        assertThat(m.momentaryLufs()).isCloseTo(-33.0, within(TOL_LU));
        assertThat(m.shortTermLufs()).isCloseTo(-33.0, within(TOL_LU));
        assertThat(m.integratedLufs()).isCloseTo(-33.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 3: -36/-23/-36 dBFS for 10/60/10 s -> I = -23.0 (relative gate)")
    void case3() {
        LoudnessMeter m = measure(new double[] {-36, -23, -36}, new double[] {10, 60, 10});
        assertThat(m.integratedLufs()).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 4: -72/-36/-23/-36/-72 dBFS for 10/10/60/10/10 s -> I = -23.0 (both gates)")
    void case4() {
        LoudnessMeter m = measure(new double[] {-72, -36, -23, -36, -72}, new double[] {10, 10, 60, 10, 10});
        assertThat(m.integratedLufs()).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 5: -26/-20/-26 dBFS for 20/20.1/20 s -> I = -23.0")
    void case5() {
        LoudnessMeter m = measure(new double[] {-26, -20, -26}, new double[] {20, 20.1, 20});
        assertThat(m.integratedLufs()).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 6: 5.0 sine L,R -28, C -24, Ls,Rs -30 dBFS, 20 s -> I = -23.0; 5.1 with LFE excluded too")
    void case6() {
        double[] levels = {-28, -28, -24, -30, -30};
        float[][] x = new float[5][];
        for (int c = 0; c < 5; c++) {
            x[c] = TestSignals.sine(20 * 48_000, 48_000, 1000, Math.pow(10, levels[c] / 20), 0);
        }
        assertThat(measure(x, 48_000).integratedLufs()).isCloseTo(-23.0, within(TOL_LU));

        // the same in 5.1 order L R C LFE Ls Rs, with a loud LFE that must be ignored
        float[][] y = {x[0], x[1], x[2], TestSignals.sine(20 * 48_000, 48_000, 60, 0.9, 0), x[3], x[4]};
        assertThat(measure(y, 48_000).integratedLufs()).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("Tech 3341 case 9: 1.34 s at -20 / 1.66 s at -30 dBFS, repeated -> S = -23.0 after 3 s, every 100 ms")
    void case9ShortTerm() {
        double[][] pattern = TestSignals.repeat(new double[] {-20, -30}, new double[] {1.34, 1.66}, 5);
        float[][] x = TestSignals.stereo(pattern[0], pattern[1]);
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        int hop = 4800;
        int checked = 0;
        for (int pos = 0; pos < x[0].length; pos += hop) {
            m.add(x, pos, hop);
            if (pos + hop >= 3 * 48_000) {
                assertThat(m.shortTermLufs()).as("S at %.1f s", (pos + hop) / 48_000.0).isCloseTo(-23.0, within(TOL_LU));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    @DisplayName("Tech 3341 case 12: 0.18 s at -20 / 0.22 s at -30 dBFS, repeated -> M = -23.0 after 400 ms, every 100 ms")
    void case12Momentary() {
        double[][] pattern = TestSignals.repeat(new double[] {-20, -30}, new double[] {0.18, 0.22}, 25);
        float[][] x = TestSignals.stereo(pattern[0], pattern[1]);
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        int checked = 0;
        for (int pos = 0; pos < x[0].length; pos += 4800) {
            m.add(x, pos, 4800);
            if (pos + 4800 >= 19_200) {
                assertThat(m.momentaryLufs()).as("M at %.1f s", (pos + 4800) / 48_000.0).isCloseTo(-23.0, within(TOL_LU));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(90);
    }

    /** Offset of variant {@code k} (1..20) in cases 10 and 13: k - 1 steps of 5.27 ms, spanning a 100 ms update period. */
    private static double variantOffsetS(int k) {
        return (k - 1) * 0.00527;
    }

    /** Feeds {@code x} in blocks of {@code blockFrames} and returns the highest M (or S) read after any block. */
    private static double polledMax(float[][] x, int blockFrames, boolean shortTerm) {
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        double max = Double.NEGATIVE_INFINITY;
        for (int pos = 0; pos < x[0].length; pos += blockFrames) {
            m.add(x, pos, Math.min(blockFrames, x[0].length - pos));
            max = Math.max(max, shortTerm ? m.shortTermLufs() : m.momentaryLufs());
        }
        return max;
    }

    @Test
    @DisplayName("Tech 3341 case 10 (synthesised): 3 s bursts at -23 dBFS after 20 different offsets -> max S = -23.0 for each")
    void case10MaxShortTerm() {
        double ninf = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= 20; k++) {
            float[][] x = TestSignals.stereo(new double[] {ninf, -23, ninf}, new double[] {0.5 + variantOffsetS(k), 3.0, 0.5});
            LoudnessMeter m = measure(x, 48_000);
            assertThat(m.maxShortTermLufs()).as("variant %d", k).isCloseTo(-23.0, within(TOL_LU));
        }
    }

    @Test
    @DisplayName("Tech 3341 case 11 (synthesised): 3 s bursts at -38..-19 dBFS in 6 s segments -> max S per segment -38..-19")
    void case11SuccessiveShortTermMaxima() {
        double ninf = Double.NEGATIVE_INFINITY;
        double[] levels = new double[60];
        double[] seconds = new double[60];
        for (int i = 0; i < 20; i++) {
            double lead = 1.5 + i * 0.0071; // the burst drifts against the update grid from segment to segment
            levels[3 * i] = ninf;
            seconds[3 * i] = lead;
            levels[3 * i + 1] = -38 + i;
            seconds[3 * i + 1] = 3.0;
            levels[3 * i + 2] = ninf;
            seconds[3 * i + 2] = 6.0 - 3.0 - lead;
        }
        float[][] x = TestSignals.stereo(levels, seconds);
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        int segment = 6 * 48_000;
        int block = 480; // read S every 10 ms
        for (int i = 0; i < 20; i++) {
            double segMax = Double.NEGATIVE_INFINITY;
            for (int pos = i * segment; pos < (i + 1) * segment; pos += block) {
                m.add(x, pos, block);
                segMax = Math.max(segMax, m.shortTermLufs());
            }
            assertThat(segMax).as("segment %d", i + 1).isCloseTo(-38.0 + i, within(TOL_LU));
            assertThat(m.maxShortTermLufs()).as("max S after segment %d", i + 1).isCloseTo(-38.0 + i, within(TOL_LU));
        }
    }

    @Test
    @DisplayName("Tech 3341 case 13 (synthesised): 0.4 s bursts at -23 dBFS after 20 different offsets -> max M = -23.0 for each")
    void case13MaxMomentary() {
        double ninf = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= 20; k++) {
            float[][] x = TestSignals.stereo(new double[] {ninf, -23, ninf}, new double[] {1.0 + variantOffsetS(k), 0.4, 0.6});
            LoudnessMeter m = measure(x, 48_000);
            assertThat(m.maxMomentaryLufs()).as("variant %d", k).isCloseTo(-23.0, within(TOL_LU));
            // an outside observer polling M every 10 ms also sees the true maximum
            assertThat(polledMax(x, 480, false)).as("variant %d polled every 10 ms", k).isCloseTo(-23.0, within(TOL_LU));
        }
    }

    @Test
    @DisplayName("Tech 3341 case 14 (synthesised): 0.4 s bursts at -38..-19 dBFS in 0.8 s segments -> max M per segment")
    void case14SuccessiveMomentaryMaxima() {
        double ninf = Double.NEGATIVE_INFINITY;
        double[] levels = new double[60];
        double[] seconds = new double[60];
        for (int i = 0; i < 20; i++) {
            double lead = 0.1 + i * 0.0093;
            levels[3 * i] = ninf;
            seconds[3 * i] = lead;
            levels[3 * i + 1] = -38 + i;
            seconds[3 * i + 1] = 0.4;
            levels[3 * i + 2] = ninf;
            seconds[3 * i + 2] = 0.8 - 0.4 - lead;
        }
        float[][] x = TestSignals.stereo(levels, seconds);
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        int segment = (int) Math.round(0.8 * 48_000);
        int block = 480;
        for (int i = 0; i < 20; i++) {
            double segMax = Double.NEGATIVE_INFINITY;
            for (int pos = i * segment; pos < (i + 1) * segment; pos += block) {
                m.add(x, pos, block);
                segMax = Math.max(segMax, m.momentaryLufs());
            }
            assertThat(segMax).as("segment %d", i + 1).isCloseTo(-38.0 + i, within(TOL_LU));
            assertThat(m.maxMomentaryLufs()).as("max M after segment %d", i + 1).isCloseTo(-38.0 + i, within(TOL_LU));
        }
    }

    @Test
    @DisplayName("why 10 ms: a 0.4 s burst starting 50 ms off the 100 ms grid reads -23.0 here, but ~0.6 LU low if polled every 100 ms")
    void burstNeedsFastUpdates() {
        double ninf = Double.NEGATIVE_INFINITY;
        float[][] x = TestSignals.stereo(new double[] {ninf, -23, ninf}, new double[] {1.05, 0.4, 0.55});
        LoudnessMeter m = measure(x, 48_000);
        assertThat(m.maxMomentaryLufs()).isCloseTo(-23.0, within(0.05));
        double every100Ms = polledMax(x, 4800, false);
        double every10Ms = polledMax(x, 480, false);
        // a meter that updates every 100 ms only ever sees windows holding 350 ms of the burst: 10 log10(350/400)
        assertThat(every100Ms).isCloseTo(-23.0 + 10 * Math.log10(350.0 / 400.0), within(0.05)).isLessThan(-23.5);
        assertThat(every10Ms).isCloseTo(-23.0, within(0.05));
    }

    @Test
    @DisplayName("44.1 kHz: sub-blocks of 220/221 frames keep 100 ms hops exact; a 0.4 s burst still reads max M -23.0")
    void fastUpdatesAt44k() {
        double ninf = Double.NEGATIVE_INFINITY;
        float[][] x = TestSignals.sineSegments(2, 44_100, 1000, new double[] {ninf, -23, ninf}, new double[] {1.0371, 0.4, 0.6});
        LoudnessMeter m = measure(x, 44_100);
        assertThat(m.maxMomentaryLufs()).isCloseTo(-23.0, within(TOL_LU));
        assertThat(m.integratedLufs()).isGreaterThan(-30.0);
    }

    @Test
    @DisplayName("Tech 3342 case 1: 20 s at -20 then 20 s at -30 -> LRA 10 +-1")
    void lra1() {
        assertThat(measure(new double[] {-20, -30}, new double[] {20, 20}).loudnessRangeLu()).isCloseTo(10, within(1.0));
    }

    @Test
    @DisplayName("Tech 3342 case 2: 20 s at -20 then 20 s at -15 -> LRA 5 +-1")
    void lra2() {
        assertThat(measure(new double[] {-20, -15}, new double[] {20, 20}).loudnessRangeLu()).isCloseTo(5, within(1.0));
    }

    @Test
    @DisplayName("Tech 3342 case 3: 20 s at -40 then 20 s at -20 -> LRA 20 +-1")
    void lra3() {
        assertThat(measure(new double[] {-40, -20}, new double[] {20, 20}).loudnessRangeLu()).isCloseTo(20, within(1.0));
    }

    @Test
    @DisplayName("Tech 3342 case 4: -50/-35/-20/-35/-50 for 20 s each -> LRA 15 +-1 (relative gate drops -50)")
    void lra4() {
        LoudnessMeter m = measure(new double[] {-50, -35, -20, -35, -50}, new double[] {20, 20, 20, 20, 20});
        assertThat(m.loudnessRangeLu()).isCloseTo(15, within(1.0));
    }

    @Test
    @DisplayName("44.1 kHz: the 1 kHz -23 dBFS sine reads the same as at 48 kHz within 0.05 LU")
    void otherSampleRate() {
        float[][] x44 = TestSignals.sineSegments(2, 44_100, 1000, new double[] {-23}, new double[] {10});
        float[][] x48 = TestSignals.sineSegments(2, 48_000, 1000, new double[] {-23}, new double[] {10});
        double i44 = measure(x44, 44_100).integratedLufs();
        double i48 = measure(x48, 48_000).integratedLufs();
        assertThat(i44).isCloseTo(i48, within(0.05));
        assertThat(i44).isCloseTo(-23.0, within(TOL_LU));
    }

    @Test
    @DisplayName("undefined values are -inf: silence, and less than 400 ms of input")
    void undefined() {
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        m.add(TestSignals.stereo(new double[] {-20}, new double[] {0.3}), 0, 14_400);
        assertThat(m.momentaryLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        m.add(new float[2][48_000 * 5], 0, 48_000 * 5);
        m.reset();
        m.add(new float[2][48_000 * 5], 0, 48_000 * 5);
        assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.loudnessRangeLu()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    @DisplayName("AudioBlock input gives the same result as planar arrays")
    void audioBlockInput() {
        float[][] x = TestSignals.stereo(new double[] {-23}, new double[] {5});
        LoudnessMeter a = measure(x, 48_000);
        LoudnessMeter b = new LoudnessMeter(2, 48_000);
        org.mixlab.dsp.AudioBlock block = new org.mixlab.dsp.AudioBlock(2, 512);
        for (int pos = 0; pos < x[0].length; pos += 512) {
            int n = Math.min(512, x[0].length - pos);
            block.setNumSamples(n);
            System.arraycopy(x[0], pos, block.channel(0), 0, n);
            System.arraycopy(x[1], pos, block.channel(1), 0, n);
            b.add(block);
        }
        assertThat(b.integratedLufs()).isEqualTo(a.integratedLufs());
        assertThat(b.momentaryLufs()).isEqualTo(a.momentaryLufs());
    }

    @Test
    @DisplayName("add() never allocates after warm-up: 0 bytes over 10,000 calls (constant-memory histograms)")
    void noAllocation() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[][] x = TestSignals.stereo(new double[] {-20, -30}, new double[] {1, 1});
        LoudnessMeter m = new LoudnessMeter(2, 48_000);
        for (int i = 0; i < 20_000; i++) {
            m.add(x, (i * 512) % (x[0].length - 512), 512);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            m.add(x, (i * 512) % (x[0].length - 512), 512);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isZero();
        assertThat(m.integratedLufs()).isBetween(-30.0, -20.0);
    }
}
