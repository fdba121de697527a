package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GateProcessorTest {
    private static final double FS = 48_000;

    private static GateProcessor gate(double attack, double hold, double release) {
        GateProcessor g = new GateProcessor();
        g.setParameter("attackMs", attack);
        g.setParameter("holdMs", hold);
        g.setParameter("releaseMs", release);
        g.prepare(new ProcessSpec(FS, 480, 2));
        return g;
    }

    /** Gain in dB per sample over {@code seconds} of DC at {@code amp}. */
    private static double[] run(GateProcessor g, double amp, double seconds) {
        int n = (int) (seconds * FS);
        double[] out = new double[n];
        AudioBlock b = new AudioBlock(2, 480);
        for (int k = 0; k * 480 < n; k++) {
            java.util.Arrays.fill(b.channel(0), (float) amp);
            java.util.Arrays.fill(b.channel(1), (float) (amp / 2));
            g.process(b);
            for (int i = 0; i < 480 && k * 480 + i < n; i++) {
                out[k * 480 + i] = 20 * Math.log10(b.channel(0)[i] / amp);
            }
        }
        return out;
    }

    @Test
    void contractIds() {
        GateProcessor g = new GateProcessor();
        assertThat(g.typeId()).isEqualTo("gate");
        assertThat(g.params()).extracting(ParamSpec::id).containsExactly("mode", "thresholdDb", "rangeDb", "ratio",
                "attackMs", "holdMs", "releaseMs");
    }

    @Test
    void impulseKnownAnswer() {
        GateProcessor g = gate(1, 20, 100);
        AudioBlock b = new AudioBlock(2, 16);
        b.channel(0)[0] = 1f;
        b.channel(1)[3] = 0.5f;
        g.process(b);
        double a = Math.exp(-1000.0 / (1 * FS));
        double g0 = -40 * a;
        assertThat((double) b.channel(0)[0]).isCloseTo(Math.pow(10, g0 / 20), within(1e-7));
        double g3 = -40 * a * a * a * a; // still rising during hold
        assertThat((double) b.channel(1)[3]).isCloseTo(0.5 * Math.pow(10, g3 / 20), within(1e-7));
        assertThat(b.channel(0)[1]).isZero();
        assertThat(g.gainReductionDb()).isCloseTo(40 * a, within(1e-9));
    }

    @Test
    void rangeIsExact() {
        for (double range : new double[] {0, 12, 40, 80}) {
            GateProcessor g = gate(1, 0, 5);
            g.setParameter("rangeDb", range);
            run(g, 0.5, 0.2); // open
            double[] closed = run(g, 0.001, 1.0); // -60 dB, below -50
            assertThat(closed[closed.length - 1]).as("range %s", range).isCloseTo(-range, within(1e-4));
        }
    }

    @Test
    void holdIsSampleAccurate() {
        for (double holdMs : new double[] {0, 20, 137.5}) {
            GateProcessor g = gate(1, holdMs, 100);
            run(g, 0.5, 0.3);
            double[] after = run(g, 0.001, 0.8);
            int firstDrop = -1;
            for (int i = 0; i < after.length; i++) {
                if (after[i] < -1e-6) {
                    firstDrop = i;
                    break;
                }
            }
            int holdSamples = (int) Math.round(holdMs * FS / 1000);
            assertThat(firstDrop).as("hold %s ms", holdMs).isBetween(holdSamples - 1, holdSamples + 1);
        }
    }

    private static double crossingMs(double[] gainDb, double mark, boolean rising, int offset) {
        for (int i = offset; i < gainDb.length; i++) {
            if (rising ? gainDb[i] >= mark : gainDb[i] <= mark) {
                return (i - offset + 1) * 1000.0 / FS;
            }
        }
        return Double.NaN;
    }

    @Test
    void attackAndReleaseTimes() {
        for (double attack : new double[] {0.1, 1, 10, 50}) {
            GateProcessor g = gate(attack, 10, 100);
            run(g, 0.001, 1.0);
            double[] open = run(g, 0.5, 0.5);
            assertThat(crossingMs(open, -40 * Math.exp(-1), true, 0)).as("attack %s", attack)
                    .isCloseTo(attack, within(Math.max(attack * 0.05, 1000 / FS)));
        }
        for (double release : new double[] {5, 100, 1000}) {
            GateProcessor g = gate(1, 10, release);
            run(g, 0.5, 0.3);
            double[] closing = run(g, 0.001, 6 * release / 1000 + 0.1);
            int hold = (int) Math.round(10 * FS / 1000);
            assertThat(crossingMs(closing, -40 * (1 - Math.exp(-1)), false, hold)).as("release %s", release)
                    .isCloseTo(release, within(release * 0.05));
        }
    }

    @Test
    void expanderRatio() {
        GateProcessor g = gate(1, 0, 20);
        g.setParameter("mode", 1);
        g.setParameter("ratio", 2);
        g.reset();
        double[] gain = run(g, 0.001, 1.0); // -60 dB: 10 dB under -50
        assertThat(gain[gain.length - 1]).isCloseTo(-10, within(1e-3));
        assertThat(g.staticGainDb(-60)).isEqualTo(-10);
        g.setParameter("ratio", 10);
        gain = run(g, 0.001, 1.0);
        assertThat(gain[gain.length - 1]).isCloseTo(-40, within(1e-3)); // 90 dB limited to the 40 dB range
        assertThat(g.gainReductionDb()).isCloseTo(40, within(1e-3));
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        GateProcessor e = new GateProcessor();
        e.setParameter("mode", 1);
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(e, 2)).isZero();
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(new GateProcessor(), 2)).isZero();
        ProcessorTestKit.assertRecoversFromNaN(gate(1, 20, 100), 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(gate(1, 20, 100), 2);
        ProcessorTestKit.assertNoClicks(GateProcessor::new, p -> { }, 2, 1.1, 16);
    }
}
