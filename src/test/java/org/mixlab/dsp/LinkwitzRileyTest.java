package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinkwitzRileyTest {
    @Test
    void sumOfBandsIsFlatAndBandsMeetAtMinusSixDb() {
        for (double fs : new double[] {44_100, 48_000, 96_000}) {
            for (LinkwitzRiley.Order order : LinkwitzRiley.Order.values()) {
                LinkwitzRiley lr = new LinkwitzRiley(1);
                lr.setup(fs, 150, order);
                int n = 1 << 15;
                float[] in = new float[n];
                in[0] = 1f;
                float[] low = new float[n];
                float[] high = new float[n];
                lr.split(in, 0, low, high, 0, n);
                float[] sum = new float[n];
                for (int i = 0; i < n; i++) {
                    sum[i] = low[i] + high[i];
                }
                for (double f = 20; f <= 20_000; f *= 1.3) {
                    assertThat(ProcessorTestKit.dftMagnitudeDb(sum, f, fs)).as("%s at %.0f Hz", order, f)
                            .isCloseTo(0, within(0.01));
                }
                assertThat(lr.lowMagnitudeDb(150, fs)).isCloseTo(-6.0206, within(1e-3));
                assertThat(lr.highMagnitudeDb(150, fs)).isCloseTo(-6.0206, within(1e-3));
                assertThat(ProcessorTestKit.dftMagnitudeDb(low, 150, fs)).isCloseTo(-6.0206, within(0.01));
                double octaveBelow = order == LinkwitzRiley.Order.LR4 ? -24.6 : -48.2;
                assertThat(lr.highMagnitudeDb(75, fs)).isCloseTo(octaveBelow, within(0.1));
            }
        }
    }
}
