package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reverb processes its network in passes of up to 256 samples and its diffusers in blocks: the result must not
 * depend on how the host cuts the audio into blocks, and must hold at every sample rate.
 */
class ReverbBlockProcessingTest {
    private static float[][] noiseBurst(double fs, double seconds, double burstSeconds) {
        Random r = new Random(5);
        float[][] x = new float[2][(int) (fs * seconds)];
        for (int i = 0; i < (int) (fs * burstSeconds); i++) {
            x[0][i] = (float) (0.25 * r.nextGaussian());
            x[1][i] = (float) (0.25 * r.nextGaussian());
        }
        return x;
    }

    private static double peak(float[][] y) {
        double p = 0;
        for (float[] c : y) {
            for (float v : c) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    @Test
    void outputDoesNotDependOnTheBlockSize() {
        float[][] x = noiseBurst(48000, 1.5, 0.5);
        ReverbProcessor ref = new ReverbProcessor();
        ref.prepare(new ProcessSpec(48000, 512, 2));
        float[][] expected = ProcessorTestKit.render(ref, x, 512);
        double peak = peak(expected);
        assertThat(peak).isGreaterThan(0.1);
        for (int block : new int[] {1, 37, 300}) {
            ReverbProcessor r = new ReverbProcessor();
            r.prepare(new ProcessSpec(48000, 512, 2));
            float[][] y = ProcessorTestKit.render(r, x, block);
            double worst = 0;
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < y[c].length; i++) {
                    worst = Math.max(worst, Math.abs(y[c][i] - expected[c][i]));
                }
            }
            // only the rounding of the modulation phase differs (it is renormalised per block)
            assertThat(worst / peak).as("block %d", block).isLessThan(1e-5);
        }
    }

    @Test
    void everySampleRateGivesADecayingTail() {
        for (double fs : new double[] {8000, 22050, 96000, 192000}) {
            ReverbProcessor r = new ReverbProcessor();
            r.setParameter("decayS", 0.3);
            r.setParameter("sizePct", 0); // the shortest lines: the tank's passes and the diffusers' blocks shrink
            r.prepare(new ProcessSpec(fs, 512, 2));
            float[][] y = ProcessorTestKit.render(r, noiseBurst(fs, 1.5, 0.2), 512);
            double early = 0;
            double late = 0;
            for (int c = 0; c < 2; c++) {
                early = Math.max(early, ProcessorTestKit.rms(y[c], 0, (int) (0.2 * fs)));
                late = Math.max(late, ProcessorTestKit.rms(y[c], (int) (1.3 * fs), (int) (1.5 * fs)));
            }
            assertThat(early).as("fs %.0f", fs).isGreaterThan(0.01);
            assertThat(late / early).as("fs %.0f", fs).isLessThan(1e-3); // 60 dB per 0.3 s: far below by 1.1 s
        }
    }

    @Test
    void inputsAtTheEdgesOfTheFloatRangeGiveFiniteOutput() {
        float[][] x = new float[2][24000];
        for (int i = 0; i < 4000; i++) {
            x[0][i] = (float) (3e38 * Math.sin(i * 0.01));
            x[1][i] = (float) (1e-40 * Math.cos(i * 0.02)); // subnormal
        }
        ReverbProcessor r = new ReverbProcessor();
        r.prepare(new ProcessSpec(48000, 512, 2));
        float[][] y = ProcessorTestKit.render(r, x, 512);
        for (float[] c : y) {
            for (float v : c) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }
}
