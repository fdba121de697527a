package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelayProcessorTest {
    private static DelayProcessor flatDelay(double timeMs, double feedbackPct) {
        DelayProcessor d = new DelayProcessor();
        d.setParameter("timeMs", timeMs);
        d.setParameter("feedbackPct", feedbackPct);
        d.setParameter("lowCutHz", 20);      // end stop = filter off
        d.setParameter("highCutHz", 20000);  // end stop = filter off
        d.prepare(new ProcessSpec(44100, 512, 2));
        return d;
    }

    @Test
    void impulseEchoesAreExactToTheSampleAndScaledByFeedback() {
        DelayProcessor d = flatDelay(123.4, 50);
        int n = (int) Math.round(123.4 * 44.1); // 5442
        float[][] y = ProcessorTestKit.render(d, ProcessorTestKit.impulse(2, 4 * n + 10), 512);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < y[c].length; i++) {
                double expected = i > 0 && i % n == 0 ? Math.pow(0.5, i / n - 1) : 0.0;
                assertThat((double) y[c][i]).as("channel %d sample %d", c, i).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void tempoSyncedNoteValuesAt120Bpm() {
        DelayProcessor d = new DelayProcessor();
        d.prepare(new ProcessSpec(48000, 512, 2));
        d.setTempoBpm(120);
        d.setParameter("sync", 1);
        d.setParameter("note", 7);   // 1/8
        assertThat(d.effectiveTimeMs()).isCloseTo(250.0, within(1e-9));
        assertThat(d.delaySamples()).isEqualTo(12000);
        d.setParameter("note", 8);   // 1/8D
        assertThat(d.effectiveTimeMs()).isCloseTo(375.0, within(1e-9));
        d.setParameter("note", 9);   // 1/8T
        assertThat(d.effectiveTimeMs()).isCloseTo(166.6667, within(1e-3));
        assertThat(d.delaySamples()).isEqualTo(8000);
        d.setParameter("note", 0);   // 1/1 at 120 = 2000 ms
        assertThat(d.effectiveTimeMs()).isCloseTo(2000.0, within(1e-9));
        d.setTempoBpm(30);           // 8 s, capped at 4 s
        assertThat(d.effectiveTimeMs()).isEqualTo(DelayProcessor.MAX_DELAY_MS);
        d.setParameter("sync", 0);
        assertThat(d.effectiveTimeMs()).isEqualTo(375.0);
    }

    @Test
    void syncedImpulseLandsOnTheTripletEighth() {
        DelayProcessor d = flatDelay(500, 0);
        d.setTempoBpm(120);
        d.setParameter("sync", 1);
        d.setParameter("note", 9);   // 1/8T = 166.67 ms = 7350 samples at 44.1 kHz
        d.reset();
        float[][] y = ProcessorTestKit.render(d, ProcessorTestKit.impulse(1, 8000), 256);
        assertThat(y[0][7350]).isEqualTo(1f);
        assertThat(y[0][7349]).isZero();
        assertThat(y[0][7351]).isZero();
    }

    @Test
    void pingPongAlternatesLeftAndRight() {
        DelayProcessor d = flatDelay(10, 60);
        d.setParameter("pingPong", 1);
        d.reset();
        int n = 441;
        float[][] y = ProcessorTestKit.render(d, ProcessorTestKit.impulse(2, 5 * n + 1), 100);
        // input is mono-summed into the left line: echo k (k = 1, 2, ...) is fb^(k-1), on the left for odd k
        for (int k = 1; k <= 5; k++) {
            double level = Math.pow(0.6, k - 1);
            int onSide = k % 2 == 1 ? 0 : 1;
            assertThat((double) y[onSide][k * n]).isCloseTo(level, within(1e-6));
            assertThat(y[1 - onSide][k * n]).isZero();
        }
        // mono block: the same echo train summed
        d.reset();
        float[][] m = ProcessorTestKit.render(d, ProcessorTestKit.impulse(1, 3 * n + 1), 100);
        assertThat((double) m[0][n]).isCloseTo(1.0, within(1e-6));
        assertThat((double) m[0][2 * n]).isCloseTo(0.6, within(1e-6));
        assertThat((double) m[0][3 * n]).isCloseTo(0.36, within(1e-6));
    }

    @Test
    void feedbackFiltersDarkenAndThinLaterEchoesOnly() {
        DelayProcessor d = flatDelay(50, 90);
        d.setParameter("lowCutHz", 400);
        d.setParameter("highCutHz", 2000);
        d.reset();
        int n = 2205;
        float[][] y = ProcessorTestKit.render(d, ProcessorTestKit.impulse(1, 4 * n), 512);
        assertThat(y[0][n]).isEqualTo(1f);                    // first echo unfiltered
        double[] e2 = ProcessorTestKit.magnitudeDb(java.util.Arrays.copyOfRange(y[0], 2 * n - 10, 3 * n - 10), 4096);
        double bin = 44100.0 / 4096;
        double at1k = e2[(int) Math.round(1000 / bin)];
        double at100 = e2[(int) Math.round(100 / bin)];
        double at10k = e2[(int) Math.round(10000 / bin)];
        // second echo = 0.9 x HP(400) x LP(2000): ~ -2 dB near 1 kHz, -12 dB or more at 100 Hz and 10 kHz
        assertThat(at1k).isBetween(-5.0, 0.0);
        assertThat(at100).isLessThan(at1k - 10);
        assertThat(at10k).isLessThan(at1k - 10);
    }

    @Test
    void timeChangeCrossfadesWithoutClicks() {
        assertThat(ProcessorTestKit.clickRatio(new DelayProcessor(), 2)).isLessThan(3.0);
        assertThat(ProcessorTestKit.clickRatio(new DelayProcessor(), 1)).isLessThan(3.0);
    }

    @Test
    void recoversFromNanAndInfinity() {
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new DelayProcessor(), 2);
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new DelayProcessor(), 1);
    }

    @Test
    void tailHasNoDenormalsAndDecaysToExactZero() {
        DelayProcessor d = new DelayProcessor();
        d.setParameter("feedbackPct", 95);
        d.setParameter("timeMs", 10);
        int zeros = ProcessorTestKit.assertNoDenormalsAfterImpulse(d, 2, 30);
        assertThat(zeros).isEqualTo(2 * 86 * 512);
    }

    @Test
    void processDoesNotAllocate() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new DelayProcessor())).isZero();
    }
}
