package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClipperProcessorTest {
    private static final int N = 16384;

    private static ClipperProcessor make(double inputDb, double ceilingDb, double softnessPct, int channels) {
        ClipperProcessor p = new ClipperProcessor();
        p.setParameter("inputDb", inputDb);
        p.setParameter("ceilingDb", ceilingDb);
        p.setParameter("softnessPct", softnessPct);
        p.prepare(new ProcessSpec(48_000, 512, channels));
        return p;
    }

    @Test
    void idsAndContract() {
        ClipperProcessor p = new ClipperProcessor();
        assertThat(p.typeId()).isEqualTo("clipper");
        assertThat(p.params()).extracting(ParamSpec::id).containsExactly("inputDb", "ceilingDb", "softnessPct");
        assertThat(p.getParameter("ceilingDb")).isEqualTo(-1);
        assertThat(p.params().get(0).max()).isEqualTo(12);
        assertThat(p.params().get(1).min()).isEqualTo(-12);
        p.prepare(new ProcessSpec(48_000, 512, 2));
        assertThat(p.latencySamples()).isEqualTo(57 + 25);
    }

    @Test
    void staticCurveKnownAnswers() {
        ClipperProcessor p = new ClipperProcessor();
        p.setParameter("ceilingDb", -6);
        double c = DspMath.dbToGain(-6);
        assertThat(p.transfer(0.3)).isEqualTo(0.3);
        assertThat(p.transfer(0.9)).isEqualTo(c);
        assertThat(p.transfer(-5)).isEqualTo(-c);
        p.setParameter("softnessPct", 100);
        assertThat(p.transfer(c)).isCloseTo(c / Math.sqrt(2), within(1e-12));
        assertThat(p.transfer(1e-6) / 1e-6).isCloseTo(1.0, within(1e-6));
        assertThat(p.transfer(1e6)).isLessThan(c).isGreaterThan(0.999 * c);
        p.setParameter("softnessPct", 50);
        assertThat(p.transfer(0.5 * c)).isCloseTo(0.5 * c, within(1e-12)); // the knee
        assertThat(p.transfer(c)).isCloseTo(c * (0.5 + 0.5 / Math.sqrt(2)), within(1e-12));
        p.setParameter("inputDb", 6);
        assertThat(p.transfer(0.1)).isCloseTo(0.1 * DspMath.dbToGain(6), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.3, 0.7, 1.0})
    void antiderivativeDifferentiatesToTheCurve(double softness) {
        double c = 0.8;
        double t = c * (1 - softness);
        double w = c * softness;
        for (double x = -3; x <= 3; x += 0.173) {
            double h = 1e-5;
            double numeric = (ClipperProcessor.antiderivative(x + h, t, w) - ClipperProcessor.antiderivative(x - h, t, w))
                    / (2 * h);
            assertThat(numeric).isCloseTo(ClipperProcessor.curve(x, t, w, c), within(1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 50, 100})
    void samplePeakNeverExceedsTheCeiling(double softness) {
        float[] square = new float[N];
        for (int i = 0; i < N; i++) {
            square[i] = ((i / 37) % 2 == 0) ? 0.9f : -0.9f;
        }
        float[][] signals = {
            ProcessorTestKit.sine(5000, 1.0, 0, N, 48_000),
            ProcessorTestKit.sine(12_000, 1.0, Math.PI / 4, N, 48_000),
            ProcessorTestKit.noise(1.0, N, 5),
            square,
        };
        for (double ceilingDb : new double[] {-12, -1, 0}) {
            for (float[] x : signals) {
                ClipperProcessor p = make(12, ceilingDb, softness, 1);
                float[] y = ProcessorTestKit.run(p, x, 1, 500)[0];
                assertThat(ProcessorTestKit.peak(y, 0, N)).isLessThanOrEqualTo(DspMath.dbToGain(ceilingDb));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 50, 100})
    void fullScale5kHzClippedHardKeepsAliasesSixtyDbDown(double softness) {
        ClipperProcessor p = make(12, -1, softness, 1);
        float[] x = ProcessorTestKit.sine(5000, 1.0, 0, 4096 + N, 48_000);
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        double[] db = ProcessorTestKit.spectrumDb(y, 4096, N);
        assertThat(ProcessorTestKit.worstNonHarmonicDb(db, 5000, N, 48_000, 6)).isLessThan(-60);
    }

    @Test
    void signalsBelowTheKneePassDelayedAndUnchanged() {
        ClipperProcessor p = make(0, -1, 0, 2);
        int lat = p.latencySamples();
        float[] x = ProcessorTestKit.sine(2000, 0.1, 0.2, 9600, 48_000);
        float[][] y = ProcessorTestKit.run(p, x, 2, 256);
        for (int c = 0; c < 2; c++) {
            double err = 0;
            for (int i = 4800; i < 9600; i++) {
                err = Math.max(err, Math.abs(y[c][i] - x[i - lat]));
            }
            assertThat(err).isLessThan(0.1 * 1e-3); // ADAA averages two top-rate samples: -0.005 dB at 2 kHz
        }
    }

    @Test
    void smoothKneeSteadyStateMatchesTheCurve() {
        // 100 Hz: the curve's harmonics stay far below the band edge, so the peak is the curve's value
        ClipperProcessor p = make(0, 0, 100, 1);
        float[] x = ProcessorTestKit.sine(100, 0.5, 0, 19_200, 48_000);
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        assertThat(ProcessorTestKit.peak(y, 9600, 19_200)).isCloseTo(0.5 / Math.sqrt(1.25), within(0.002));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void sweepingAContinuousParameterDoesNotClick(int param) {
        ProcessorTestKit.Click click = ProcessorTestKit.linearSweepClick(() -> make(6, -3, 30, 1), param,
                ProcessorTestKit.sine(1000, 0.5, 0, 9600, 48_000), 2400, 100);
        assertThat(click.sweepStep()).isLessThan(1.25 * click.staticStep());
    }

    @Test
    void nonFiniteInputRecoversWithinOneBlock() {
        ClipperProcessor p = make(6, -1, 20, 2);
        float[] x = ProcessorTestKit.sine(440, 0.5, 0, 256, 48_000);
        ProcessorTestKit.runBlocksWithBadSamples(p, x, b -> {
            b.channel(0)[10] = Float.NaN;
            b.channel(1)[20] = Float.NEGATIVE_INFINITY;
        }, (b, rep) -> {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 256; i++) {
                    assertThat(Float.isFinite(b.channel(c)[i])).isTrue();
                    assertThat(Math.abs(b.channel(c)[i])).isLessThanOrEqualTo((float) DspMath.dbToGain(-1));
                }
            }
        });
    }

    @Test
    void decayToSilenceProducesNoDenormals() {
        ClipperProcessor p = make(12, -1, 50, 1);
        float[] x = ProcessorTestKit.burstThenSilence(48_000);
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        for (float v : y) {
            assertThat(v == 0 || Math.abs(v) >= Float.MIN_NORMAL).isTrue();
        }
        assertThat(ProcessorTestKit.peak(y, y.length - 512, y.length)).isZero();
    }

    @Test
    void processDoesNotAllocateAfterWarmUp() {
        ClipperProcessor p = make(6, -1, 0, 2);
        float[] x = ProcessorTestKit.sine(440, 0.9, 0, 32, 48_000);
        assertThat(ProcessorTestKit.allocatedBytesAfterWarmUp(p, x, 3, i -> -(i * 7 % 13),
                i -> (i % 2 == 0 ? -1 : 1) * (i * 7 % 13))).isZero();
    }

    /**
     * The shaper on the polyphase rows is the per-sample form (double Oversampler, ADAA sample by sample) to the
     * last bit, also while the knee glides and across silence (where the ADAA takes the midpoint).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 35, 100})
    void phaseRowShaperMatchesThePerSampleFormExactly(double softness) {
        int n = 6000;
        float[] x = ProcessorTestKit.noise(3.0, n, 11);
        java.util.Arrays.fill(x, 2000, 2600, 0f);
        ClipperProcessor p = make(3, -2, softness, 1);
        p.safetyClamp = false;
        Oversampler os = new Oversampler(4, true);
        os.prepare(1, 256);
        SmoothedValue in = new SmoothedValue(DspMath.dbToGain(3), true);
        SmoothedValue ceil = new SmoothedValue(DspMath.dbToGain(-2), true);
        SmoothedValue soft = new SmoothedValue(softness / 100, false);
        for (SmoothedValue v : new SmoothedValue[] {in, ceil, soft}) {
            v.reset(48_000, 20);
        }
        AudioBlock b = new AudioBlock(1, 256);
        double prev = 0;
        for (int pos = 0, k = 0; pos < n; k++) {
            int len = Math.min(n - pos, 1 + (k * 97) % 256);
            if (k == 7) {
                p.setParameter("softnessPct", 60);
                soft.setTarget(0.6);
                p.setParameter("ceilingDb", -5);
                ceil.setTarget(DspMath.dbToGain(-5));
            }
            b.setNumSamples(len);
            System.arraycopy(x, pos, b.channel(0), 0, len);
            p.process(b);
            float[] ref = new float[len];
            double[] t = new double[len];
            double[] w = new double[len];
            for (int i = 0; i < len; i++) {
                double c = ceil.next();
                double s = soft.next();
                t[i] = c * (1 - s);
                w[i] = c * s;
                ref[i] = (float) (x[pos + i] * in.next());
            }
            os.upsample(0, ref, len);
            double[] u = os.buffer(0);
            for (int j = 0; j < 4 * len; j++) {
                double a = u[j];
                double d = a - prev;
                int i = j / 4;
                u[j] = Math.abs(d) > 1e-7
                        ? (ClipperProcessor.antiderivative(a, t[i], w[i])
                                - ClipperProcessor.antiderivative(prev, t[i], w[i])) / d
                        : ClipperProcessor.curve(0.5 * (a + prev), t[i], w[i], t[i] + w[i]);
                prev = a;
            }
            os.downsample(0, ref, len);
            for (int i = 0; i < len; i++) {
                assertThat(b.channel(0)[i]).as("sample %d", pos + i).isEqualTo(ref[i]);
            }
            pos += len;
        }
    }
}
