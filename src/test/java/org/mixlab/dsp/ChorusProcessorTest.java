package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChorusProcessorTest {
    private static final double FS = 44100;

    private static ChorusProcessor chorus(double rateHz, double depthMs, double delayMs, double fbPct, double widthPct) {
        ChorusProcessor c = new ChorusProcessor();
        c.setParameter("rateHz", rateHz);
        c.setParameter("depthMs", depthMs);
        c.setParameter("delayMs", delayMs);
        c.setParameter("feedbackPct", fbPct);
        c.setParameter("widthPct", widthPct);
        c.prepare(new ProcessSpec(FS, 512, 2));
        return c;
    }

    @Test
    void withoutDepthItIsAnExactDelay() {
        float[][] y = ProcessorTestKit.render(chorus(1, 0, 10, 0, 100), ProcessorTestKit.impulse(2, 2000), 512);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 2000; i++) {
                assertThat((double) y[c][i]).as("ch %d sample %d", c, i).isCloseTo(i == 441 ? 1.0 : 0.0, within(1e-7));
            }
        }
    }

    @Test
    void feedbackRepeatsTheVoice() {
        float[][] y = ProcessorTestKit.render(chorus(1, 0, 10, 50, 100), ProcessorTestKit.impulse(2, 1500), 512);
        assertThat((double) y[0][441]).isCloseTo(1.0, within(1e-7));
        assertThat((double) y[0][882]).isCloseTo(0.5, within(1e-7));
        assertThat((double) y[0][1323]).isCloseTo(0.25, within(1e-7));
        assertThat((double) y[1][882]).isCloseTo(0.5, within(1e-7));
    }

    @Test
    void modulatedVoicesFollowTheirLfosInQuadrature() {
        double f = 150;
        double rate = 2;
        double centreMs = 20;
        double depthMs = 10;
        float[][] y = ProcessorTestKit.render(chorus(rate, depthMs, centreMs, 0, 100),
                ProcessorTestKit.sineChannels(2, 44100, f, 0.5, FS), 256);
        double maxErr = 0;
        for (int n = 2000; n < 44100; n++) {
            double lfoL = Math.sin(2 * Math.PI * rate * n / FS);
            double lfoR = Math.sin(2 * Math.PI * (rate * n / FS + ChorusProcessor.RIGHT_PHASE));
            double dL = FS / 1000 * (centreMs + 0.5 * depthMs * lfoL);
            double dR = FS / 1000 * (centreMs + 0.5 * depthMs * lfoR);
            double expL = 0.5 * Math.sin(2 * Math.PI * f * (n - dL) / FS);
            double expR = 0.5 * Math.sin(2 * Math.PI * f * (n - dR) / FS);
            maxErr = Math.max(maxErr, Math.max(Math.abs(y[0][n] - expL), Math.abs(y[1][n] - expR)));
        }
        assertThat(maxErr).isLessThan(1e-3);
    }

    @Test
    void widthZeroIsMonoAndMonoBlocksAverageTheVoices() {
        float[][] y = ProcessorTestKit.render(chorus(1.3, 8, 15, 20, 0), ProcessorTestKit.sineChannels(2, 20000, 440, 0.5, FS), 512);
        assertThat(y[0]).containsExactly(y[1]);

        float[][] s = ProcessorTestKit.render(chorus(1.3, 8, 15, 0, 100), ProcessorTestKit.sineChannels(2, 20000, 440, 0.5, FS), 512);
        ChorusProcessor mono = chorus(1.3, 8, 15, 0, 100);
        mono.prepare(new ProcessSpec(FS, 512, 1));
        float[][] m = ProcessorTestKit.render(mono, ProcessorTestKit.sineChannels(1, 20000, 440, 0.5, FS), 512);
        double maxErr = 0;
        for (int i = 0; i < 20000; i++) {
            maxErr = Math.max(maxErr, Math.abs(m[0][i] - 0.5 * (s[0][i] + s[1][i])));
        }
        assertThat(maxErr).isLessThan(1e-6);
    }

    @Test
    void parameterSweepsDoNotClick() {
        assertThat(ProcessorTestKit.clickRatio(new ChorusProcessor(), 2)).isLessThan(3.0);
        assertThat(ProcessorTestKit.clickRatio(new ChorusProcessor(), 1)).isLessThan(3.0);
    }

    @Test
    void recoversFromNanAndInfinity() {
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new ChorusProcessor(), 2);
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new ChorusProcessor(), 1);
    }

    @Test
    void tailHasNoDenormalsAndDrainsToExactZero() {
        ChorusProcessor c = new ChorusProcessor();
        c.setParameter("feedbackPct", 90);
        assertThat(ProcessorTestKit.assertNoDenormalsAfterImpulse(c, 2, 12)).isEqualTo(2 * 86 * 512);
    }

    @Test
    void processDoesNotAllocate() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new ChorusProcessor())).isZero();
    }
}
