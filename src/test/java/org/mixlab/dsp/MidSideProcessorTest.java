package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MidSideProcessorTest {
    private static MidSideProcessor ms(double width, boolean mono, double hz, int slope) {
        MidSideProcessor p = new MidSideProcessor();
        p.setParameter("widthPct", width);
        p.setParameter("monoOn", mono ? 1 : 0);
        p.setParameter("monoBelowHz", hz);
        p.setParameter("monoSlope", slope);
        p.prepare(new ProcessSpec(48_000, 512, 2));
        return p;
    }

    @Test
    void contractIds() {
        assertThat(new MidSideProcessor().params()).extracting(ParamSpec::id).containsExactly(
                "widthPct", "monoOn", "monoBelowHz", "monoSlope", "midGainDb", "sideGainDb");
        assertThat(new MidSideProcessor().typeId()).isEqualTo("midside");
    }

    @Test
    void widthKnownAnswers() {
        double[][] expect = {{0, 0.5, 0.5}, {100, 1, 0}, {200, 1.5, -0.5}, {50, 0.75, 0.25}};
        for (double[] e : expect) {
            MidSideProcessor p = ms(e[0], false, 120, 1);
            AudioBlock b = new AudioBlock(2, 8);
            b.channel(0)[0] = 1f;
            p.process(b);
            assertThat((double) b.channel(0)[0]).isCloseTo(e[1], within(1e-6));
            assertThat((double) b.channel(1)[0]).isCloseTo(e[2], within(1e-6));
            assertThat(b.channel(0)[1]).isZero();
        }
        MidSideProcessor p = ms(100, false, 120, 1);
        p.setParameter("midGainDb", 6);
        p.setParameter("sideGainDb", -6);
        p.reset();
        AudioBlock b = new AudioBlock(2, 8);
        b.channel(0)[0] = 1f;
        p.process(b);
        double mg = Math.pow(10, 0.3);
        double sg = Math.pow(10, -0.3);
        assertThat((double) b.channel(0)[0]).isCloseTo(0.5 * mg + 0.5 * sg, within(1e-6));
        assertThat((double) b.channel(1)[0]).isCloseTo(0.5 * mg - 0.5 * sg, within(1e-6));
    }

    /** Level (dB) of the side signal of the output for a side-only (or mid-only) sine at {@code f}. */
    private static double outputLevelDb(MidSideProcessor p, double f, boolean side) {
        int n = 512;
        AudioBlock b = new AudioBlock(2, n);
        double sumSq = 0;
        int blocks = 300;
        for (int k = 0; k < blocks; k++) {
            for (int i = 0; i < n; i++) {
                float s = (float) (0.5 * Math.sin(2 * Math.PI * f * (k * n + i) / 48_000));
                b.channel(0)[i] = s;
                b.channel(1)[i] = side ? -s : s;
            }
            p.process(b);
            if (k >= blocks / 2) {
                for (int i = 0; i < n; i++) {
                    double v = side ? 0.5 * (b.channel(0)[i] - b.channel(1)[i])
                            : 0.5 * (b.channel(0)[i] + b.channel(1)[i]);
                    sumSq += v * v;
                }
            }
        }
        return 10 * Math.log10(sumSq / (n * blocks / 2.0) / 0.125);
    }

    @Test
    void monoMakerRemovesSideBelowTheCrossoverAndKeepsMid() {
        MidSideProcessor lr4 = ms(100, true, 120, 0);
        assertThat(outputLevelDb(lr4, 60, true)).isCloseTo(-24.6, within(0.3));
        assertThat(lr4.sideAttenuationDb(1)).isCloseTo(-24.6, within(0.1));
        MidSideProcessor lr8 = ms(100, true, 120, 1);
        assertThat(outputLevelDb(lr8, 60, true)).isCloseTo(-48.2, within(0.5));
        assertThat(outputLevelDb(ms(100, true, 120, 1), 1000, true)).isCloseTo(0, within(0.05));
        assertThat(outputLevelDb(ms(100, true, 120, 1), 60, false)).isCloseTo(0, within(0.05));
        assertThat(outputLevelDb(ms(100, true, 120, 1), 120, false)).isCloseTo(0, within(0.05));
        // above the crossover width still applies
        assertThat(outputLevelDb(ms(200, true, 120, 1), 2000, true)).isCloseTo(6.02, within(0.05));
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(ms(100, true, 120, 1), 2)).isZero();
        ProcessorTestKit.assertRecoversFromNaN(ms(150, true, 200, 1), 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(ms(150, true, 200, 1), 2);
        ProcessorTestKit.assertNoClicks(MidSideProcessor::new, p -> p.setParameter("monoOn", 1), 2, 1.1, 16);
        ProcessorTestKit.assertNoClicks(MidSideProcessor::new, p -> { }, 2, 1.1, 16);
    }

    @Test
    void switchingMonoAndSlopeDoesNotClick() {
        MidSideProcessor p = ms(200, false, 300, 1);
        AudioBlock b = new AudioBlock(2, 16);
        float[] last = new float[2];
        int rounds = 5;
        double[] settled = new double[rounds];
        double[] transition = new double[rounds];
        long t = 0;
        for (int round = 0; round < rounds; round++) {
            switch (round) {
                case 1 -> p.setParameter("monoOn", 1);
                case 2 -> p.setParameter("monoSlope", 0);
                case 3 -> p.setParameter("monoSlope", 1);
                case 4 -> p.setParameter("monoOn", 0);
                default -> { }
            }
            for (int k = 0; k < 600; k++) {
                for (int i = 0; i < 16; i++) {
                    double ph = 2 * Math.PI * 150 * (t + i) / 48_000;
                    b.channel(0)[i] = (float) (0.5 * Math.sin(ph));
                    b.channel(1)[i] = (float) (0.3 * Math.sin(ph + 1.9));
                }
                t += 16;
                p.process(b);
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < 16; i++) {
                        double step = Math.abs(b.channel(c)[i] - last[c]);
                        last[c] = b.channel(c)[i];
                        if (k > 450) {
                            settled[round] = Math.max(settled[round], step);
                        } else if (k < 200 && (round > 0 || k > 100)) {
                            transition[round] = Math.max(transition[round], step);
                        }
                    }
                }
            }
        }
        // the mono-maker changes the level a lot here (width 200 %, all content below the crossover)
        assertThat(settled[1]).isLessThan(settled[0] * 0.8);
        for (int round = 1; round < rounds; round++) {
            assertThat(transition[round]).as("round %d", round)
                    .isLessThanOrEqualTo(1.02 * Math.max(settled[round - 1], settled[round]));
        }
    }
}
