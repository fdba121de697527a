package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The measuring helpers catch what they are meant to catch (so the effect tests cannot pass vacuously). */
class ProcessorTestKitTest {
    /** A gain whose parameter jumps without smoothing and which allocates a little array every call. */
    private static final class CarelessGain extends Processor {
        private double gain = 1;
        Object sink;

        CarelessGain() {
            super(List.of(ParamSpec.linear("gainPct", "Gain", "%", 0, 100, 100)));
        }

        @Override
        public String typeId() {
            return "careless";
        }

        @Override
        public String displayName() {
            return "Careless";
        }

        @Override
        public void prepare(ProcessSpec spec) {
        }

        @Override
        public void reset() {
        }

        @Override
        protected void onParameterChanged(int index, double value) {
            gain = value / 100;
        }

        @Override
        public void process(AudioBlock block) {
            sink = new double[block.numSamples()];
            for (int c = 0; c < block.numChannels(); c++) {
                for (int i = 0; i < block.numSamples(); i++) {
                    block.channel(c)[i] *= (float) gain;
                }
            }
        }
    }

    @Test
    void allocationProbeSeesAllocations() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new CarelessGain())).isGreaterThan(10_000L * 32 * 8);
    }

    @Test
    void clickProbeSeesUnsmoothedJumps() {
        assertThat(ProcessorTestKit.clickRatio(new CarelessGain(), 2)).isGreaterThan(5.0);
    }

    @Test
    void rt60OfAnExactExponentialDecay() {
        double fs = 44100;
        double t60 = 1.3;
        java.util.Random rnd = new java.util.Random(3);
        float[][] h = new float[1][(int) (fs * 2.5)];
        for (int i = 0; i < h[0].length; i++) {
            h[0][i] = (float) (rnd.nextGaussian() * Math.pow(10, -3.0 * i / fs / t60));
        }
        assertThat(ReverbMeasures.rt60(h, fs)).isCloseTo(t60, within(0.02));
        assertThat(ReverbMeasures.normalizedEchoDensity(h[0], 20000, 20, fs)).isCloseTo(1.0, within(0.1));
        assertThat(ReverbMeasures.maxPeakAboveSmoothDb(h[0], 0, (int) fs, 4096, fs, t60, 100, 10_000))
                .isLessThan(8.0);
    }

    @Test
    void tailPeakMeasureSeesARingingMode() {
        double fs = 44100;
        java.util.Random rnd = new java.util.Random(4);
        float[] h = new float[(int) fs];
        for (int i = 0; i < h.length; i++) {
            double env = Math.pow(10, -3.0 * i / fs / 1.8);
            h[i] = (float) (env * (rnd.nextGaussian() * 0.01 + 0.05 * Math.sin(2 * Math.PI * 1234.5 * i / fs)));
        }
        assertThat(ReverbMeasures.maxPeakAboveSmoothDb(h, 0, h.length, 4096, fs, 1.8, 100, 10_000))
                .isGreaterThan(12.0);
        // sparse isolated echoes have a low normalized echo density
        float[] sparse = new float[4410];
        for (int i = 0; i < sparse.length; i += 441) {
            sparse[i] = 1;
        }
        assertThat(ReverbMeasures.normalizedEchoDensity(sparse, 2205, 20, fs)).isLessThan(0.1);
    }
}
