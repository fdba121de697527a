package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PolyphaseOversamplerTest {

    private static float bend(float v) {
        return v - 0.1f * v * v * v; // a float nonlinearity that makes top-rate content
    }

    @Test
    void matchesTheInterleavedOversamplerToTheLastBit() {
        for (boolean half : new boolean[] {true, false}) {
            Oversampler ref = new Oversampler(4, half);
            PolyphaseOversampler poly = new PolyphaseOversampler(half);
            assertThat(poly.latencySamples()).isEqualTo(ref.latencySamples());
            int max = 300;
            ref.prepare(2, max);
            poly.prepare(2, max);
            Random r = new Random(3);
            float[] in = new float[max];
            float[] a = new float[max];
            float[] b = new float[max];
            for (int block = 0; block < 60; block++) {
                int n = block % 7 == 3 ? 0 : 1 + r.nextInt(block % 2 == 0 ? max : 40);
                for (int ch = 0; ch < 2; ch++) {
                    for (int i = 0; i < n; i++) {
                        in[i] = (float) (0.5 * r.nextGaussian());
                    }
                    ref.upsample(ch, in, n);
                    double[] u = ref.buffer(ch);
                    for (int j = 0; j < 4 * n; j++) {
                        u[j] = bend((float) u[j]);
                    }
                    ref.downsample(ch, a, n);
                    poly.upsample(ch, in, n);
                    for (int p = 0; p < 4; p++) {
                        float[] row = poly.phase(ch, p);
                        for (int m = 0; m < n; m++) {
                            row[PolyphaseOversampler.OFF + m] = bend(row[PolyphaseOversampler.OFF + m]);
                        }
                    }
                    poly.downsample(ch, b, n);
                    for (int i = 0; i < n; i++) {
                        assertThat(b[i]).as("block %d channel %d sample %d", block, ch, i).isEqualTo(a[i]);
                    }
                }
            }
        }
    }

    @Test
    void phasesAreTheTopRateSamplesInOrder() {
        Oversampler ref = new Oversampler(4, true);
        PolyphaseOversampler poly = new PolyphaseOversampler(true);
        ref.prepare(1, 64);
        poly.prepare(1, 64);
        float[] in = ProcessorTestKit.sine(3000, 0.7, 0.2, 64, 48_000);
        ref.upsample(0, in, 64);
        poly.upsample(0, in, 64);
        double[] u = ref.buffer(0);
        for (int j = 0; j < 256; j++) {
            assertThat(poly.phase(0, j & 3)[PolyphaseOversampler.OFF + (j >> 2)]).isEqualTo((float) u[j]);
        }
    }
}
