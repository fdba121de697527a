package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimiterProcessorTest {
    private static final int N = 24_000;

    private static LimiterProcessor make(double inputDb, double ceilingDb, boolean truePeak, int channels) {
        LimiterProcessor p = new LimiterProcessor();
        p.setParameter("inputDb", inputDb);
        p.setParameter("ceilingDb", ceilingDb);
        p.setParameter("truePeak", truePeak ? 1 : 0);
        p.prepare(new ProcessSpec(48_000, 512, channels));
        return p;
    }

    private static float[][] torture() {
        float[] square = new float[N];
        for (int i = 0; i < N; i++) {
            square[i] = ((i / 37) % 2 == 0) ? 0.9f : -0.9f;
        }
        float[] steps = ProcessorTestKit.sine(1000, 1, 0, N, 48_000);
        for (int i = 0; i < N; i++) {
            steps[i] *= (i / 3000) % 2 == 0 ? 0.05f : 1.0f;
        }
        return new float[][] {
            ProcessorTestKit.sine(12_000, 1.0, Math.PI / 4, N, 48_000), // fs/4 at 45 degrees
            square,
            ProcessorTestKit.noise(1.0, N, 3),
            steps,
            ProcessorTestKit.sine(11_000, 0.99, 0.3, N, 48_000),
            ProcessorTestKit.sine(19_000, 0.99, 0.7, N, 48_000),
        };
    }

    @Test
    void idsAndContract() {
        LimiterProcessor p = new LimiterProcessor();
        assertThat(p.typeId()).isEqualTo("limiter");
        assertThat(p.params()).extracting(ParamSpec::id)
                .containsExactly("inputDb", "ceilingDb", "releaseMs", "lookaheadMs", "truePeak");
        assertThat(p.getParameter("ceilingDb")).isEqualTo(-1);
        assertThat(p.getParameter("lookaheadMs")).isEqualTo(1.5);
        assertThat(p.params().get(2).taper()).isEqualTo(Taper.LOG);
        assertThat(p).isInstanceOf(GainReductionSource.class);
        p.prepare(new ProcessSpec(48_000, 512, 2));
        assertThat(p.latencySamples()).isEqualTo(72);
        p.setParameter("lookaheadMs", 5);
        assertThat(p.latencySamples()).isEqualTo(240);
        p.setParameter("lookaheadMs", 0.5);
        assertThat(p.latencySamples()).isEqualTo(25); // detector delay + 1 is the floor
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void tortureSetStaysUnderTheTruePeakCeiling(int which) {
        float[][] set = torture();
        double inputDb = which <= 3 ? 12 : 0;
        for (double ceilingDb : new double[] {-1, -3}) {
            LimiterProcessor p = make(inputDb, ceilingDb, true, 2);
            float[] right = which == 2 ? ProcessorTestKit.noise(1.0, N, 4) : set[which];
            float[][] y = ProcessorTestKit.runStereo(p, set[which], right, 512);
            double ceiling = DspMath.dbToGain(ceilingDb);
            for (int c = 0; c < 2; c++) {
                assertThat(ProcessorTestKit.peak(y[c], 0, N)).isLessThanOrEqualTo(ceiling);
                assertThat(DspMath.gainToDb(ProcessorTestKit.truePeak16(y[c], 0, N))).isLessThanOrEqualTo(ceilingDb + 0.1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void samplePeakModeKeepsSamplePeaksUnderTheCeiling(int which) {
        float[][] set = torture();
        LimiterProcessor p = make(which <= 3 ? 12 : 0, -1, false, 1);
        float[] y = ProcessorTestKit.run(p, set[which], 1, 256)[0];
        assertThat(ProcessorTestKit.peak(y, 0, N)).isLessThanOrEqualTo(DspMath.dbToGain(-1));
    }

    @Test
    void lookAheadHasTheGainDownBeforeAStepArrives() {
        // a 26 dB jump: without look-ahead the first loud samples would overshoot by far
        LimiterProcessor p = make(0, -1, true, 1);
        float[] x = ProcessorTestKit.sine(500, 0.05, 0, 9600, 48_000);
        float[] loud = ProcessorTestKit.sine(500, 1.0, 0, 9600, 48_000);
        System.arraycopy(loud, 4800, x, 4800, 4800);
        float[] y = ProcessorTestKit.run(p, x, 1, 128)[0];
        assertThat(DspMath.gainToDb(ProcessorTestKit.truePeak16(y, 0, 9600))).isLessThanOrEqualTo(-1 + 0.1);
        // and not more reduction than needed: the loud part comes out right at the ceiling
        assertThat(DspMath.gainToDb(ProcessorTestKit.peak(y, 7000, 9600))).isCloseTo(-1.0, within(0.1));
    }

    @Test
    void sineSixDbOverTheCeilingGetsSixDbOfGainReduction() {
        LimiterProcessor p = make(6, -1, true, 2);
        float[] x = ProcessorTestKit.sine(1000, DspMath.dbToGain(-1), 0, N, 48_000);
        float[] y = ProcessorTestKit.run(p, x, 2, 512)[0];
        assertThat(p.gainReductionDb()).isCloseTo(6.0, within(0.1));
        assertThat(DspMath.gainToDb(ProcessorTestKit.peak(y, N / 2, N))).isCloseTo(-1.0, within(0.05));
    }

    @Test
    void signalWellBelowTheCeilingPassesUnchangedAfterTheLatency() {
        LimiterProcessor p = make(0, -1, true, 2);
        float[] x = ProcessorTestKit.pinkish(0.05, N, 11);
        float[][] y = ProcessorTestKit.run(p, x, 2, 500);
        int lat = p.latencySamples();
        for (int c = 0; c < 2; c++) {
            for (int i = lat; i < N; i++) {
                assertThat(Math.abs(y[c][i] - x[i - lat])).isLessThan(1e-6f);
            }
            for (int i = 0; i < lat; i++) {
                assertThat(y[c][i]).isZero();
            }
        }
        assertThat(p.gainReductionDb()).isZero();
    }

    @Test
    void releaseRecoversWithTheSetTimeConstant() {
        LimiterProcessor p = make(0, -1, true, 1);
        p.setParameter("releaseMs", 50);
        float[] x = ProcessorTestKit.sine(1000, 1.0, 0, 4800, 48_000); // 100 ms loud, GR ~1 dB (sine peak 0 dBFS)
        float[] y = new float[N];
        AudioBlock b = new AudioBlock(1, 48);
        double[] gr = new double[N / 48];
        for (int s = 0, k = 0; s < N; s += 48, k++) {
            for (int i = 0; i < 48; i++) {
                b.channel(0)[i] = s + i < 4800 ? x[s + i] : 0.5f * x[(s + i) % 4800];
            }
            p.process(b);
            System.arraycopy(b.channel(0), 0, y, s, 48);
            gr[k] = p.gainReductionDb();
        }
        assertThat(gr[90]).isCloseTo(1.0, within(0.05));
        // the quiet part starts at block 100 (plus the look-ahead); 50 ms later the gain has come back ~63 %
        double afterOneTau = gr[100 + 2 + 50];
        assertThat(afterOneTau).isBetween(0.3, 0.45);
        assertThat(gr[100 + 2 + 250]).isLessThan(0.02);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void sweepingAContinuousParameterDoesNotClick(int param) {
        ProcessorTestKit.Click click = ProcessorTestKit.linearSweepClick(() -> make(3, -1, true, 1), param,
                ProcessorTestKit.sine(1000, 0.7, 0, 14_400, 48_000), 4800, 150);
        assertThat(click.sweepStep()).isLessThan(1.25 * click.staticStep());
    }

    @Test
    void nonFiniteInputRecoversWithinOneBlock() {
        LimiterProcessor p = make(6, -1, true, 2);
        float[] x = ProcessorTestKit.sine(440, 0.5, 0, 256, 48_000);
        ProcessorTestKit.runBlocksWithBadSamples(p, x, b -> {
            b.channel(0)[10] = Float.NaN;
            b.channel(1)[20] = Float.POSITIVE_INFINITY;
        }, (b, rep) -> {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 256; i++) {
                    assertThat(Float.isFinite(b.channel(c)[i])).isTrue();
                    assertThat(Math.abs(b.channel(c)[i])).isLessThanOrEqualTo((float) DspMath.dbToGain(-1));
                }
            }
            assertThat(Double.isFinite(p.gainReductionDb())).isTrue();
        });
    }

    @Test
    void decayToSilenceProducesNoDenormals() {
        LimiterProcessor p = make(12, -1, true, 1);
        float[] x = ProcessorTestKit.burstThenSilence(48_000);
        for (int i = 4800; i < 9600; i++) {
            x[i] = 1e-39f; // a denormal float input
        }
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i] == 0 || Math.abs(y[i]) >= Float.MIN_NORMAL || Math.abs(x[Math.max(0, i - 72)]) < Float.MIN_NORMAL)
                    .isTrue();
        }
        assertThat(ProcessorTestKit.peak(y, y.length - 512, y.length)).isZero();
    }

    @Test
    void processDoesNotAllocateAfterWarmUp() {
        LimiterProcessor p = make(6, -1, true, 2);
        float[] x = ProcessorTestKit.sine(440, 0.9, 0, 32, 48_000);
        assertThat(ProcessorTestKit.allocatedBytesAfterWarmUp(p, x, 5, i -> (i * 7 % 25) * 0.2,
                i -> (i * 7 % 25) * 0.2)).isZero();
    }
}
