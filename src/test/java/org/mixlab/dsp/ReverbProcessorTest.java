package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReverbProcessorTest {
    private static final double FS = 44100;

    private static float[][] impulseResponse(double decayS, double dampingPct, double sizePct, double seconds) {
        ReverbProcessor r = new ReverbProcessor();
        r.setParameter("decayS", decayS);
        r.setParameter("dampingPct", dampingPct);
        r.setParameter("sizePct", sizePct);
        r.setParameter("preDelayMs", 0);
        r.prepare(new ProcessSpec(FS, 512, 2));
        return ProcessorTestKit.render(r, ProcessorTestKit.impulse(2, (int) (FS * seconds)), 512);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.8, 4.0})
    void midFrequencyRt60MatchesTheSetting(double decayS) {
        // default damping (50 %); Schroeder T30 of the response band-passed around 700 Hz (one octave, 500 Hz-1 kHz)
        float[][] h = impulseResponse(decayS, 50, 50, 1.2 * decayS + 0.2); // tail beyond is below -70 dB
        double rt = ReverbMeasures.rt60(ReverbMeasures.bandPass(h, FS, 707, 1.41), FS);
        assertThat(rt).isCloseTo(decayS, within(0.05 * decayS));
    }

    @Test
    void broadbandRt60WithoutDampingMatchesTheSetting() {
        float[][] h = impulseResponse(1.8, 0, 50, 2.4);
        assertThat(ReverbMeasures.rt60(h, FS)).isCloseTo(1.8, within(0.18));
    }

    @Test
    void rt60HoldsAcrossSizes() {
        for (double size : new double[] {0, 100}) {
            float[][] h = impulseResponse(1.8, 50, size, 2.4);
            double rt = ReverbMeasures.rt60(ReverbMeasures.bandPass(h, FS, 707, 1.41), FS);
            assertThat(rt).as("size %.0f", size).isCloseTo(1.8, within(0.09));
        }
    }

    @Test
    void dampingShortensTheHighFrequencyDecayOnly() {
        float[][] damped = impulseResponse(1.8, 100, 50, 2.4);
        float[][] open = impulseResponse(1.8, 0, 50, 2.4);
        double highDamped = ReverbMeasures.rt60(ReverbMeasures.bandPass(damped, FS, 8000, 1.41), FS);
        double highOpen = ReverbMeasures.rt60(ReverbMeasures.bandPass(open, FS, 8000, 1.41), FS);
        double midDamped = ReverbMeasures.rt60(ReverbMeasures.bandPass(damped, FS, 707, 1.41), FS);
        assertThat(highOpen).isGreaterThan(1.4);
        assertThat(highDamped).isLessThan(0.5 * highOpen);
        assertThat(midDamped).isCloseTo(1.8, within(0.09));
    }

    @Test
    void echoDensityIsHighWithinTheFirst100Ms() {
        float[][] h = impulseResponse(1.8, 50, 50, 0.2);
        int window = (int) (0.1 * FS);
        for (int c = 0; c < 2; c++) {
            // samples above -40 dB re the response's peak in the first 100 ms, per second
            assertThat(ReverbMeasures.echoesPerSecond(h[c], 0, window, FS, -40)).isGreaterThan(10_000);
            // normalized echo density (20 ms windows) is noise-like by 60 ms and stays so
            for (double ms : new double[] {60, 80, 100}) {
                assertThat(ReverbMeasures.normalizedEchoDensity(h[c], (int) (ms / 1000 * FS), 20, FS))
                        .as("NED at %.0f ms", ms).isGreaterThan(0.75);
            }
        }
    }

    @Test
    void lateTailHasNoMetallicPeaks() {
        double[][] cases = {{0, 1.8}, {50, 1.8}, {100, 1.8}, {50, 4.0}}; // size %, decay s
        for (double[] sizeAndDecay : cases) {
            double size = sizeAndDecay[0];
            double decay = sizeAndDecay[1];
            float[][] h = impulseResponse(decay, 50, size, 0.15 + 0.5 * decay);
            double peak = ReverbMeasures.maxPeakAboveSmoothDb(h[0], (int) (0.15 * FS), (int) (0.5 * decay * FS),
                    4096, FS, decay, 100, 10_000);
            assertThat(peak).as("size %.0f decay %.1f", size, decay).isLessThan(8.0);
        }
    }

    @Test
    void preDelayIsExactToTheSample() {
        ReverbProcessor r = new ReverbProcessor();
        r.setParameter("preDelayMs", 50);
        r.setParameter("lowCutHz", 20);
        r.reset(); // settings made before playback start without a fade
        float[][] h = ProcessorTestKit.render(r, ProcessorTestKit.impulse(2, 4000), 512);
        int first = -1;
        for (int i = 0; i < 4000 && first < 0; i++) {
            if (h[0][i] != 0f || h[1][i] != 0f) {
                first = i;
            }
        }
        assertThat(first).isEqualTo(2205);
    }

    @Test
    void leftAndRightAreDecorrelatedAndWidthZeroIsMono() {
        float[][] h = impulseResponse(1.8, 50, 50, 1.0);
        double sll = 0, srr = 0, slr = 0;
        for (int i = (int) (0.1 * FS); i < h[0].length; i++) {
            sll += h[0][i] * h[0][i];
            srr += h[1][i] * h[1][i];
            slr += h[0][i] * h[1][i];
        }
        assertThat(Math.abs(slr / Math.sqrt(sll * srr))).isLessThan(0.2);

        ReverbProcessor r = new ReverbProcessor();
        r.setParameter("widthPct", 0);
        float[][] m = ProcessorTestKit.render(r, ProcessorTestKit.impulse(2, 20000), 512);
        assertThat(m[0]).containsExactly(m[1]);
    }

    @Test
    void monoBlockIsTheStereoOutputSummedDown() {
        ReverbProcessor stereo = new ReverbProcessor();
        ReverbProcessor mono = new ReverbProcessor();
        mono.prepare(new ProcessSpec(FS, 512, 1));
        float[][] s = ProcessorTestKit.render(stereo, ProcessorTestKit.sineChannels(2, 20000, 300, 0.5, FS), 512);
        float[][] m = ProcessorTestKit.render(mono, ProcessorTestKit.sineChannels(1, 20000, 300, 0.5, FS), 512);
        double maxErr = 0;
        double peak = 0;
        for (int i = 0; i < 20000; i++) {
            maxErr = Math.max(maxErr, Math.abs(m[0][i] - 0.5 * (s[0][i] + s[1][i])));
            peak = Math.max(peak, Math.abs(m[0][i]));
        }
        assertThat(peak).isGreaterThan(0.01);
        assertThat(maxErr).isLessThan(1e-6);
    }

    @Test
    void lowCutThinsTheWetSignal() {
        double lowAt100 = wetRms(100, 20);
        double lowAt1000 = wetRms(100, 1000);
        double midAt1000 = wetRms(3000, 1000);
        double midAt20 = wetRms(3000, 20);
        assertThat(lowAt1000 / lowAt100).isLessThan(0.15);          // about -20 dB at a decade below (12 dB/oct)
        assertThat(midAt1000 / midAt20).isBetween(0.8, 1.05);
    }

    private static double wetRms(double freq, double lowCutHz) {
        ReverbProcessor r = new ReverbProcessor();
        r.setParameter("lowCutHz", lowCutHz);
        float[][] y = ProcessorTestKit.render(r, ProcessorTestKit.sineChannels(2, 44100, freq, 0.5, FS), 512);
        return ProcessorTestKit.rms(y[0], 22050, 44100);
    }

    @Test
    void parameterSweepsDoNotClick() {
        assertThat(ProcessorTestKit.clickRatio(new ReverbProcessor(), 2)).isLessThan(3.0);
        assertThat(ProcessorTestKit.clickRatio(new ReverbProcessor(), 1)).isLessThan(3.0);
    }

    @Test
    void recoversFromNanAndInfinity() {
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new ReverbProcessor(), 2);
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new ReverbProcessor(), 1);
    }

    @Test
    void tailHasNoDenormalsAndDrainsToExactZero() {
        ReverbProcessor r = new ReverbProcessor();
        r.setParameter("decayS", 0.2);
        int zeros = ProcessorTestKit.assertNoDenormalsAfterImpulse(r, 2, 4);
        assertThat(zeros).isEqualTo(2 * 86 * 512);
    }

    @Test
    void processDoesNotAllocate() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new ReverbProcessor())).isZero();
    }
}
