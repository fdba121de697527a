package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplePeakGuardTest {
    /** The guard is the limiter at input 0 dB, ceiling 0 dBFS, sample peak: same output to the last bit. */
    @Test
    void matchesTheSamplePeakLimiterExactly() {
        for (double rate : new double[] {44_100, 48_000, 96_000}) {
            LimiterProcessor lim = new LimiterProcessor();
            lim.setParameter(LimiterProcessor.INPUT_DB, 0);
            lim.setParameter(LimiterProcessor.CEILING_DB, 0);
            lim.setParameter(LimiterProcessor.TRUE_PEAK, 0);
            lim.samplePeakOnly = true;
            lim.setParameter(LimiterProcessor.LOOKAHEAD_MS, 0.5);
            lim.setParameter(LimiterProcessor.RELEASE_MS, 20);
            lim.prepare(new ProcessSpec(rate, 300, 2));
            SamplePeakGuard guard = new SamplePeakGuard(0.5, 20);
            guard.prepare(rate, 2, 300);
            assertThat(guard.latencySamples()).isEqualTo(lim.latencySamples());
            float[][] x = {ProcessorTestKit.noise(0.6, 20_000, 3), ProcessorTestKit.noise(0.5, 20_000, 4)};
            x[0][5000] = Float.NaN;
            x[1][7000] = Float.POSITIVE_INFINITY;
            java.util.Arrays.fill(x[0], 9000, 12_000, 0f);
            java.util.Arrays.fill(x[1], 9000, 12_000, 0f);
            AudioBlock a = new AudioBlock(2, 300);
            AudioBlock b = new AudioBlock(2, 300);
            for (int pos = 0, k = 0; pos < x[0].length; k++) {
                int n = Math.min(x[0].length - pos, 1 + (k * 131) % 300);
                for (AudioBlock blk : new AudioBlock[] {a, b}) {
                    blk.setNumSamples(n);
                    for (int c = 0; c < 2; c++) {
                        System.arraycopy(x[c], pos, blk.channel(c), 0, n);
                    }
                }
                lim.process(a);
                guard.process(b, 2);
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < n; i++) {
                        assertThat(b.channel(c)[i]).as("rate %s ch %d sample %d", rate, c, pos + i)
                                .isEqualTo(a.channel(c)[i]);
                    }
                }
                if (k == 40) {
                    lim.reset();
                    guard.reset();
                }
                pos += n;
            }
        }
    }
}
