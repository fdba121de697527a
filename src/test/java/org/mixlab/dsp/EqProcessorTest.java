package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EqProcessorTest {
    private static final Consumer<EqProcessor> EVERYTHING_ON = eq -> {
        eq.setParameter("hpOn", 1);
        eq.setParameter("hpFreqHz", 30);
        eq.setParameter("hpSlope", 0);
        eq.setParameter("lpOn", 1);
        eq.setParameter("lowShelfOn", 1);
        eq.setParameter("lowShelfGainDb", 4);
        eq.setParameter("b1On", 1);
        eq.setParameter("b1GainDb", -6);
        eq.setParameter("b2On", 1);
        eq.setParameter("b2GainDb", 3);
        eq.setParameter("b2Q", 2);
        eq.setParameter("b3On", 1);
        eq.setParameter("b3GainDb", -4);
        eq.setParameter("b3Q", 0.7);
        eq.setParameter("b4On", 1);
        eq.setParameter("b4GainDb", 5);
        eq.setParameter("b4Q", 3);
        eq.setParameter("highShelfOn", 1);
        eq.setParameter("highShelfGainDb", -3);
        eq.setParameter("outputDb", 2);
    };

    private static final Consumer<EqProcessor> STEEP = eq -> {
        eq.setParameter("hpOn", 1);
        eq.setParameter("hpFreqHz", 40);
        eq.setParameter("hpSlope", 2);
        eq.setParameter("lpOn", 1);
        eq.setParameter("lpFreqHz", 9000);
        eq.setParameter("lpSlope", 2);
        eq.setParameter("b1On", 1);
        eq.setParameter("b1FreqHz", 1000);
        eq.setParameter("b1GainDb", 12);
        eq.setParameter("b1Q", 8);
        eq.setParameter("b2On", 1);
        eq.setParameter("b2FreqHz", 150);
        eq.setParameter("b2GainDb", -18);
        eq.setParameter("b2Q", 0.3);
        eq.setParameter("highShelfOn", 1);
        eq.setParameter("highShelfFreqHz", 3000);
        eq.setParameter("highShelfGainDb", 9);
        eq.setParameter("highShelfQ", 1.6);
        eq.setParameter("lowShelfOn", 1);
        eq.setParameter("lowShelfFreqHz", 300);
        eq.setParameter("lowShelfGainDb", -9);
        eq.setParameter("lowShelfQ", 0.4);
        eq.setParameter("outputDb", -3);
    };

    private static final Consumer<EqProcessor> MID_SLOPES = eq -> {
        eq.setParameter("hpOn", 1);
        eq.setParameter("hpFreqHz", 25);
        eq.setParameter("hpSlope", 1);
        eq.setParameter("lpOn", 1);
        eq.setParameter("lpFreqHz", 20000);
        eq.setParameter("lpSlope", 0);
        eq.setParameter("b3On", 1);
        eq.setParameter("b3FreqHz", 19000);
        eq.setParameter("b3GainDb", 6);
        eq.setParameter("b3Q", 0.5);
        eq.setParameter("b4On", 1);
        eq.setParameter("b4FreqHz", 40);
        eq.setParameter("b4GainDb", 8);
        eq.setParameter("b4Q", 18);
    };

    @Test
    void contractIds() {
        EqProcessor eq = new EqProcessor();
        assertThat(eq.typeId()).isEqualTo("eq");
        assertThat(eq.params()).extracting(ParamSpec::id).containsExactly(
                "hpOn", "hpFreqHz", "hpSlope", "lpOn", "lpFreqHz", "lpSlope",
                "lowShelfOn", "lowShelfFreqHz", "lowShelfGainDb", "lowShelfQ",
                "b1On", "b1FreqHz", "b1GainDb", "b1Q", "b2On", "b2FreqHz", "b2GainDb", "b2Q",
                "b3On", "b3FreqHz", "b3GainDb", "b3Q", "b4On", "b4FreqHz", "b4GainDb", "b4Q",
                "highShelfOn", "highShelfFreqHz", "highShelfGainDb", "highShelfQ", "outputDb", "channels");
        assertThat(eq.getParameter("b3FreqHz")).isEqualTo(2500);
        assertThat(eq.getParameter("lpFreqHz")).isEqualTo(18000);
        assertThat(eq.params().get(eq.paramIndex("b1Q")).taper()).isEqualTo(Taper.LOG);
    }

    @Test
    void defaultIsBitTransparent() {
        EqProcessor eq = new EqProcessor();
        eq.prepare(new ProcessSpec(48_000, 256, 2));
        AudioBlock b = new AudioBlock(2, 256);
        ProcessorTestKit.tone(b, 0, 2, 0.5);
        float[] copy = b.channel(0).clone();
        eq.process(b);
        assertThat(b.channel(0)).containsExactly(copy);
    }

    @Test
    void bellImpulseKnownAnswer() {
        EqProcessor eq = new EqProcessor();
        eq.setParameter("b2On", 1);
        eq.setParameter("b2FreqHz", 1000);
        eq.setParameter("b2GainDb", 6);
        eq.setParameter("b2Q", 2);
        eq.setParameter("outputDb", -6);
        eq.prepare(new ProcessSpec(48_000, 64, 2));
        AudioBlock blk = new AudioBlock(2, 64);
        blk.channel(0)[0] = 1f;
        eq.process(blk);
        // cookbook peaking EQ written out independently
        double w = 2 * Math.PI * 1000 / 48_000;
        double alpha = Math.sin(w) / 4;
        double a = Math.pow(10, 6 / 40.0);
        double a0 = 1 + alpha / a;
        double b0 = (1 + alpha * a) / a0;
        double b1 = -2 * Math.cos(w) / a0;
        double b2 = (1 - alpha * a) / a0;
        double a1 = b1;
        double a2 = (1 - alpha / a) / a0;
        double out = Math.pow(10, -6 / 20.0);
        double[] h = new double[64];
        h[0] = b0;
        h[1] = b1 - a1 * h[0];
        h[2] = b2 - a1 * h[1] - a2 * h[0];
        for (int i = 3; i < 64; i++) {
            h[i] = -a1 * h[i - 1] - a2 * h[i - 2];
        }
        for (int i = 0; i < 64; i++) {
            assertThat((double) blk.channel(0)[i]).as("h[%d]", i).isCloseTo(h[i] * out, within(2e-7));
            assertThat(blk.channel(1)[i]).isZero();
        }
    }

    @Test
    void renderedImpulseMatchesAnalyticCascadeWithinATenthOfADb() {
        double worst = 0;
        for (double fs : new double[] {44_100, 48_000, 96_000}) {
            for (Consumer<EqProcessor> setup : java.util.List.of(EVERYTHING_ON, STEEP, MID_SLOPES)) {
                EqProcessor eq = new EqProcessor();
                setup.accept(eq);
                int n = 1 << 18; // long enough for a Q 18 bell at 40 Hz to ring out
                eq.prepare(new ProcessSpec(fs, n, 1));
                AudioBlock b = new AudioBlock(1, n);
                b.channel(0)[0] = 1f;
                eq.process(b);
                double[] f = new double[61];
                for (int i = 0; i < f.length; i++) {
                    f[i] = 20 * Math.pow(1000, i / 60.0);
                }
                double[] analytic = new double[f.length];
                eq.magnitudeDb(f, analytic);
                for (int i = 0; i < f.length; i++) {
                    double rendered = ProcessorTestKit.dftMagnitudeDb(b.channel(0), f[i], fs);
                    if (analytic[i] > -80) {
                        worst = Math.max(worst, Math.abs(rendered - analytic[i]));
                        assertThat(rendered).as("%.0f Hz at %.0f Hz", f[i], fs).isCloseTo(analytic[i], within(0.1));
                    }
                }
            }
        }
        assertThat(worst).isLessThan(0.1);
    }

    @Test
    void analyticCurveLandmarks() {
        EqProcessor eq = new EqProcessor();
        double[] f = {1000, 80, 40};
        double[] out = new double[3];
        eq.magnitudeDb(f, out);
        assertThat(out).containsExactly(0, 0, 0);
        eq.setParameter("b2On", 1);
        eq.setParameter("b2FreqHz", 1000);
        eq.setParameter("b2GainDb", -7);
        eq.setParameter("hpOn", 1);
        eq.setParameter("hpSlope", 2);
        eq.magnitudeDb(f, out);
        assertThat(out[0]).isCloseTo(-7, within(0.01));
        assertThat(out[1]).isCloseTo(-3.01, within(0.1)); // the bell adds a few hundredths here
        assertThat(out[2]).isCloseTo(-48.2, within(0.3)); // one octave below a 48 dB/oct Butterworth
    }

    @Test
    void switchingBandsAndSlopesDoesNotClick() {
        EqProcessor eq = new EqProcessor();
        EVERYTHING_ON.accept(eq);
        eq.setParameter("b2FreqHz", 1000);
        eq.setParameter("b2GainDb", 12);
        eq.setParameter("hpFreqHz", 900);
        eq.prepare(new ProcessSpec(48_000, 16, 2));
        String[] toggles = {"hpOn", "lpOn", "lowShelfOn", "b1On", "b2On", "b3On", "b4On", "highShelfOn"};
        AudioBlock b = new AudioBlock(2, 16);
        float[] last = new float[2];
        int rounds = 2 * toggles.length + 4;
        double[] settled = new double[rounds];
        double[] transition = new double[rounds];
        long t = 0;
        for (int round = 0; round < rounds; round++) {
            if (round >= 1 && round <= 2 * toggles.length) {
                String id = toggles[(round - 1) % toggles.length];
                eq.setParameter(id, 1 - eq.getParameter(id));
            } else if (round > 2 * toggles.length) {
                eq.setParameter("hpSlope", round % 3);
            }
            for (int k = 0; k < 300; k++) {
                ProcessorTestKit.tone(b, t, 2, 0.5);
                t += 16;
                eq.process(b);
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < 16; i++) {
                        double step = Math.abs(b.channel(c)[i] - last[c]);
                        last[c] = b.channel(c)[i];
                        if (k > 200) {
                            settled[round] = Math.max(settled[round], step);
                        } else if (k < 120) {
                            transition[round] = Math.max(transition[round], step);
                        }
                    }
                }
            }
        }
        // every switch stays within the larger of the settled steps before and after it
        for (int round = 1; round < rounds; round++) {
            assertThat(transition[round]).as("round %d", round)
                    .isLessThanOrEqualTo(1.05 * Math.max(settled[round - 1], settled[round]));
        }
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        EqProcessor eq = new EqProcessor();
        STEEP.accept(eq);
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(eq, 2)).isZero();
        ProcessorTestKit.assertRecoversFromNaN(ProcessorTestKit.prepared(EqProcessor::new, STEEP, 2, 256), 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(ProcessorTestKit.prepared(EqProcessor::new, STEEP, 2, 256), 2);
        ProcessorTestKit.assertNoClicks(EqProcessor::new, EVERYTHING_ON, 2, 1.2, 32);
    }
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("M/S EQ: in Side mode a boost touches only the side; a mono (mid-only) signal passes unchanged")
    void midSideMode() {
        EqProcessor eq = new EqProcessor();
        eq.setParameter("channels", 2);
        eq.setParameter("b2On", 1);
        eq.setParameter("b2FreqHz", 1000);
        eq.setParameter("b2GainDb", 12);
        eq.prepare(new ProcessSpec(48_000, 512, 2));
        AudioBlock b = new AudioBlock(2, 512);
        double maxDiff = 0;
        double sidePeak = 0;
        for (int k = 0; k < 40; k++) {
            for (int i = 0; i < 512; i++) {
                double t = (k * 512 + i) / 48_000.0;
                float x = (float) (0.25 * Math.sin(2 * Math.PI * 1000 * t));
                b.channel(0)[i] = x;
                b.channel(1)[i] = x; // identical channels: no side at all
            }
            b.setNumChannels(2);
            b.setNumSamples(512);
            eq.process(b);
            for (int i = 0; i < 512; i++) {
                double t = (k * 512 + i) / 48_000.0;
                double x = 0.25 * Math.sin(2 * Math.PI * 1000 * t);
                maxDiff = Math.max(maxDiff, Math.abs(b.channel(0)[i] - x));
                sidePeak = Math.max(sidePeak, Math.abs(b.channel(0)[i] - b.channel(1)[i]));
            }
        }
        org.assertj.core.api.Assertions.assertThat(maxDiff).isLessThan(1e-6);
        org.assertj.core.api.Assertions.assertThat(sidePeak).isLessThan(1e-6);
        // now a pure side signal (L = -R) at 1 kHz is boosted by 12 dB once settled
        double peak = 0;
        for (int k = 0; k < 40; k++) {
            for (int i = 0; i < 512; i++) {
                double t = (k * 512 + i) / 48_000.0;
                float x = (float) (0.05 * Math.sin(2 * Math.PI * 1000 * t));
                b.channel(0)[i] = x;
                b.channel(1)[i] = -x;
            }
            b.setNumChannels(2);
            b.setNumSamples(512);
            eq.process(b);
            if (k > 30) {
                for (int i = 0; i < 512; i++) {
                    peak = Math.max(peak, Math.abs(b.channel(0)[i]));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(20 * Math.log10(peak / 0.05)).isCloseTo(12.0,
                org.assertj.core.api.Assertions.within(0.1));
    }
}
