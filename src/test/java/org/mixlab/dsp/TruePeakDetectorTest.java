package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TruePeakDetectorTest {

    @Test
    void samplePeakOfAnImpulseIsReportedAfterTheDelay() {
        TruePeakDetector d = new TruePeakDetector();
        d.prepare(1);
        int delay = d.delaySamples();
        assertThat(delay).isEqualTo(TruePeakDetector.TAPS_PER_PHASE / 2);
        double[] out = new double[64];
        for (int i = 0; i < 64; i++) {
            out[i] = d.process(0, i == 0 ? 0.5 : 0.0);
        }
        // the interval starting at the impulse holds the impulse itself
        assertThat(out[delay]).isCloseTo(0.5, within(1e-3));
        // before that only the sinc's side lobes (first one 0.21) show
        for (int i = 0; i < delay - 2; i++) {
            assertThat(out[i]).isLessThan(0.5 * 0.22);
        }
    }

    @Test
    void fsOver4SineAt45DegreesReadsItsTruePeak() {
        // samples are +-0.7071 * A, the continuous peak is A: the classic 3 dB inter-sample peak
        float[] x = ProcessorTestKit.sine(12_000, 1.0, Math.PI / 4, 4800, 48_000);
        assertThat(ProcessorTestKit.peak(x, 0, 4800)).isCloseTo(Math.sqrt(0.5), within(1e-6));
        TruePeakDetector d = new TruePeakDetector();
        d.prepare(1);
        double peak = 0;
        for (int i = 0; i < 4800; i++) {
            double v = d.process(0, x[i]);
            if (i > 1000) { // past the abrupt start, whose own overshoot is real but not the point here
                peak = Math.max(peak, v);
            }
        }
        assertThat(DspMath.gainToDb(peak)).isCloseTo(0.0, within(0.02));
        // the whole-signal helper includes the start-up overshoot, so it reads at least as high
        assertThat(TruePeakDetector.truePeak(x, 4800)).isGreaterThanOrEqualTo(peak);
    }

    @Test
    void sinesUpTo20kHzAreReadWithinTwoHundredthsOfADb() {
        for (double f : new double[] {997, 5_000, 11_000, 15_000, 19_000, 20_000}) {
            for (double phase = 0; phase < 1.6; phase += 0.2) {
                float[] x = ProcessorTestKit.sine(f, 0.5, phase, 4800, 48_000);
                TruePeakDetector d = new TruePeakDetector();
                d.prepare(1);
                double peak = 0;
                for (int i = 0; i < 4800; i++) {
                    double v = d.process(0, x[i]);
                    if (i > 1000) {
                        peak = Math.max(peak, v);
                    }
                }
                assertThat(DspMath.gainToDb(peak / 0.5)).as("%s Hz", f).isCloseTo(0.0, within(0.025));
            }
        }
    }

    @Test
    void plainAnnexMaximumUnderReadsWhereTheParabolaDoesNot() {
        float[] x = ProcessorTestKit.sine(12_000, 1.0, 0.3927 / 2, 4800, 48_000);
        TruePeakDetector plain = new TruePeakDetector();
        plain.prepare(1);
        plain.setRefine(false);
        TruePeakDetector refined = new TruePeakDetector();
        refined.prepare(1);
        double p0 = 0;
        double p1 = 0;
        for (int i = 0; i < 4800; i++) {
            double a = plain.process(0, x[i]);
            double b = refined.process(0, x[i]);
            if (i > 1000) {
                p0 = Math.max(p0, a);
                p1 = Math.max(p1, b);
            }
        }
        assertThat(DspMath.gainToDb(p0)).isLessThan(-0.1);
        assertThat(DspMath.gainToDb(p1)).isCloseTo(0.0, within(0.02));
    }

    @Test
    void nonFiniteSamplesAreIgnored() {
        TruePeakDetector d = new TruePeakDetector();
        d.prepare(2);
        double worst = 0;
        for (int i = 0; i < 200; i++) {
            double v = d.process(1, i == 5 ? Double.NaN : (i == 6 ? Double.POSITIVE_INFINITY : 0.25));
            worst = Math.max(worst, v);
            assertThat(Double.isFinite(v)).isTrue();
        }
        assertThat(worst).isLessThan(0.4);
    }
    @Test
    void blockFormMatchesSampleBySampleFormToFloatRounding() {
        TruePeakDetector a = new TruePeakDetector();
        TruePeakDetector b = new TruePeakDetector();
        a.prepare(2);
        b.prepare(2, 512);
        java.util.Random r = new java.util.Random(9);
        double[] in = new double[512];
        double[] out = new double[512];
        double worst = 0;
        int[] sizes = {512, 1, 7, 64, 333, 512, 48, 49, 100};
        int t = 0;
        for (int k = 0; k < 60; k++) {
            int n = sizes[k % sizes.length];
            for (int ch = 0; ch < 2; ch++) {
                for (int i = 0; i < n; i++) {
                    double tone = 0.9 * Math.sin(2 * Math.PI * 11_025.0 * (t + i) / 48_000 + ch);
                    in[i] = k % 3 == 0 ? tone : 0.5 * r.nextGaussian();
                }
                b.processBlock(ch, in, n, out);
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, Math.abs(out[i] - a.process(ch, in[i])));
                }
            }
            t += n;
        }
        // about 1e-7 of full scale: -140 dB, far below the 0.1 dB the limiter's ceiling allows
        assertThat(worst).isLessThan(1e-6);
    }
}
