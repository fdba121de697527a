package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FxKernelsTest {
    @Test
    void delayLineReadsIntegerLinearAndCubic() {
        DelayLine d = new DelayLine();
        d.setMaximumDelay(100);
        for (int i = 0; i < 50; i++) {
            d.write(i);               // a ramp: the sample written k writes ago is 49 - (k - 1)
        }
        assertThat(d.readInt(1)).isEqualTo(49.0);
        assertThat(d.readInt(10)).isEqualTo(40.0);
        assertThat(d.readLinear(10.25)).isCloseTo(39.75, within(1e-12));
        assertThat(d.readCubic(10.0)).isEqualTo(40.0);
        assertThat(d.readCubic(10.25)).isCloseTo(39.75, within(1e-12)); // cubic is exact on a ramp
        assertThat(d.readInt(0)).isEqualTo(49.0);                        // clamped to 1
        assertThat(d.readInt(1000)).isEqualTo(d.readInt(100));           // clamped to the maximum
        assertThat(d.maximumDelay()).isEqualTo(100);
    }

    @Test
    void cubicReadOfASineIsAccurate() {
        DelayLine d = new DelayLine();
        d.setMaximumDelay(64);
        double w = 2 * Math.PI * 1000 / 44100;
        for (int i = 0; i < 64; i++) {
            d.write(Math.sin(w * i));
        }
        // delay 20.3 after 64 writes: sample index 63 - 19.3 = 43.7
        assertThat(d.readCubic(20.3)).isCloseTo(Math.sin(w * 43.7), within(2e-4));
        assertThat(d.readLinear(20.3)).isCloseTo(Math.sin(w * 43.7), within(3e-3));
    }

    @Test
    void delayLineRejectsAZeroMaximum() {
        assertThatThrownBy(() -> new DelayLine().setMaximumDelay(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void onePoleIsMinus3DbAtItsCutoff() {
        double fs = 48000;
        for (double fc : new double[] {100, 1000, 10000}) {
            OnePole lp = new OnePole();
            lp.setCutoff(fc, fs);
            OnePole hp = new OnePole();
            hp.setCutoff(fc, fs);
            double sl = 0, sh = 0;
            int n = 48000;
            for (int i = 0; i < n; i++) {
                double x = Math.sin(2 * Math.PI * fc * i / fs);
                double a = lp.lowpass(x);
                double b = hp.highpass(x);
                if (i >= n / 2) {
                    sl += a * a;
                    sh += b * b;
                }
            }
            double ref = n / 4.0; // sum of sin^2 over n/2 samples
            assertThat(10 * Math.log10(sl / ref)).as("LP at %.0f", fc).isCloseTo(-3.01, within(0.05));
            assertThat(10 * Math.log10(sh / ref)).as("HP at %.0f", fc).isCloseTo(-3.01, within(0.05));
        }
    }

    @Test
    void onePoleFlushesItsStateToExactZero() {
        OnePole lp = new OnePole();
        lp.setCutoff(20, 44100);
        lp.lowpass(1.0);
        double y = 1;
        for (int i = 0; i < 2_000_000 && y != 0; i++) {
            y = lp.lowpass(0.0);
        }
        assertThat(y).isZero();
    }

    @Test
    void lfoSineIsAccurateAndAdvancesAtItsRate() {
        for (double x = -2; x <= 2; x += 0.001) {
            assertThat(Lfo.sineCycles(x)).isCloseTo(Math.sin(2 * Math.PI * x), within(4e-6));
        }
        Lfo lfo = new Lfo();
        lfo.setRate(2, 1000);
        lfo.advance(125);                    // a quarter cycle
        assertThat(lfo.value(0)).isCloseTo(1.0, within(4e-6));
        assertThat(lfo.value(0.25)).isCloseTo(0.0, within(1e-5));
        for (int i = 0; i < 250; i++) {
            lfo.advance();
        }
        assertThat(lfo.value(0)).isCloseTo(-1.0, within(4e-6));
    }

    @Test
    void crossfadeTapMovesFromTheOldDelayToTheNewOne() {
        DelayLine line = new DelayLine();
        line.setMaximumDelay(64);
        CrossfadeTap tap = new CrossfadeTap();
        tap.setFadeSamples(4);
        tap.jumpTo(2);
        for (int i = 0; i < 10; i++) {
            line.write(i * 10);
        }
        tap.setTarget(4);
        double[] got = new double[6];
        for (int k = 0; k < 6; k++) {
            tap.begin();
            got[k] = tap.read(line);
            tap.advance();
            line.write(100 + k * 10);
        }
        // old tap (delay 2) reads x[n-2] = 10 (n-2), new tap reads 10 (n-4): the difference 20 fades in over 4 samples
        assertThat(got).containsExactly(80.0, 85.0, 90.0, 95.0, 100.0, 110.0);
    }
}
