package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalibrationSignalsTest {
    private static final double SR = 44_100;

    @Test
    @DisplayName("FFT known answer: an impulse transforms to all ones and back")
    void fftImpulse() {
        double[] re = new double[8];
        double[] im = new double[8];
        re[0] = 1;
        CalibrationSignals.fft(re, im, false);
        for (int i = 0; i < 8; i++) {
            assertThat(re[i]).isCloseTo(1.0, within(1e-12));
            assertThat(im[i]).isCloseTo(0.0, within(1e-12));
        }
        CalibrationSignals.fft(re, im, true);
        assertThat(re[0]).isCloseTo(1.0, within(1e-12));
        assertThat(re[3]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    @DisplayName("pink noise: exact RMS, seeded, equal power per octave (-3 dB/oct)")
    void pinkNoise() {
        int n = 1 << 17;
        double[] a = CalibrationSignals.pinkNoise(n, SR, -20, 7);
        assertThat(DspMath.gainToDb(CalibrationSignals.rms(a))).isCloseTo(-20.0, within(1e-9));
        assertThat(CalibrationSignals.pinkNoise(n, SR, -20, 7)).isEqualTo(a);
        assertThat(CalibrationSignals.pinkNoise(n, SR, -20, 8)).isNotEqualTo(a);
        double[] re = a.clone();
        double[] im = new double[n];
        CalibrationSignals.fft(re, im, false);
        double ref = octavePowerDb(re, im, n, 1000);
        for (double lo : new double[] {62.5, 125, 250, 500, 2000, 4000, 8000}) {
            assertThat(octavePowerDb(re, im, n, lo)).as("octave from " + lo + " Hz").isCloseTo(ref, within(0.6));
        }
        assertThat(CalibrationSignals.peak(a)).isLessThan(0.6);
    }

    @Test
    @DisplayName("log sweep: length, amplitude, starts near 20 Hz and ends near 20 kHz")
    void logSweep() {
        double[] s = CalibrationSignals.logSweep(SR, 20, 20_000, 5, 0.5, 0.01);
        assertThat(s).hasSize(220_500);
        assertThat(CalibrationSignals.peak(s)).isCloseTo(0.5, within(1e-3));
        assertThat(s[0]).isZero();
        assertThat(s[s.length - 1]).isCloseTo(0.0, within(1e-9));
        // instantaneous frequency f(t) = 20 * 1000^(t/5): count zero crossings in 0.5 s windows
        assertThat(crossingsHz(s, 0.25, 0.75)).isCloseTo(20 * Math.pow(1000, 0.1), within(2.0));
        assertThat(crossingsHz(s, 2.25, 2.75)).isCloseTo(20 * Math.pow(1000, 0.5), within(40.0));
    }

    @Test
    @DisplayName("sweep deconvolved with its inverse filter gives a peak of 1 at n-1")
    void sweepInverseGivesImpulse() {
        double sr = 8000;
        double[] s = CalibrationSignals.logSweep(sr, 50, 3000, 0.5, 1.0, 0.0);
        double[] inv = CalibrationSignals.logSweepInverse(sr, 50, 3000, 0.5);
        int n = s.length;
        int size = Integer.highestOneBit(2 * n) << 1;
        double[] ar = new double[size];
        double[] ai = new double[size];
        double[] br = new double[size];
        double[] bi = new double[size];
        System.arraycopy(s, 0, ar, 0, n);
        System.arraycopy(inv, 0, br, 0, n);
        CalibrationSignals.fft(ar, ai, false);
        CalibrationSignals.fft(br, bi, false);
        for (int i = 0; i < size; i++) {
            double r = ar[i] * br[i] - ai[i] * bi[i];
            double m = ar[i] * bi[i] + ai[i] * br[i];
            ar[i] = r;
            ai[i] = m;
        }
        CalibrationSignals.fft(ar, ai, true);
        int argmax = 0;
        for (int i = 0; i < size; i++) {
            if (Math.abs(ar[i]) > Math.abs(ar[argmax])) {
                argmax = i;
            }
        }
        assertThat(argmax).isEqualTo(n - 1);
        assertThat(ar[argmax]).isCloseTo(1.0, within(1e-9));
        assertThat(Math.abs(ar[argmax + 40])).isLessThan(0.1);
    }

    @Test
    @DisplayName("sine known answer: quarter-rate tone is 0, A, 0, -A")
    void sine() {
        double[] x = CalibrationSignals.sine(8, 2, 1, 0.1);
        assertThat(x).hasSize(8);
        assertThat(x[0]).isZero();
        assertThat(x[1]).isCloseTo(0.1, within(1e-15));
        assertThat(x[2]).isCloseTo(0.0, within(1e-15));
        assertThat(x[3]).isCloseTo(-0.1, within(1e-15));
        assertThatThrownBy(() -> CalibrationSignals.sine(8, 5, 1, 1)).hasMessageContaining("freqHz");
        assertThatThrownBy(() -> CalibrationSignals.logSweep(SR, 20, 30_000, 1, 1, 0)).hasMessageContaining("sweep");
        assertThatThrownBy(() -> CalibrationSignals.pinkNoise(0, SR, -20, 1)).hasMessageContaining("length");
    }

    private static double octavePowerDb(double[] re, double[] im, int n, double loHz) {
        double sum = 0;
        for (int k = 1; k < n / 2; k++) {
            double f = k * SR / n;
            if (f >= loHz && f < 2 * loHz) {
                sum += re[k] * re[k] + im[k] * im[k];
            }
        }
        return 10 * Math.log10(sum);
    }

    private static double crossingsHz(double[] x, double fromS, double toS) {
        int a = (int) (fromS * SR);
        int b = (int) (toS * SR);
        int c = 0;
        for (int i = a + 1; i < b; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                c++;
            }
        }
        return c / 2.0 / (toS - fromS);
    }
}
