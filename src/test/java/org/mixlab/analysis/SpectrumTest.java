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
    @DisplayName("FFT known answers (TarsosDSP, rectangular window): impulse -> flat 20 log10(2/N), cosine on bin 3 -> 0 dB")
    void fftKnownAnswers() {
        int n = 1024;
        SpectrumAnalyzer a = new SpectrumAnalyzer(n, 48_000, SpectrumAnalyzer.Window.RECTANGULAR);
        float[] impulse = new float[n];
        impulse[0] = 1;
        double[] db = new double[a.binCount()];
        a.magnitudeDb(impulse, 0, db);
        double flat = 20 * Math.log10(2.0 / n);
        for (int k = 1; k < n / 2; k++) {
            assertThat(db[k]).as("bin %d", k).isCloseTo(flat, within(1e-4));
        }
        assertThat(db[0]).isCloseTo(flat - 6.0206, within(1e-4)); // DC and Nyquist have no mirror image
        assertThat(db[n / 2]).isCloseTo(flat - 6.0206, within(1e-4));
        float[] cos = new float[n];
        for (int i = 0; i < n; i++) {
            cos[i] = (float) Math.cos(2 * Math.PI * 3 * i / n);
        }
        a.magnitudeDb(cos, 0, db);
        assertThat(db[3]).isCloseTo(0.0, within(1e-4));
        assertThat(db[2]).isLessThan(-120);
        assertThat(db[4]).isLessThan(-120);
        assertThatThrownBy(() -> new SpectrumAnalyzer(1000, 48_000)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new SpectrumAnalyzer(1024, 48_000, null)).hasMessageContaining("window");
    }

    @Test
    @DisplayName("every window reads a bin-centred full-scale sine as 0 dB and a half-bin sine with its scalloping loss")
    void windowChoice() {
        Object[][] cases = {
            // window, neighbour-bin level of a bin-centred tone, scalloping loss
            {SpectrumAnalyzer.Window.HANN, -6.02, -1.42},
            {SpectrumAnalyzer.Window.HAMMING, -7.38, -1.75},
            {SpectrumAnalyzer.Window.BLACKMAN_HARRIS, -3.40, -0.83},
            {SpectrumAnalyzer.Window.RECTANGULAR, -200.0, -3.92}};
        for (Object[] c : cases) {
            SpectrumAnalyzer.Window w = (SpectrumAnalyzer.Window) c[0];
            SpectrumAnalyzer a = new SpectrumAnalyzer(4096, 48_000, w);
            assertThat(a.window()).isEqualTo(w);
            double[] db = new double[a.binCount()];
            a.magnitudeDb(TestSignals.sine(4096, 48_000, a.binFrequencyHz(200), 1.0, 0.4), 0, db);
            assertThat(db[200]).as("%s on bin", w).isCloseTo(0.0, within(0.02));
            if (w == SpectrumAnalyzer.Window.RECTANGULAR) {
                assertThat(db[201]).as("%s next bin", w).isLessThan(-100);
            } else {
                assertThat(db[201]).as("%s next bin", w).isCloseTo((double) c[1], within(0.1));
            }
            a.magnitudeDb(TestSignals.sine(4096, 48_000, a.binFrequencyHz(200) + 48_000.0 / 4096 / 2, 1.0, 0), 0, db);
            assertThat(Math.max(db[200], db[201])).as("%s half-way", w).isCloseTo((double) c[2], within(0.03));
        }
        // Blackman-Harris keeps a -80 dB partial 20 bins from a full-scale tone visible; Hann buries it in leakage
        float[] two = TestSignals.sine(4096, 48_000, 48_000.0 / 4096 * 100.5, 1.0, 0);
        float[] weak = TestSignals.sine(4096, 48_000, 48_000.0 / 4096 * 120, 1e-4, 0);
        for (int i = 0; i < two.length; i++) {
            two[i] += weak[i];
        }
        double[] bh = new double[2049], hann = new double[2049];
        new SpectrumAnalyzer(4096, 48_000, SpectrumAnalyzer.Window.BLACKMAN_HARRIS).magnitudeDb(two, 0, bh);
        new SpectrumAnalyzer(4096, 48_000).magnitudeDb(two, 0, hann);
        assertThat(bh[120] - bh[115]).as("partial above the leakage floor, Blackman-Harris").isGreaterThan(10);
        assertThat(hann[120] - hann[115]).as("partial lost in leakage, Hann").isLessThan(3);
    }

    @Test
    @DisplayName("the TarsosDSP transform allocates nothing per call at sizes 1024..65536, in every window")
    void transformDoesNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] x = TestSignals.whiteNoise(65_536, 0.1, 3);
        for (SpectrumAnalyzer.Window w : SpectrumAnalyzer.Window.values()) {
            for (int size = 1024; size <= 65_536; size *= 4) {
                SpectrumAnalyzer a = new SpectrumAnalyzer(size, 48_000, w);
                double[] out = new double[a.binCount()];
                for (int i = 0; i < 50; i++) {
                    a.magnitudeDb(x, 0, out);
                    a.powerSpectrum(x, 0, out);
                }
                long before = bean.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 50; i++) {
                    a.magnitudeDb(x, 0, out);
                    a.powerSpectrum(x, 0, out);
                }
                assertThat(bean.getCurrentThreadAllocatedBytes() - before).as("%s, size %d", w, size).isZero();
            }
        }
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
        // TarsosDSP packed layout: [Re0, Re(N/2), Re1, Im1, ...]; DC and Nyquist stay 0
        float[] packed = new float[n];
        for (int k = 1; k < n / 2; k++) {
            packed[2 * k] = (float) re[k];
            packed[2 * k + 1] = (float) im[k];
        }
        new be.tarsos.dsp.util.fft.FFT(n).backwardsTransform(packed);
        double ms = 0;
        for (float v : packed) {
            ms += (double) v * v;
        }
        double scale = 0.1 / Math.sqrt(ms / n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (packed[i] * scale);
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
