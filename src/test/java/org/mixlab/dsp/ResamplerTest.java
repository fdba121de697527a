package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measures the resampler with pure sines: passband gain (ripple), image/alias residual of passband tones, and the
 * rejection of tones above the lower Nyquist frequency. The printed figures are the ones quoted in docs/audio-io.md.
 */
class ResamplerTest {
    private static final int INPUT_LENGTH = 6000;
    private static final double AMPLITUDE = 0.5;

    /** Gain and residual of one tone through the resampler, measured away from the buffer edges. */
    private record ToneResult(double gainDb, double residualDb) {}

    private static ToneResult tone(Resampler r, double fromHz, double toHz, double freqHz) {
        float[] in = new float[INPUT_LENGTH];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * freqHz * i / fromHz + 0.3));
        }
        float[] out = r.process(in);
        int edge = r.tapsPerOutput() * (int) Math.ceil(toHz / fromHz) + 8;
        int from = edge;
        int to = out.length - edge;
        // Least-squares fit of a*sin + b*cos at the tone frequency on the output grid.
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int n = from; n < to; n++) {
            double w = 2 * Math.PI * freqHz * n / toHz;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += out[n] * s;
            yc += out[n] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        double res = 0;
        for (int n = from; n < to; n++) {
            double w = 2 * Math.PI * freqHz * n / toHz;
            double e = out[n] - (a * Math.sin(w) + b * Math.cos(w));
            res += e * e;
        }
        double residualRms = Math.sqrt(res / (to - from));
        double gain = Math.hypot(a, b) / AMPLITUDE;
        return new ToneResult(DspMath.gainToDb(gain), DspMath.gainToDb(residualRms / (AMPLITUDE / Math.sqrt(2))));
    }

    /** Output RMS relative to input RMS for a tone the filter must remove, away from the buffer edges. */
    private static double stopbandOutputDb(Resampler r, double fromHz, double toHz, double freqHz) {
        float[] in = new float[INPUT_LENGTH];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * freqHz * i / fromHz + 0.3));
        }
        float[] out = r.process(in);
        int edge = r.tapsPerOutput() + 8;
        double sum = 0;
        for (int n = edge; n < out.length - edge; n++) {
            sum += (double) out[n] * out[n];
        }
        double rms = Math.sqrt(sum / (out.length - 2 * edge));
        return DspMath.gainToDb(rms / (AMPLITUDE / Math.sqrt(2)));
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100,48000", "48000,44100", "96000,44100", "44100,96000", "192000,48000", "8000,44100",
        "44100,47999.5"})
    void passbandIsFlatAndCleanAndStopbandIsRejected(double fromHz, double toHz) {
        Resampler r = new Resampler(fromHz, toHz);
        double minHz = Math.min(fromHz, toHz);
        double passEdge = Resampler.PASSBAND_EDGE * minHz;
        double maxGain = Double.NEGATIVE_INFINITY;
        double minGain = Double.POSITIVE_INFINITY;
        double worstResidual = Double.NEGATIVE_INFINITY;
        int points = 40;
        for (int i = 0; i <= points; i++) {
            // Logarithmic from 20 Hz to the passband edge, plus the edge itself.
            double f = 20.0 * Math.pow(passEdge / 20.0, (double) i / points);
            ToneResult t = tone(r, fromHz, toHz, f);
            maxGain = Math.max(maxGain, t.gainDb());
            minGain = Math.min(minGain, t.gainDb());
            worstResidual = Math.max(worstResidual, t.residualDb());
        }
        double ripple = Math.max(Math.abs(maxGain), Math.abs(minGain));
        // Downsampling: tones between the lower Nyquist and the input Nyquist must vanish.
        double worstStop = Double.NEGATIVE_INFINITY;
        if (toHz < fromHz) {
            double stopEdge = Resampler.STOPBAND_EDGE * minHz;
            double top = 0.499 * fromHz;
            for (int i = 0; i <= 30; i++) {
                double f = stopEdge + (top - stopEdge) * Math.pow(i / 30.0, 2);
                worstStop = Math.max(worstStop, stopbandOutputDb(r, fromHz, toHz, f));
            }
        }
        System.out.printf(Locale.ROOT, "resampler %s -> %s Hz (%d taps, exact=%s): passband deviation %.5f dB"
                + " (gain %.5f..%.5f dB), passband residual %.1f dB, stopband %s%n", fmt(fromHz), fmt(toHz),
                r.tapsPerOutput(), r.isExact(), ripple, minGain, maxGain, worstResidual,
                toHz < fromHz ? String.format(Locale.ROOT, "%.1f dB", worstStop) : "n/a (upsampling)");
        assertThat(ripple).as("passband deviation in dB").isLessThan(0.01);
        // Images (upsampling) and aliases/interpolation errors of passband tones are at least 100 dB down.
        assertThat(worstResidual).as("passband residual in dB").isLessThan(-100);
        if (toHz < fromHz) {
            assertThat(worstStop).as("stopband output in dB").isLessThan(-100);
        }
    }

    private static String fmt(double hz) {
        return hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz);
    }

    /** Frequency response in dB of the continuous kernel, by dense numerical integration (64 points per sample). */
    private static double kernelResponseDb(Resampler r, double fromHz, double freqHz) {
        int perSample = 64;
        int half = r.tapsPerOutput() / 2 * perSample;
        double w = 2 * Math.PI * freqHz / fromHz / perSample;
        double sum = r.kernelAt(0);
        for (int k = 1; k <= half; k++) {
            sum += 2 * r.kernelAt((double) k / perSample) * Math.cos(w * k);
        }
        return DspMath.gainToDb(Math.abs(sum / perSample));
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100,48000", "48000,44100"})
    void filterDesignMeetsTheSpecification(double fromHz, double toHz) {
        Resampler r = new Resampler(fromHz, toHz);
        double minHz = Math.min(fromHz, toHz);
        double ripple = 0;
        for (int i = 0; i <= 200; i++) {
            double f = Resampler.PASSBAND_EDGE * minHz * i / 200;
            ripple = Math.max(ripple, Math.abs(kernelResponseDb(r, fromHz, f)));
        }
        double stop = Double.NEGATIVE_INFINITY;
        double stopEdge = Resampler.STOPBAND_EDGE * minHz;
        for (int i = 0; i <= 600; i++) {
            double f = stopEdge + (4 * Math.max(fromHz, toHz) - stopEdge) * i / 600;
            stop = Math.max(stop, kernelResponseDb(r, fromHz, f));
        }
        System.out.printf(Locale.ROOT, "resampler design %s -> %s Hz: passband ripple %.6f dB up to %.0f Hz,"
                + " stopband peak %.1f dB from %.0f Hz%n", fmt(fromHz), fmt(toHz), ripple,
                Resampler.PASSBAND_EDGE * minHz, stop, stopEdge);
        assertThat(ripple).isLessThan(0.01);
        assertThat(stop).isLessThan(-100);
    }

    @Test
    void dcPassesWithUnityGain() {
        float[] in = new float[4000];
        java.util.Arrays.fill(in, 0.25f);
        float[] out = Resampler.resample(in, 44100, 48000);
        assertThat(out).hasSize(4354); // ceil(4000 * 48000 / 44100) = ceil(4353.7)
        for (int n = 200; n < out.length - 200; n++) {
            assertThat((double) out[n]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void outputIsTimeAlignedWithInput() {
        // An impulse at input sample 1000 (44.1 kHz) peaks at the same time on the 88.2 kHz grid: sample 2000.
        float[] in = new float[2001];
        in[1000] = 1f;
        float[] out = Resampler.resample(in, 44100, 88200);
        int peak = 0;
        for (int n = 1; n < out.length; n++) {
            if (Math.abs(out[n]) > Math.abs(out[peak])) {
                peak = n;
            }
        }
        assertThat(peak).isEqualTo(2000);
        assertThat(out[peak]).isCloseTo(0.95f, org.assertj.core.data.Offset.offset(0.01f)); // 2 * 0.475 * sinc(0)
        assertThat(out).hasSize(4002);
    }

    @Test
    void equalRatesCopyAndPlanarUsesOneDesign() {
        float[] a = {0.1f, -0.2f, 0.3f};
        float[] same = Resampler.resample(a, 48000, 48000);
        assertThat(same).containsExactly(a).isNotSameAs(a);
        float[][] planar = Resampler.resample(new float[][] {a, a}, 48000, 96000);
        assertThat(planar).hasNumberOfRows(2);
        assertThat(planar[0]).hasSize(6).containsExactly(planar[1]);
    }

    @Test
    void exactPolyphaseForCommonRatesAndInterpolatedOtherwise() {
        assertThat(new Resampler(44100, 48000).isExact()).isTrue();
        assertThat(new Resampler(96000, 44100).isExact()).isTrue();
        assertThat(new Resampler(8000, 192000).isExact()).isTrue();
        assertThat(new Resampler(44100, 47999.5).isExact()).isFalse();
        assertThat(new Resampler(44100, 44101).isExact()).isFalse();
    }

    @Test
    void rejectsImpossibleRates() {
        assertThatThrownBy(() -> new Resampler(0, 48000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resampler(44100, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resampler(8000, 9_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sixteenSecondsOfMonoConvertWellUnderOneSecond() {
        float[] in = new float[16 * 44100];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            float[] out = Resampler.resample(in, 44100, 48000);
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(out).hasSize(16 * 48000);
        }
        System.out.printf(Locale.ROOT, "resampler speed: 16 s mono 44.1k -> 48k in %.0f ms%n", best / 1e6);
        assertThat(best / 1e6).as("milliseconds").isLessThan(1000);
    }
}
