package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BiquadTest {
    private static float[] impulseResponse(Biquad b, int n) {
        float[] h = new float[n];
        h[0] = 1f;
        b.reset();
        b.process(h, 0, 0, n);
        return h;
    }

    @Test
    void lowpassAtQuarterRateKnownAnswer() {
        Biquad b = new Biquad(1);
        b.setLowpass(48_000, 12_000, Math.sqrt(0.5));
        double alpha = Math.sqrt(0.5);
        double b0 = 0.5 / (1 + alpha);
        double a2 = (1 - alpha) / (1 + alpha);
        assertThat(b.b0()).isCloseTo(b0, within(1e-12));
        assertThat(b.b1()).isCloseTo(2 * b0, within(1e-12));
        assertThat(b.b2()).isCloseTo(b0, within(1e-12));
        assertThat(b.a1()).isCloseTo(0, within(1e-12));
        assertThat(b.a2()).isCloseTo(a2, within(1e-12));
        float[] h = impulseResponse(b, 6);
        double h0 = b0;
        double h1 = 2 * b0;
        double h2 = b0 - a2 * h0;
        double h3 = -a2 * h1;
        double h4 = -a2 * h2;
        assertThat((double) h[0]).isCloseTo(h0, within(1e-7));
        assertThat((double) h[1]).isCloseTo(h1, within(1e-7));
        assertThat((double) h[2]).isCloseTo(h2, within(1e-7));
        assertThat((double) h[3]).isCloseTo(h3, within(1e-7));
        assertThat((double) h[4]).isCloseTo(h4, within(1e-7));
        assertThat(b.magnitudeDb(12_000, 48_000)).isCloseTo(-3.0103, within(1e-4));
    }

    @Test
    void cookbookLandmarks() {
        Biquad b = new Biquad(1);
        double fs = 44_100;
        b.setPeaking(fs, 1000, 2, 9);
        assertThat(b.magnitudeDb(1000, fs)).isCloseTo(9, within(1e-9));
        b.setLowShelf(fs, 200, 0.707, -12);
        assertThat(b.magnitudeDb(1, fs)).isCloseTo(-12, within(1e-3));
        assertThat(b.magnitudeDb(200, fs)).isCloseTo(-6, within(1e-9));
        b.setHighShelf(fs, 5000, 1.2, 6);
        assertThat(b.magnitudeDb(fs / 2 - 1, fs)).isCloseTo(6, within(1e-3));
        assertThat(b.magnitudeDb(5000, fs)).isCloseTo(3, within(1e-9));
        b.setBandpass(fs, 3000, 4);
        assertThat(b.magnitudeDb(3000, fs)).isCloseTo(0, within(1e-9));
        b.setAllpass(fs, 700, 0.5);
        for (double f = 20; f < 20_000; f *= 1.5) {
            assertThat(b.magnitudeDb(f, fs)).isCloseTo(0, within(1e-9));
        }
        b.setHighpass(fs, 100, Math.sqrt(0.5));
        assertThat(b.magnitudeDb(100, fs)).isCloseTo(-3.0103, within(1e-3));
        assertThat(b.magnitudeDb(50, fs)).isCloseTo(-12.30, within(0.02));
    }

    @Test
    void renderedResponseMatchesAnalyticMagnitude() {
        Biquad b = new Biquad(1);
        double fs = 96_000;
        Runnable[] setups = {
            () -> b.setLowpass(fs, 3000, 0.9),
            () -> b.setHighpass(fs, 60, 1.3),
            () -> b.setPeaking(fs, 250, 3, -10),
            () -> b.setLowShelf(fs, 120, 0.5, 8),
            () -> b.setHighShelf(fs, 9000, 1.5, -7),
            () -> b.setBandpass(fs, 1000, 1),
            () -> b.setAllpass(fs, 500, 0.7),
        };
        for (Runnable setup : setups) {
            setup.run();
            float[] h = impulseResponse(b, 1 << 15);
            for (double f = 20; f <= 20_000; f *= 1.25) {
                double analytic = b.magnitudeDb(f, fs);
                if (analytic > -60) {
                    assertThat(ProcessorTestKit.dftMagnitudeDb(h, f, fs)).isCloseTo(analytic, within(0.01));
                }
            }
        }
    }

    @Test
    void butterworthQs() {
        assertThat(Biquad.butterworthQ(2, 0)).isCloseTo(0.70711, within(1e-5));
        assertThat(Biquad.butterworthQ(4, 0)).isCloseTo(1.30656, within(1e-5));
        assertThat(Biquad.butterworthQ(4, 1)).isCloseTo(0.54120, within(1e-5));
        assertThat(Biquad.butterworthQ(8, 0)).isCloseTo(2.56292, within(1e-5));
        assertThat(Biquad.butterworthQ(8, 3)).isCloseTo(0.50980, within(1e-5));
    }

    @Test
    void nanStateIsClearedAndDenormalsFlushed() {
        Biquad b = new Biquad(2);
        b.setLowpass(48_000, 100, 5);
        float[] x = new float[64];
        x[3] = Float.NaN;
        b.process(x, 1, 0, 64);
        float[] y = new float[64];
        y[0] = 1f;
        b.process(y, 1, 0, 64);
        for (float v : y) {
            assertThat(Float.isFinite(v)).isTrue();
        }
        float[] silence = new float[4096];
        for (int k = 0; k < 400; k++) {
            java.util.Arrays.fill(silence, 0f);
            b.process(silence, 1, 0, silence.length);
            for (float v : silence) {
                assertThat(v == 0f || Math.abs(v) >= Float.MIN_NORMAL).isTrue();
            }
        }
        assertThat(silence[4095]).isZero();
    }
}
