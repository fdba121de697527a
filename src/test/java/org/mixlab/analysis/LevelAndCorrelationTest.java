package org.mixlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Known answers for the sample-peak / RMS meter and the stereo correlation meter. */
class LevelAndCorrelationTest {

    @Test
    @DisplayName("full-scale 997 Hz sine: 0.0 dBFS sample peak, -3.01 dB RMS, 3.01 dB crest")
    void fullScaleSine() {
        float[] s = TestSignals.sine(48_000, 48_000, 997, 1.0, 0);
        LevelMeter m = new LevelMeter(2, 48_000);
        m.add(new float[][] {s, s}, 0, s.length);
        assertThat(m.samplePeakDbfs()).isCloseTo(0.0, within(0.001));
        assertThat(m.rmsDb()).isCloseTo(-3.0103, within(0.005));
        assertThat(m.windowRmsDb()).isCloseTo(-3.0103, within(0.01));
        assertThat(m.crestFactorDb()).isCloseTo(3.0103, within(0.005));
        assertThat(m.rmsDb(1)).isCloseTo(-3.0103, within(0.005));
        assertThat(m.samplePeakDbfs(0)).isCloseTo(0.0, within(0.001));
    }

    @Test
    @DisplayName("the RMS window forgets: 1 s sine at -6 dBFS then 0.5 s silence; whole-signal RMS keeps the energy")
    void windowForgets() {
        float[] s = TestSignals.sine(48_000, 48_000, 1000, 0.5, 0);
        LevelMeter m = new LevelMeter(1, 48_000, 300);
        m.add(new float[][] {s}, 0, s.length);
        assertThat(m.windowRmsDb()).isCloseTo(-9.03, within(0.01));
        m.add(new float[1][24_000], 0, 24_000);
        assertThat(m.windowRmsDb()).isLessThan(-100);
        // whole signal: 1 s at -9.03 dB power, 0.5 s of silence -> -9.03 + 10 log10(1/1.5)
        assertThat(m.rmsDb()).isCloseTo(-9.03 + 10 * Math.log10(1 / 1.5), within(0.01));
        assertThat(m.windowSamples()).isEqualTo(14_400);
        assertThat(LevelMeter.plrDb(-1.0, -14.0)).isEqualTo(13.0);
        assertThat(LevelMeter.plrDb(-1.0, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        m.reset();
        assertThat(m.samplePeakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    @DisplayName("correlation: identical = +1, inverted = -1, independent noise ~ 0, silence = 0")
    void correlation() {
        float[] a = TestSignals.whiteNoise(96_000, 0.1, 1);
        float[] b = TestSignals.whiteNoise(96_000, 0.1, 2);
        float[] inv = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            inv[i] = -a[i];
        }
        CorrelationMeter same = new CorrelationMeter(48_000);
        same.add(a, a, 0, a.length);
        assertThat(same.correlation()).isCloseTo(1.0, within(1e-9));
        assertThat(same.overallCorrelation()).isCloseTo(1.0, within(1e-9));
        CorrelationMeter inverted = new CorrelationMeter(48_000);
        inverted.add(a, inv, 0, a.length);
        assertThat(inverted.correlation()).isCloseTo(-1.0, within(1e-9));
        CorrelationMeter independent = new CorrelationMeter(48_000);
        independent.add(a, b, 0, a.length);
        assertThat(independent.overallCorrelation()).isCloseTo(0.0, within(0.02));
        assertThat(independent.correlation()).isCloseTo(0.0, within(0.1));
        CorrelationMeter silent = new CorrelationMeter(48_000);
        silent.add(new float[100], new float[100], 0, 100);
        assertThat(silent.correlation()).isZero();
        // a sine against its 90-degree shifted copy is uncorrelated
        CorrelationMeter quad = new CorrelationMeter(48_000);
        quad.add(TestSignals.sine(48_000, 48_000, 1000, 0.5, 0), TestSignals.sine(48_000, 48_000, 1000, 0.5, Math.PI / 2),
                0, 48_000);
        assertThat(quad.overallCorrelation()).isCloseTo(0.0, within(0.01));
    }

    @Test
    @DisplayName("level and correlation meters allocate nothing over 10,000 add() calls")
    void noAllocation() {
        float[] s = TestSignals.whiteNoise(48_000, 0.1, 3);
        float[][] x = {s, s};
        LevelMeter level = new LevelMeter(2, 48_000);
        CorrelationMeter corr = new CorrelationMeter(48_000);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            level.add(x, (i * 256) % 40_000, 256);
            corr.add(s, s, (i * 256) % 40_000, 256);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            level.add(x, (i * 256) % 40_000, 256);
            corr.add(s, s, (i * 256) % 40_000, 256);
        }
        assertThat(bean.getCurrentThreadAllocatedBytes() - before).isZero();
    }

    @Test
    @DisplayName("goniometer: mono is vertical, left-only is the upper-left diagonal, newest points come back in order")
    void goniometer() {
        GoniometerBuffer g = new GoniometerBuffer(16, 2);
        float[] left = new float[40], right = new float[40];
        for (int i = 0; i < 40; i++) {
            left[i] = i / 40f;
            right[i] = i < 20 ? i / 40f : 0f;
        }
        g.add(left, right, 0, 40);
        assertThat(g.pointsWritten()).isEqualTo(20);
        float[] x = new float[32], y = new float[32];
        int n = g.copyLatest(x, y);
        assertThat(n).isEqualTo(16);
        // points 4..19 of the decimated stream, i.e. frames 9, 11, ..., 39
        assertThat(y[0]).isCloseTo((float) (2 * 9 / 40.0 / Math.sqrt(2)), within(1e-6f)); // mono: x = 0
        assertThat(x[0]).isZero();
        assertThat(x[15]).isCloseTo((float) (-39 / 40.0 / Math.sqrt(2)), within(1e-6f));   // left only
        assertThat(y[15]).isCloseTo(-x[15], within(1e-6f));
        g.reset();
        assertThat(g.copyLatest(x, y)).isZero();
    }

    @Test
    @DisplayName("NaN and infinite samples are skipped instead of poisoning peak, RMS, correlation and loudness")
    void nonFiniteSamplesAreSkipped() {
        float[][] x = TestSignals.stereo(new double[] {-20}, new double[] {5});
        x[0][1000] = Float.NaN;
        x[1][2000] = Float.POSITIVE_INFINITY;
        AnalysisResult r = Analysis.analyze(x, 48_000);
        assertThat(r.samplePeakDbfs()).isCloseTo(-20.0, within(0.01));
        assertThat(r.truePeakDbtp()).isBetween(-20.5, -17.0); // the zeroed samples are a real glitch that overshoots a little
        assertThat(r.rmsDb()).isCloseTo(-23.01, within(0.01));
        assertThat(r.correlation()).isCloseTo(1.0, within(1e-6));
        assertThat(r.integratedLufs()).isCloseTo(-20.0, within(0.1));
    }
}
