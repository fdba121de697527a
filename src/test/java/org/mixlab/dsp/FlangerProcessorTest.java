package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FlangerProcessorTest {
    private static FlangerProcessor flanger(double fs, double delayMs, double depthMs, double fbPct) {
        FlangerProcessor f = new FlangerProcessor();
        f.setParameter("delayMs", delayMs);
        f.setParameter("depthMs", depthMs);
        f.setParameter("feedbackPct", fbPct);
        f.prepare(new ProcessSpec(fs, 512, 2));
        return f;
    }

    @Test
    void staticImpulseResponseIsHalfDryPlusHalfDelayed() {
        float[][] y = ProcessorTestKit.render(flanger(48000, 2, 0, 0), ProcessorTestKit.impulse(2, 400), 128);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 400; i++) {
                double expected = i == 0 || i == 96 ? 0.5 : 0.0;
                assertThat((double) y[c][i]).as("ch %d sample %d", c, i).isCloseTo(expected, within(1e-7));
            }
        }
    }

    @Test
    void feedbackRecirculatesWithCompensatedLevel() {
        for (double fb : new double[] {0.5, -0.5}) {
            float[][] y = ProcessorTestKit.render(flanger(48000, 2, 0, fb * 100), ProcessorTestKit.impulse(1, 400), 128);
            double g = 0.5 * Math.sqrt(1 - Math.abs(fb));
            assertThat((double) y[0][0]).isCloseTo(g, within(1e-7));
            assertThat((double) y[0][96]).isCloseTo(g, within(1e-7));
            assertThat((double) y[0][192]).isCloseTo(g * fb, within(1e-7));
            assertThat((double) y[0][288]).isCloseTo(g * fb * fb, within(1e-7));
        }
    }

    @Test
    void staticDelayNotchesAtOneOverTwiceTheDelay() {
        // 2 ms: notches at 250, 750, 1250 Hz, peaks at 500, 1000 Hz. 44.1 kHz makes the delay fractional (88.2)
        for (double fs : new double[] {48000, 44100}) {
            assertThat(gainDb(fs, 250)).as("fs %.0f notch 250 Hz", fs).isLessThan(-40);
            assertThat(gainDb(fs, 750)).as("fs %.0f notch 750 Hz", fs).isLessThan(-40);
            assertThat(gainDb(fs, 1250)).as("fs %.0f notch 1250 Hz", fs).isLessThan(-35);
            assertThat(gainDb(fs, 500)).isCloseTo(0.0, within(0.05));
            assertThat(gainDb(fs, 1000)).isCloseTo(0.0, within(0.05));
        }
    }

    private static double gainDb(double fs, double freq) {
        int len = (int) fs / 2;
        float[][] y = ProcessorTestKit.render(flanger(fs, 2, 0, 0), ProcessorTestKit.sineChannels(1, len, freq, 0.5, fs), 512);
        return 20 * Math.log10(ProcessorTestKit.rms(y[0], len / 2, len) / (0.5 / Math.sqrt(2)));
    }

    @Test
    void sweptDelayRunsFromDelayToDelayPlusDepth() {
        // base 1 ms, depth 4 ms, 0.5 Hz: delay(n) = 1 + 4 (0.5 + 0.5 sin(2 pi 0.5 n / fs)) ms; right a quarter later
        double fs = 48000;
        double f = 200;
        FlangerProcessor fl = flanger(fs, 1, 4, 0);
        fl.setParameter("rateHz", 0.5);
        fl.reset();
        float[][] y = ProcessorTestKit.render(fl, ProcessorTestKit.sineChannels(2, 48000, f, 0.5, fs), 256);
        double maxErr = 0;
        for (int n = 500; n < 48000; n++) {
            for (int c = 0; c < 2; c++) {
                double lfo = Math.sin(2 * Math.PI * (0.5 * n / fs + c * FlangerProcessor.RIGHT_PHASE));
                double d = fs / 1000 * (1 + 4 * (0.5 + 0.5 * lfo));
                double expected = 0.5 * (0.5 * Math.sin(2 * Math.PI * f * n / fs)
                        + 0.5 * Math.sin(2 * Math.PI * f * (n - d) / fs));
                maxErr = Math.max(maxErr, Math.abs(y[c][n] - expected));
            }
        }
        assertThat(maxErr).isLessThan(1e-3);
    }

    @Test
    void parameterSweepsDoNotClick() {
        assertThat(ProcessorTestKit.clickRatio(new FlangerProcessor(), 2)).isLessThan(3.0);
        assertThat(ProcessorTestKit.clickRatio(new FlangerProcessor(), 1)).isLessThan(3.0);
    }

    @Test
    void recoversFromNanAndInfinity() {
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new FlangerProcessor(), 2);
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new FlangerProcessor(), 1);
    }

    @Test
    void tailHasNoDenormalsAndDrainsToExactZero() {
        FlangerProcessor f = new FlangerProcessor();
        f.setParameter("feedbackPct", 95);
        assertThat(ProcessorTestKit.assertNoDenormalsAfterImpulse(f, 2, 6)).isEqualTo(2 * 86 * 512);
    }

    @Test
    void processDoesNotAllocate() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new FlangerProcessor())).isZero();
    }
}
