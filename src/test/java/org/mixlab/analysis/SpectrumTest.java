package org.mixlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FFT, spectrum calibration, 1/3-octave bands and the long-term average spectrum. */
class SpectrumTest {

    @Test
    @DisplayName("FFT known answers: impulse -> flat spectrum, inverse restores the input")
    void fftKnownAnswers() {
        Fft fft = new Fft(16);
        double[] re = new double[16], im = new double[16];
        re[0] = 1;
        fft.forward(re, im);
        for (int k = 0; k < 16; k++) {
            assertThat(re[k]).isCloseTo(1.0, within(1e-12));
            assertThat(im[k]).isCloseTo(0.0, within(1e-12));
        }
        // a cosine at bin 3 puts N/2 into bins 3 and 13
        Random r = new Random(5);
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) {
            re[i] = Math.cos(2 * Math.PI * 3 * i / 16);
            im[i] = 0;
        }
        fft.forward(re, im);
        assertThat(re[3]).isCloseTo(8.0, within(1e-12));
        assertThat(re[13]).isCloseTo(8.0, within(1e-12));
        assertThat(Math.hypot(re[4], im[4])).isCloseTo(0.0, within(1e-12));
        for (int i = 0; i < 16; i++) {
            x[i] = r.nextGaussian();
            re[i] = x[i];
            im[i] = 0;
        }
        fft.forward(re, im);
        fft.inverse(re, im);
        for (int i = 0; i < 16; i++) {
            assertThat(re[i]).isCloseTo(x[i], within(1e-12));
        }
        assertThatThrownBy(() -> new Fft(1000)).hasMessageContaining("power of two");
    }

    @Test
    @DisplayName("a full-scale sine on an exact bin reads 0 dB there (+-0.1), at every size 1024..16384")
    void fullScaleSineReadsZeroDb() {
        for (int size = 1024; size <= 16_384; size *= 2) {
            SpectrumAnalyzer a = new SpectrumAnalyzer(size, 48_000);
            int bin = size / 16 + 3;
            float[] x = TestSignals.sine(size, 48_000, a.binFrequencyHz(bin), 1.0, 0.3);
            double[] db = new double[a.binCount()];
            a.magnitudeDb(x, 0, db);
            assertThat(db[bin]).as("size %d", size).isCloseTo(0.0, within(0.1));
            assertThat(db[bin + 1]).isCloseTo(-6.02, within(0.1)); // Hann main lobe: half amplitude next door
            assertThat(db[bin + 5]).isLessThan(-100);
        }
    }

    @Test
    @DisplayName("-20 dBFS sine reads -20 dB; half-way between bins it reads the Hann scalloping loss (-1.42 dB)")
    void levelsAndScalloping() {
        SpectrumAnalyzer a = new SpectrumAnalyzer(4096, 48_000);
        double[] db = new double[a.binCount()];
        a.magnitudeDb(TestSignals.sine(4096, 48_000, a.binFrequencyHz(100), 0.1, 0), 0, db);
        assertThat(db[100]).isCloseTo(-20.0, within(0.01));
        a.magnitudeDb(TestSignals.sine(4096, 48_000, a.binFrequencyHz(100) + 48_000.0 / 4096 / 2, 1.0, 0), 0, db);
        assertThat(Math.max(db[100], db[101])).isCloseTo(-1.42, within(0.02));
    }

    @Test
    @DisplayName("streaming push + magnitudeDb equals offline analysis of the latest samples, without allocating")
    void streamingMatchesOffline() {
        SpectrumAnalyzer live = new SpectrumAnalyzer(2048, 48_000);
        SpectrumAnalyzer offline = new SpectrumAnalyzer(2048, 48_000);
        float[] x = TestSignals.whiteNoise(10_000, 0.2, 9);
        double[] a = new double[live.binCount()], b = new double[live.binCount()];
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) { // warm-up
            live.push(x, i * 16, 16);
            live.magnitudeDb(a);
        }
        live.reset();
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int pos = 0; pos < 10_000 - 100; pos += 100) {
            live.push(x, pos, 100);
        }
        live.magnitudeDb(a);
        assertThat(bean.getCurrentThreadAllocatedBytes() - before).isZero();
        offline.magnitudeDb(x, 9_900 - 2048, b);
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k]).isCloseTo(b[k], within(1e-9));
        }
    }

    @Test
    @DisplayName("smoothing and peak-hold helpers")
    void helpers() {
        double[] state = {0, -10};
        SpectrumAnalyzer.smooth(state, new double[] {-10, -10}, 0.5);
        assertThat(state).containsExactly(-5, -10);
        double[] held = {0, -50};
        SpectrumAnalyzer.peakHold(held, new double[] {-20, -40}, 3);
        assertThat(held).containsExactly(-3, -40);
    }

    @Test
    @DisplayName("power spectrum is Parseval-calibrated: white noise bins add up to its mean square")
    void parseval() {
        float[] x = TestSignals.whiteNoise(48_000 * 2, 0.1, 4);
        double[] p = LongTermSpectrum.of(new float[][] {x}, 48_000, 4096);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertThat(10 * Math.log10(sum)).isCloseTo(-20.0, within(0.1));
    }

    /** Pink noise made in the frequency domain: 1/f power, random phases, RMS 0.1. */
    private static float[] pinkNoise(int log2Size, long seed) {
        int n = 1 << log2Size;
        double[] re = new double[n], im = new double[n];
        Random r = new Random(seed);
        for (int k = 1; k < n / 2; k++) {
            double amp = 1 / Math.sqrt(k);
            double ph = 2 * Math.PI * r.nextDouble();
            re[k] = amp * Math.cos(ph);
            im[k] = amp * Math.sin(ph);
            re[n - k] = re[k];
            im[n - k] = -im[k];
        }
        new Fft(n).inverse(re, im);
        double ms = 0;
        for (double v : re) {
            ms += v * v;
        }
        double scale = 0.1 / Math.sqrt(ms / n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (re[i] * scale);
        }
        return x;
    }

    @Test
    @DisplayName("1/3 octaves: pink noise gives equal band levels (+-1.5 dB) from 100 Hz to 10 kHz")
    void pinkNoiseIsFlatInThirdOctaves() {
        float[] pink = pinkNoise(18, 11);
        double[] p = LongTermSpectrum.of(new float[][] {pink, pink}, 48_000, 8192);
        ThirdOctaveBands bands = new ThirdOctaveBands(8192, 48_000);
        double[] db = new double[ThirdOctaveBands.bandCount()];
        bands.bandLevelsDb(p, db);
        double[] nominal = ThirdOctaveBands.nominalCentresHz();
        double ref = db[17]; // 1 kHz
        for (int b = 0; b < db.length; b++) {
            if (nominal[b] >= 100 && nominal[b] <= 10_000) {
                assertThat(db[b]).as("%s Hz band", nominal[b]).isCloseTo(ref, within(1.5));
            }
        }
        assertThat(nominal).hasSize(31).startsWith(20.0).endsWith(20_000.0);
    }

    @Test
    @DisplayName("1/3 octaves: a full-scale 1 kHz sine reads -3.01 dB in the 1 kHz band, far less two bands away")
    void sineInOneBand() {
        float[] s = TestSignals.sine(48_000, 48_000, 1000, 1.0, 0);
        double[] p = LongTermSpectrum.of(new float[][] {s}, 48_000, 8192);
        double[] db = new double[31];
        new ThirdOctaveBands(8192, 48_000).bandLevelsDb(p, db);
        assertThat(db[17]).isCloseTo(-3.01, within(0.05));
        assertThat(db[15]).isLessThan(-60);
        assertThat(db[19]).isLessThan(-60);
        // at 44.1 kHz the 20 kHz band reaches past Nyquist and reads -inf
        double[] p44 = LongTermSpectrum.of(new float[][] {s}, 44_100, 8192);
        new ThirdOctaveBands(8192, 44_100).bandLevelsDb(p44, db);
        assertThat(db[30]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    @DisplayName("AudioBlock paths: LTAS via blocks equals LTAS via arrays; push(block) folds channels to mono")
    void audioBlockPaths() {
        float[] a = TestSignals.whiteNoise(20_000, 0.1, 21);
        float[] b = TestSignals.whiteNoise(20_000, 0.1, 22);
        LongTermSpectrum viaArrays = new LongTermSpectrum(2, 1024, 48_000);
        viaArrays.add(new float[][] {a, b}, 0, 20_000);
        LongTermSpectrum viaBlocks = new LongTermSpectrum(2, 1024, 48_000);
        org.mixlab.dsp.AudioBlock block = new org.mixlab.dsp.AudioBlock(2, 300);
        for (int pos = 0; pos < 20_000; pos += 300) {
            int n = Math.min(300, 20_000 - pos);
            block.setNumSamples(n);
            System.arraycopy(a, pos, block.channel(0), 0, n);
            System.arraycopy(b, pos, block.channel(1), 0, n);
            viaBlocks.add(block);
        }
        assertThat(viaBlocks.frameCount()).isEqualTo(viaArrays.frameCount()).isEqualTo(38);
        double[] p1 = new double[513], p2 = new double[513];
        viaArrays.meanPower(p1);
        viaBlocks.meanPower(p2);
        assertThat(p2).containsExactly(p1);

        SpectrumAnalyzer s = new SpectrumAnalyzer(1024, 48_000);
        float[] sine = TestSignals.sine(1024, 48_000, s.binFrequencyHz(64), 1.0, 0);
        float[] zero = new float[1024];
        block = new org.mixlab.dsp.AudioBlock(new float[][] {sine, zero}, 1024);
        s.push(block);
        double[] db = new double[s.binCount()];
        s.magnitudeDb(db);
        assertThat(db[64]).isCloseTo(-6.02, within(0.01)); // (sine + silence) / 2
    }
}
