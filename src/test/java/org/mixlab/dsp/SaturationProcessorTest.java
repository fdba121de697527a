package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaturationProcessorTest {
    private static final int N = 16384;

    private static SaturationProcessor make(int type, double driveDb, int channels) {
        SaturationProcessor p = new SaturationProcessor();
        p.setParameter(SaturationProcessor.TYPE, type);
        p.setParameter(SaturationProcessor.DRIVE_DB, driveDb);
        p.prepare(new ProcessSpec(48_000, 512, channels));
        return p;
    }

    @Test
    void idsAndRangesFollowTheSharedContract() {
        SaturationProcessor p = new SaturationProcessor();
        assertThat(p.typeId()).isEqualTo("saturation");
        assertThat(p.params()).extracting(ParamSpec::id)
                .containsExactly("type", "driveDb", "toneDb", "outputDb", "autoGain");
        assertThat(p.params().get(0).choices()).containsExactly("Tape", "Tube", "Hard clip");
        assertThat(p.getParameter("driveDb")).isEqualTo(6);
        assertThat(p.getParameter("autoGain")).isEqualTo(1);
        assertThat(p.params().get(2).min()).isEqualTo(-6);
        assertThat(p.params().get(3).max()).isEqualTo(12);
    }

    @Test
    void transferCurvesKnownAnswers() {
        SaturationProcessor p = new SaturationProcessor();
        p.setParameter("driveDb", 0);
        assertThat(p.transfer(0.5)).isCloseTo(0.5 / Math.sqrt(1.25), within(1e-12));
        assertThat(p.transfer(-0.5)).isCloseTo(-0.5 / Math.sqrt(1.25), within(1e-12));
        p.setParameter("type", SaturationProcessor.HARD_CLIP);
        p.setParameter("driveDb", 6);
        double g = DspMath.dbToGain(6);
        assertThat(p.transfer(0.25)).isCloseTo(0.25 * g, within(1e-12));
        assertThat(p.transfer(0.9)).isEqualTo(1.0);
        assertThat(p.transfer(-0.9)).isEqualTo(-1.0);
        p.setParameter("type", SaturationProcessor.TUBE);
        p.setParameter("driveDb", 0);
        assertThat(p.transfer(0)).isCloseTo(0, within(1e-15));
        // unit slope at the origin, then asymmetric
        assertThat((p.transfer(1e-6) - p.transfer(-1e-6)) / 2e-6).isCloseTo(1.0, within(1e-6));
        assertThat(p.transfer(1.0) + p.transfer(-1.0)).isLessThan(-0.1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void fullScale5kHzAtMaxDriveKeepsAliasesSixtyDbDown(int type) {
        SaturationProcessor p = make(type, 24, 1);
        float[] x = ProcessorTestKit.sine(5000, 1.0, 0, 4096 + N, 48_000);
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        double[] db = ProcessorTestKit.spectrumDb(y, 4096, N);
        assertThat(ProcessorTestKit.worstNonHarmonicDb(db, 5000, N, 48_000, 6)).isLessThan(-60);
    }

    @Test
    void tubeMakesEvenHarmonicsTapeDoesNot() {
        float[] x = ProcessorTestKit.sine(1000, 0.5, 0, 4096 + N, 48_000);
        double[] tube = ProcessorTestKit.spectrumDb(ProcessorTestKit.run(make(1, 6, 1), x, 1, 512)[0], 4096, N);
        double[] tape = ProcessorTestKit.spectrumDb(ProcessorTestKit.run(make(0, 6, 1), x, 1, 512)[0], 4096, N);
        double tubeFund = ProcessorTestKit.levelAt(tube, 1000, N, 48_000);
        double tapeFund = ProcessorTestKit.levelAt(tape, 1000, N, 48_000);
        assertThat(ProcessorTestKit.levelAt(tube, 2000, N, 48_000) - tubeFund).isGreaterThan(-40);
        for (int h = 2; h <= 8; h += 2) {
            assertThat(ProcessorTestKit.levelAt(tape, 1000 * h, N, 48_000) - tapeFund).as("tape H%d", h).isLessThan(-80);
        }
        assertThat(ProcessorTestKit.levelAt(tape, 3000, N, 48_000) - tapeFund).isGreaterThan(-40);
    }

    @Test
    void smallSignalsPassDelayedByTheReportedLatency() {
        SaturationProcessor p = make(0, 0, 1);
        p.setParameter("autoGain", 0);
        p.reset();
        int lat = p.latencySamples();
        assertThat(lat).isEqualTo(57);
        // 2 kHz: far enough above the 5 Hz DC blocker that its phase shift is below 0.3 %
        float[] x = ProcessorTestKit.sine(2000, 1e-3, 0, 9600, 48_000);
        float[] y = ProcessorTestKit.run(p, x, 1, 256)[0];
        double err = 0;
        for (int i = 4800; i < 9600; i++) {
            err = Math.max(err, Math.abs(y[i] - x[i - lat]));
        }
        assertThat(err).isLessThan(1e-3 * 0.003);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void autoGainHoldsLevelFromDrive0ToDrive24(int type) {
        float[] sine = ProcessorTestKit.sine(1000, DspMath.dbToGain(-18) * Math.sqrt(2), 0, 24_000, 48_000);
        float[] pink = ProcessorTestKit.pinkish(DspMath.dbToGain(-18), 24_000, 7);
        for (float[] sig : new float[][] {sine, pink}) {
            double lo = DspMath.gainToDb(ProcessorTestKit.rms(ProcessorTestKit.run(make(type, 0, 1), sig, 1, 512)[0], 4800, 24_000));
            double hi = DspMath.gainToDb(ProcessorTestKit.rms(ProcessorTestKit.run(make(type, 24, 1), sig, 1, 512)[0], 4800, 24_000));
            assertThat(Math.abs(hi - lo)).isLessThan(1.0);
        }
    }

    @Test
    void fastDriveSweepWithAutoGainHasNoLevelJumps() {
        SaturationProcessor p = make(0, 0, 1);
        float[] x = ProcessorTestKit.sine(1000, DspMath.dbToGain(-15), 0, 24_000, 48_000);
        float[] y = new float[x.length];
        AudioBlock b = new AudioBlock(1, 32);
        for (int s = 0, blk = 0; s < x.length; s += 32, blk++) {
            if (blk >= 300 && blk < 315) { // 0 -> 24 dB in 10 ms, then back down in 10 ms
                p.setParameter(SaturationProcessor.DRIVE_DB, 24.0 * (blk - 299) / 15);
            } else if (blk >= 450 && blk < 465) {
                p.setParameter(SaturationProcessor.DRIVE_DB, 24.0 * (464 - blk) / 15);
            }
            System.arraycopy(x, s, b.channel(0), 0, 32);
            p.process(b);
            System.arraycopy(b.channel(0), 0, y, s, 32);
        }
        double ref = ProcessorTestKit.rms(y, 4800, 9600);
        for (int s = 4800; s + 480 <= 24_000; s += 240) { // 10 ms windows, hop 5 ms
            double lvl = DspMath.gainToDb(ProcessorTestKit.rms(y, s, s + 480) / ref);
            assertThat(Math.abs(lvl)).as("window at %d", s).isLessThan(1.0);
        }
        double staticStep = Math.max(ProcessorTestKit.maxStep(y, 4800, 9600), ProcessorTestKit.maxStep(y, 11_000, 14_000));
        assertThat(ProcessorTestKit.maxStep(y, 4800, 24_000)).isLessThan(1.25 * staticStep);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sweepingAContinuousParameterDoesNotClick(int param) {
        ProcessorTestKit.Click click = ProcessorTestKit.linearSweepClick(() -> make(2, 6, 1), param,
                ProcessorTestKit.sine(1000, 0.25, 0, 9600, 48_000), 2400, 100);
        assertThat(click.sweepStep()).isLessThan(1.25 * click.staticStep());
    }

    @Test
    void nonFiniteInputRecoversWithinOneBlock() {
        SaturationProcessor p = make(1, 12, 2);
        float[] x = ProcessorTestKit.sine(440, 0.5, 0, 256, 48_000);
        ProcessorTestKit.runBlocksWithBadSamples(p, x, b -> {
            b.channel(0)[10] = Float.NaN;
            b.channel(1)[20] = Float.POSITIVE_INFINITY;
            b.channel(1)[21] = Float.NEGATIVE_INFINITY;
        }, (b, rep) -> {
            if (rep >= 2) {
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < 256; i++) {
                        assertThat(Float.isFinite(b.channel(c)[i])).isTrue();
                        assertThat(Math.abs(b.channel(c)[i])).isLessThan(2f);
                    }
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void hugeFiniteInputStaysFiniteAndBounded(int type) {
        SaturationProcessor p = make(type, 24, 2);
        float[] x = ProcessorTestKit.sine(440, 0.5, 0, 256, 48_000);
        ProcessorTestKit.runBlocksWithBadSamples(p, x, b -> {
            b.channel(0)[10] = Float.MAX_VALUE;
            b.channel(0)[11] = -Float.MAX_VALUE;
            b.channel(1)[20] = 1e30f;
            b.channel(1)[21] = 1e30f;
            b.channel(1)[40] = -3e20f;
        }, (b, rep) -> {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 256; i++) {
                    assertThat(Float.isFinite(b.channel(c)[i])).isTrue();
                    assertThat(Math.abs(b.channel(c)[i])).isLessThan(4f);
                }
            }
        });
    }

    @Test
    void decayToSilenceProducesNoDenormals() {
        SaturationProcessor p = make(1, 12, 1);
        p.setParameter("toneDb", 6);
        float[] x = ProcessorTestKit.burstThenSilence(48_000 * 4);
        float[] y = ProcessorTestKit.run(p, x, 1, 512)[0];
        for (float v : y) {
            assertThat(v == 0 || Math.abs(v) >= Float.MIN_NORMAL).isTrue();
        }
        assertThat(ProcessorTestKit.peak(y, y.length - 512, y.length)).isZero();
    }

    @Test
    void processDoesNotAllocateAfterWarmUp() {
        SaturationProcessor p = make(0, 6, 2);
        float[] x = ProcessorTestKit.sine(440, 0.5, 0, 32, 48_000);
        assertThat(ProcessorTestKit.allocatedBytesAfterWarmUp(p, x, 5, i -> (i * 7 % 25),
                i -> (i * 7 % 25))).isZero();
    }
}
