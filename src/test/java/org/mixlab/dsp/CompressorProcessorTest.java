package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CompressorProcessorTest {
    private static final double FS = 48_000;

    private static CompressorProcessor comp(double thr, double ratio, double knee, double attack, double release) {
        CompressorProcessor c = new CompressorProcessor();
        c.setParameter("thresholdDb", thr);
        c.setParameter("ratio", ratio);
        c.setParameter("kneeDb", knee);
        c.setParameter("attackMs", attack);
        c.setParameter("releaseMs", release);
        c.prepare(new ProcessSpec(FS, 480, 2));
        return c;
    }

    @Test
    void contractIds() {
        CompressorProcessor c = new CompressorProcessor();
        assertThat(c.typeId()).isEqualTo("compressor");
        assertThat(c.params()).extracting(ParamSpec::id).containsExactly("thresholdDb", "ratio", "kneeDb",
                "attackMs", "releaseMs", "makeupDb", "autoMakeup", "detector", "linkPct", "scHpOn", "scHpFreqHz");
        assertThat(c.getParameter("ratio")).isEqualTo(4);
    }

    @Test
    void staticCurveFormula() {
        CompressorProcessor c = new CompressorProcessor(); // T -18, R 4, W 6
        assertThat(c.staticCurveDb(-30)).isEqualTo(-30);
        assertThat(c.staticCurveDb(-21)).isEqualTo(-21);
        assertThat(c.staticCurveDb(-18)).isCloseTo(-18 + (0.25 - 1) * 9 / 12, within(1e-12));
        assertThat(c.staticCurveDb(-15)).isCloseTo(-18 + 3 / 4.0, within(1e-12));
        assertThat(c.staticCurveDb(0)).isCloseTo(-13.5, within(1e-12));
        c.setParameter("ratio", 100);
        c.setParameter("kneeDb", 0);
        assertThat(c.staticCurveDb(-3)).isEqualTo(-18);
        c.setParameter("autoMakeup", 1);
        assertThat(CompressorProcessor.autoMakeupDb(-18, 100)).isEqualTo(9);
        assertThat(c.staticCurveDb(-3)).isEqualTo(-9);
        c.setParameter("makeupDb", 2);
        assertThat(c.staticCurveDb(-40)).isEqualTo(-29);
    }

    @Test
    void impulseKnownAnswer() {
        CompressorProcessor c = comp(-18, 4, 6, 10, 100);
        AudioBlock b = new AudioBlock(2, 32);
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = 1f;
        b.channel(0)[5] = 0.01f; // -40 dB, below the knee
        c.process(b);
        double alpha = Math.exp(-1000.0 / (10 * FS));
        double expected = Math.pow(10, -(1 - alpha) * 13.5 / 20);
        assertThat((double) b.channel(0)[0]).isCloseTo(expected, within(1e-6));
        assertThat((double) b.channel(1)[0]).isCloseTo(expected, within(1e-6));
        // by sample 5 the envelope has built up a little reduction from the held 13.5 dB peak
        double hold = 13.5;
        double env = (1 - alpha) * 13.5;
        double holdCoef = Math.exp(-1000.0 / (90 * FS));
        for (int i = 1; i <= 5; i++) {
            hold = holdCoef * hold;
            env = alpha * env + (1 - alpha) * hold;
        }
        assertThat((double) b.channel(0)[5]).isCloseTo(0.01 * Math.pow(10, -env / 20), within(1e-8));
        assertThat(b.channel(0)[6]).isZero();

        CompressorProcessor quiet = comp(-18, 4, 6, 10, 100);
        AudioBlock q = new AudioBlock(2, 32);
        q.channel(0)[0] = 0.05f;
        quiet.process(q);
        assertThat(q.channel(0)[0]).isEqualTo(0.05f);
        assertThat(quiet.gainReductionDb()).isZero();
    }

    private static double steadyGainDb(CompressorProcessor c, double amp) {
        AudioBlock b = new AudioBlock(2, 480);
        double in = 0;
        double out = 0;
        for (int k = 0; k < 90; k++) {
            for (int i = 0; i < 480; i++) {
                float s = (float) (amp * Math.sin(2 * Math.PI * 1000 * (k * 480 + i) / FS));
                b.channel(0)[i] = s;
                b.channel(1)[i] = s;
            }
            if (k >= 60) {
                for (int i = 0; i < 480; i++) {
                    in += b.channel(0)[i] * (double) b.channel(0)[i];
                }
            }
            c.process(b);
            if (k >= 60) {
                for (int i = 0; i < 480; i++) {
                    out += b.channel(0)[i] * (double) b.channel(0)[i];
                }
            }
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void staticCurveHoldsOnSteadyTonesWithinHalfADb() {
        double worst = 0;
        for (int detector = 0; detector < 2; detector++) {
            for (double[] setting : new double[][] {{-30, 4, 6}, {-20, 100, 0}, {-40, 2, 24}}) {
                for (double levelDb = -60; levelDb <= 0; levelDb += 4) {
                    CompressorProcessor c = comp(setting[0], setting[1], setting[2], 10, 100);
                    c.setParameter("detector", detector);
                    c.setParameter("autoMakeup", 1);
                    c.reset();
                    double amp = Math.pow(10, levelDb / 20);
                    double detected = detector == 0 ? levelDb : levelDb - 3.0103;
                    double expected = c.staticCurveDb(detected) - detected;
                    double measured = steadyGainDb(c, amp);
                    worst = Math.max(worst, Math.abs(measured - expected));
                    assertThat(measured).as("detector %d %s at %.0f dB", detector, java.util.Arrays.toString(setting),
                            levelDb).isCloseTo(expected, within(0.5));
                }
            }
        }
        assertThat(worst).isLessThan(0.5);
    }

    /** Gain reduction (dB) per sample for a DC step from {@code fromAmp} to {@code toAmp} at sample 0. */
    private static double[] stepResponse(CompressorProcessor c, double fromAmp, double toAmp, double seconds) {
        AudioBlock b = new AudioBlock(2, 480);
        for (int k = 0; k < 200; k++) {
            java.util.Arrays.fill(b.channel(0), (float) fromAmp);
            java.util.Arrays.fill(b.channel(1), (float) fromAmp);
            c.process(b);
        }
        int n = (int) (seconds * FS);
        double[] gr = new double[n];
        for (int k = 0; k * 480 < n; k++) {
            java.util.Arrays.fill(b.channel(0), (float) toAmp);
            java.util.Arrays.fill(b.channel(1), (float) toAmp);
            c.process(b);
            for (int i = 0; i < 480 && k * 480 + i < n; i++) {
                gr[k * 480 + i] = -20 * Math.log10(b.channel(0)[i] / toAmp);
            }
        }
        return gr;
    }

    /** Time in ms until the gain reduction has covered 63.2 % of its change. */
    private static double timeConstantMs(double[] gr, double start, double end) {
        double mark = start + (1 - Math.exp(-1)) * (end - start);
        for (int i = 0; i < gr.length; i++) {
            if (end > start ? gr[i] >= mark : gr[i] <= mark) {
                return (i + 1) * 1000.0 / FS;
            }
        }
        return Double.NaN;
    }

    @Test
    void attackAndReleaseTimeConstantsWithinTenPercent() {
        for (double attack : new double[] {0.5, 1, 10, 50, 200}) {
            CompressorProcessor c = comp(-18, 4, 0, attack, 100);
            double[] gr = stepResponse(c, 0.01, 1.0, 2.0);
            assertThat(timeConstantMs(gr, 0, 13.5)).as("attack %s", attack).isCloseTo(attack, within(attack * 0.1));
            assertThat(c.gainReductionDb()).isCloseTo(13.5, within(0.01));
        }
        for (double[] ar : new double[][] {{1, 50}, {10, 100}, {10, 1000}, {50, 100}, {200, 100}, {0.1, 5}}) {
            CompressorProcessor c = comp(-18, 4, 0, ar[0], ar[1]);
            double[] gr = stepResponse(c, 1.0, 0.01, 6.0);
            assertThat(timeConstantMs(gr, 13.5, 0)).as("release %s", ar[1]).isCloseTo(ar[1], within(ar[1] * 0.02));
        }
    }

    @Test
    void stereoLinkAndSidechainHighPass() {
        for (double link : new double[] {0, 50, 100}) {
            CompressorProcessor c = comp(-18, 100, 0, 1, 100);
            c.setParameter("linkPct", link);
            c.reset();
            AudioBlock b = new AudioBlock(2, 480);
            for (int k = 0; k < 100; k++) {
                java.util.Arrays.fill(b.channel(0), 1f);
                java.util.Arrays.fill(b.channel(1), 0.01f);
                c.process(b);
            }
            double quietGrDb = -20 * Math.log10(b.channel(1)[479] / 0.01);
            assertThat(quietGrDb).as("link %s", link).isCloseTo(18 * link / 100, within(0.01));
            assertThat(c.gainReductionDb()).isCloseTo(18, within(0.01));
        }
        CompressorProcessor plain = comp(-30, 4, 0, 10, 100);
        CompressorProcessor hp = comp(-30, 4, 0, 10, 100);
        hp.setParameter("scHpOn", 1);
        hp.setParameter("scHpFreqHz", 500);
        hp.reset();
        double bassPlain = tonalGainDb(plain, 50);
        double bassHp = tonalGainDb(hp, 50);
        assertThat(bassPlain).isCloseTo(-22.5, within(0.5));
        assertThat(bassHp).isGreaterThan(-6); // 50 Hz is 40 dB down in the side-chain
    }

    private static double tonalGainDb(CompressorProcessor c, double f) {
        AudioBlock b = new AudioBlock(2, 480);
        double in = 0;
        double out = 0;
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < 480; i++) {
                float s = (float) Math.sin(2 * Math.PI * f * (k * 480 + i) / FS);
                b.channel(0)[i] = s;
                b.channel(1)[i] = s;
                if (k >= 150) {
                    in += s * (double) s;
                }
            }
            c.process(b);
            if (k >= 150) {
                for (int i = 0; i < 480; i++) {
                    out += b.channel(0)[i] * (double) b.channel(0)[i];
                }
            }
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        CompressorProcessor c = new CompressorProcessor();
        c.setParameter("scHpOn", 1);
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(c, 2)).isZero();
        ProcessorTestKit.assertRecoversFromNaN(comp(-30, 4, 6, 10, 100), 2);
        CompressorProcessor rms = comp(-30, 4, 6, 10, 100);
        rms.setParameter("detector", 1);
        rms.setParameter("scHpOn", 1);
        ProcessorTestKit.assertRecoversFromNaN(rms, 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(rms, 2);
        ProcessorTestKit.assertNoClicks(CompressorProcessor::new, p -> p.setParameter("thresholdDb", -30), 2, 1.1, 16);
    }
}
