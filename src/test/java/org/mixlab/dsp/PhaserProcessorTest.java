package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhaserProcessorTest {
    private static final double FS = 44100;

    private static PhaserProcessor staticPhaser(int stagesIndex, double centerHz) {
        PhaserProcessor p = new PhaserProcessor();
        p.setParameter("depthPct", 0);
        p.setParameter("feedbackPct", 0);
        p.setParameter("centerHz", centerHz);
        p.setParameter("stages", stagesIndex);
        p.prepare(new ProcessSpec(FS, 512, 2));
        return p;
    }

    /** Number of separate stretches of the spectrum (20 Hz .. 20 kHz) below -20 dB. */
    private static int countNotches(PhaserProcessor p) {
        int n = 65536;
        float[][] h = ProcessorTestKit.render(p, ProcessorTestKit.impulse(1, n), 1024);
        double[] db = ProcessorTestKit.magnitudeDb(h[0], n);
        double bin = FS / n;
        int notches = 0;
        boolean inNotch = false;
        for (int k = (int) (20 / bin); k <= (int) (20000 / bin); k++) {
            boolean below = db[k] < -20;
            if (below && !inNotch) {
                notches++;
            }
            inNotch = below;
        }
        return notches;
    }

    @Test
    void notchCountIsHalfTheStageCount() {
        for (int index = 0; index < 6; index++) {
            PhaserProcessor p = staticPhaser(index, 800);
            assertThat(p.stageCount()).isEqualTo(2 * (index + 1));
            assertThat(countNotches(p)).as("%d stages", p.stageCount()).isEqualTo(index + 1);
        }
    }

    @Test
    void twoStagesNotchExactlyAtTheCentre() {
        for (double centre : new double[] {300, 800, 2500}) {
            assertThat(gainDb(staticPhaser(0, centre), centre)).as("centre %.0f", centre).isLessThan(-45);
            assertThat(gainDb(staticPhaser(0, centre), centre / 8)).isGreaterThan(-0.5);
        }
    }

    @Test
    void feedbackAndSweepStillPassDc() {
        // allpasses pass DC with gain 1, so 0.5 (x + chain) at DC is 1 (without feedback)
        PhaserProcessor p = new PhaserProcessor();
        p.setParameter("feedbackPct", 0);
        float[][] dc = new float[1][20000];
        java.util.Arrays.fill(dc[0], 0.25f);
        float[][] y = ProcessorTestKit.render(p, dc, 512);
        assertThat((double) y[0][19999]).isCloseTo(0.25, within(1e-3));
    }

    private static double gainDb(PhaserProcessor p, double freq) {
        int len = 22050;
        float[][] y = ProcessorTestKit.render(p, ProcessorTestKit.sineChannels(1, len, freq, 0.5, FS), 512);
        return 20 * Math.log10(ProcessorTestKit.rms(y[0], len / 2, len) / (0.5 / Math.sqrt(2)));
    }

    @Test
    void changingTheStageCountCrossfadesWithoutClicks() {
        PhaserProcessor p = new PhaserProcessor();
        p.prepare(new ProcessSpec(FS, 64, 1));
        int len = 44100;
        float[][] x = ProcessorTestKit.sineChannels(1, len, 220, 0.5, FS);
        AudioBlock block = new AudioBlock(1, 64);
        double maxStep = 0;
        float prev = 0;
        for (int pos = 0; pos + 64 <= len; pos += 64) {
            if (pos % 4096 == 0) {
                p.setParameter("stages", (pos / 4096) % 2 == 0 ? 5 : 0);
            }
            System.arraycopy(x[0], pos, block.channel(0), 0, 64);
            p.process(block);
            for (int i = 0; i < 64; i++) {
                if (pos > 0) {
                    maxStep = Math.max(maxStep, Math.abs(block.channel(0)[i] - prev));
                }
                prev = block.channel(0)[i];
            }
        }
        // a 220 Hz sine of amplitude <= 0.5 x feedback boost moves at most ~0.02 per sample; a switch click far more
        assertThat(maxStep).isLessThan(3 * 2 * Math.PI * 220 / FS * 0.5 * 1.5);
    }

    @Test
    void parameterSweepsDoNotClick() {
        assertThat(ProcessorTestKit.clickRatio(new PhaserProcessor(), 2)).isLessThan(3.0);
        assertThat(ProcessorTestKit.clickRatio(new PhaserProcessor(), 1)).isLessThan(3.0);
    }

    @Test
    void recoversFromNanAndInfinity() {
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new PhaserProcessor(), 2);
        ProcessorTestKit.assertRecoversFromSingleBadSamples(new PhaserProcessor(), 1);
    }

    @Test
    void tailHasNoDenormalsAndDrainsToExactZero() {
        PhaserProcessor p = new PhaserProcessor();
        p.setParameter("feedbackPct", -95);
        p.setParameter("stages", 5);
        assertThat(ProcessorTestKit.assertNoDenormalsAfterImpulse(p, 2, 6)).isEqualTo(2 * 86 * 512);
    }

    @Test
    void processDoesNotAllocate() {
        assertThat(ProcessorTestKit.allocatedBytesDuringProcess(new PhaserProcessor())).isZero();
    }

    /** The vectorised coefficients are allpassCoefficient(centre * exp(e)) to within 1e-14 (the libm form itself rounds tan and exp). */
    @Test
    void blockCoefficientsMatchTheLibmForm() {
        for (double rate : new double[] {22_050, 44_100, 48_000, 96_000, 192_000}) {
            int n = 4001;
            double[] e = new double[n];
            double[] centre = new double[n];
            double[] want = new double[n];
            for (int i = 0; i < n; i++) {
                double sweep = (i / (n - 1.0) * 2 - 1) * PhaserProcessor.MAX_SWEEP_OCTAVES;
                centre[i] = 100 * Math.pow(50, (i * 7 % n) / (n - 1.0)); // 100 .. 5000 Hz
                e[i] = Math.log(2.0) * sweep;
                want[i] = PhaserProcessor.allpassCoefficient(centre[i] * Math.exp(e[i]), rate);
            }
            PhaserProcessor.coefficients(e, centre, new double[n], n, rate);
            for (int i = 0; i < n; i++) {
                assertThat(e[i]).as("rate %s, i %d", rate, i).isCloseTo(want[i], within(1e-14));
            }
        }
    }
}
