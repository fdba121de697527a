package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OversamplerTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void roundTripIsAWholeSampleDelayWithUnityGain(int factor) {
        Oversampler os = new Oversampler(factor, false);
        os.prepare(1, 512);
        float[] x = new float[512];
        x[0] = 1;
        float[] y = new float[512];
        os.upsample(0, x, 512);
        os.downsample(0, y, 512);
        int lat = os.latencySamples();
        // a symmetric (linear-phase) response centred exactly on the reported latency
        for (int k = 1; k < lat; k++) {
            assertThat(y[lat - k]).isCloseTo(y[lat + k], org.assertj.core.data.Offset.offset(1e-6f));
        }
        double sum = 0;
        for (float v : y) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(y[lat]).isGreaterThan(0.8f);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void halfSampleCompensationKeepsLatencyWhole(int factor) {
        Oversampler os = new Oversampler(factor, true);
        os.prepare(1, 512);
        float[] x = new float[512];
        x[0] = 1;
        float[] y = new float[512];
        os.upsample(0, x, 512);
        double[] b = os.buffer(0);
        double prev = 0;
        for (int i = 0; i < 512 * factor; i++) { // a two-point average: half a top-rate sample of delay
            double c = b[i];
            b[i] = 0.5 * (c + prev);
            prev = c;
        }
        os.downsample(0, y, 512);
        int lat = os.latencySamples();
        for (int k = 1; k < lat; k++) {
            assertThat(y[lat - k]).isCloseTo(y[lat + k], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void passbandIsFlatTo19kHzAt48kHz() {
        for (double f : new double[] {100, 1000, 10_000, 19_000}) {
            Oversampler os = new Oversampler(4, false);
            os.prepare(1, 256);
            float[] x = ProcessorTestKit.sine(f, 0.5, 0.3, 8192, 48_000);
            float[] y = new float[8192];
            float[] blockIn = new float[256];
            float[] blockOut = new float[256];
            for (int s = 0; s < 8192; s += 256) {
                System.arraycopy(x, s, blockIn, 0, 256);
                os.upsample(0, blockIn, 256);
                os.downsample(0, blockOut, 256);
                System.arraycopy(blockOut, 0, y, s, 256);
            }
            int lat = os.latencySamples();
            double err = 0;
            for (int i = 2000; i < 8000; i++) {
                err = Math.max(err, Math.abs(y[i] - x[i - lat]));
            }
            assertThat(err).as("delay-compensated error at %s Hz", f).isLessThan(0.5 * 0.002);
        }
    }

    @Test
    void decimatorRejectsTopRateContentThatWouldAlias() {
        Oversampler os = new Oversampler(4, false);
        os.prepare(1, 1024);
        float[] out = new float[1024];
        double worst = 0;
        for (double f : new double[] {24_500, 30_000, 60_000, 90_000, 95_000}) {
            os.reset();
            for (int block = 0; block < 4; block++) {
                double[] b = os.buffer(0);
                for (int i = 0; i < 4096; i++) {
                    b[i] = Math.sin(2 * Math.PI * f * (block * 4096 + i) / 192_000);
                }
                os.downsample(0, out, 1024);
            }
            worst = Math.max(worst, ProcessorTestKit.peak(out, 200, 1024));
            assertThat(DspMath.gainToDb(ProcessorTestKit.peak(out, 200, 1024))).as("at %s Hz", f).isLessThan(-75);
        }
        assertThat(DspMath.gainToDb(worst)).isLessThan(-75);
    }

    @Test
    void interpolatorKeepsImagesOfAToneSeventyFiveDbDown() {
        // 15 kHz at 48 kHz, upsampled 4x: the images sit at 48k +- 15k, 96k +- 15k, ...; none may be above -75 dB
        Oversampler os = new Oversampler(4, true);
        os.prepare(1, 512);
        int n = 16384;
        float[] x = ProcessorTestKit.sine(15_000, 1.0, 0, 2048 + n / 4, 48_000);
        float[] top = new float[4 * x.length];
        for (int from = 0; from < x.length; from += 512) {
            os.upsample(0, java.util.Arrays.copyOfRange(x, from, from + 512), 512);
            double[] b = os.buffer(0);
            for (int i = 0; i < 2048; i++) {
                top[4 * from + i] = (float) b[i];
            }
        }
        double[] db = ProcessorTestKit.spectrumDb(top, 8192, n);
        double fund = ProcessorTestKit.levelAt(db, 15_000, n, 192_000);
        for (double image : new double[] {33_000, 63_000, 81_000}) {
            assertThat(ProcessorTestKit.levelAt(db, image, n, 192_000) - fund).as("image at %s Hz", image)
                    .isLessThan(-75);
        }
    }

    @Test
    void nonFiniteInputIsTreatedAsSilence() {
        Oversampler os = new Oversampler(2, false);
        os.prepare(1, 64);
        float[] x = new float[64];
        x[3] = Float.NaN;
        x[9] = Float.POSITIVE_INFINITY;
        float[] y = new float[64];
        os.upsample(0, x, 64);
        os.downsample(0, y, 64);
        for (float v : y) {
            assertThat(v).isEqualTo(0f);
        }
    }

    @Test
    void rejectsUnsupportedFactor() {
        assertThatThrownBy(() -> new Oversampler(3, false)).hasMessageContaining("1, 2, 4 or 8");
        assertThat(new Oversampler(1, true).latencySamples()).isZero();
    }
}
