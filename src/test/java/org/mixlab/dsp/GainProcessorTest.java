package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GainProcessorTest {
    private static GainProcessor prepared(int block) {
        GainProcessor g = new GainProcessor();
        g.prepare(new ProcessSpec(48_000, block, 2));
        return g;
    }

    private static AudioBlock impulse(int n) {
        AudioBlock b = new AudioBlock(2, n);
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = -0.5f;
        return b;
    }

    @Test
    void contractIds() {
        GainProcessor g = new GainProcessor();
        assertThat(g.typeId()).isEqualTo("gain");
        assertThat(g.params()).extracting(ParamSpec::id).containsExactly("gainDb", "polarity", "mute");
        ParamSpec gain = g.params().get(0);
        assertThat(gain.min()).isEqualTo(-100);
        assertThat(gain.max()).isEqualTo(12);
        assertThat(gain.taper()).isEqualTo(Taper.FADER);
    }

    @Test
    void impulseKnownAnswer() {
        GainProcessor g = prepared(8);
        g.setParameter("gainDb", 6.0);
        g.setParameter("polarity", 1);
        g.reset();
        AudioBlock b = impulse(8);
        g.process(b);
        double k = Math.pow(10, 6.0 / 20);
        assertThat(b.channel(0)[0]).isCloseTo((float) -k, within(1e-6f));
        assertThat(b.channel(1)[0]).isCloseTo((float) (0.5 * k), within(1e-6f));
        for (int i = 1; i < 8; i++) {
            assertThat(b.channel(0)[i]).isZero();
        }
    }

    @Test
    void minusHundredIsExactSilence() {
        GainProcessor g = prepared(64);
        g.setParameter("gainDb", -100);
        AudioBlock b = new AudioBlock(2, 64);
        for (int k = 0; k < 40; k++) {
            ProcessorTestKit.tone(b, k * 64L, 2, 0.9);
            g.process(b);
        }
        for (int i = 0; i < 64; i++) {
            assertThat(b.channel(0)[i]).isZero();
        }
    }

    @Test
    void muteRampsOverTwentyMsEvenWhenTheSameValueIsSentEveryBlock() {
        GainProcessor g = prepared(32);
        AudioBlock b = new AudioBlock(2, 32);
        g.setParameter("mute", 1);
        float[] ramp = new float[48 * 30];
        for (int k = 0; k < 45; k++) {
            for (int c = 0; c < 2; c++) {
                java.util.Arrays.fill(b.channel(c), 1f);
            }
            g.setParameter("mute", 1); // repeated: nothing changes, the ramp must continue
            g.process(b);
            System.arraycopy(b.channel(0), 0, ramp, k * 32, 32);
        }
        // linear ramp 1 -> 0 over 960 samples
        assertThat(ramp[0]).isCloseTo(1f - 1f / 960, within(1e-5f));
        assertThat(ramp[479]).isCloseTo(0.5f, within(1e-3f));
        assertThat(ramp[958]).isGreaterThan(0f);
        assertThat(ramp[959]).isZero();
        assertThat(ramp[1400]).isZero();
    }

    @Test
    void gainGlidesMultiplicatively() {
        GainProcessor g = prepared(960);
        AudioBlock b = new AudioBlock(2, 960);
        java.util.Arrays.fill(b.channel(0), 1f);
        g.setParameter("gainDb", -20);
        g.process(b);
        // half way in samples is half way in dB
        assertThat(20 * Math.log10(b.channel(0)[479])).isCloseTo(-10, within(0.05));
        assertThat(b.channel(0)[959]).isCloseTo(0.1f, within(1e-6f));
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(new GainProcessor(), 2)).isZero();
        GainProcessor g = prepared(256);
        ProcessorTestKit.assertRecoversFromNaN(g, 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(prepared(256), 2);
        ProcessorTestKit.assertNoClicks(GainProcessor::new, p -> { }, 2, 1.1, 16);
    }

    @Test
    void polarityAndMuteSwitchesDoNotClick() {
        GainProcessor g = prepared(16);
        AudioBlock b = new AudioBlock(2, 16);
        float[] last = new float[2];
        double staticStep = 0;
        double switchStep = 0;
        for (int k = 0; k < 1200; k++) {
            if (k % 200 == 100) {
                String id = (k / 200) % 2 == 0 ? "polarity" : "mute";
                g.setParameter(id, 1 - g.getParameter(id));
            }
            ProcessorTestKit.tone(b, k * 16L, 2, 0.5);
            g.process(b);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 16; i++) {
                    double step = Math.abs(b.channel(c)[i] - last[c]);
                    last[c] = b.channel(c)[i];
                    if (k > 2 && k < 100) {
                        staticStep = Math.max(staticStep, step);
                    } else if (k >= 100) {
                        switchStep = Math.max(switchStep, step);
                    }
                }
            }
        }
        assertThat(switchStep).isLessThanOrEqualTo(staticStep * 1.05);
    }
}
