package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PanProcessorTest {
    private static PanProcessor pan(double panPct, int law, double width) {
        PanProcessor p = new PanProcessor();
        p.setParameter("pan", panPct);
        p.setParameter("law", law);
        p.setParameter("widthPct", width);
        p.prepare(new ProcessSpec(48_000, 16, 2));
        return p;
    }

    private static AudioBlock monoImpulse() {
        AudioBlock b = new AudioBlock(2, 16);
        b.setNumChannels(1);
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = 123f; // garbage in the unused channel must be overwritten
        return b;
    }

    @Test
    void contractIds() {
        PanProcessor p = new PanProcessor();
        assertThat(p.typeId()).isEqualTo("pan");
        assertThat(p.params()).extracting(ParamSpec::id).containsExactly("pan", "law", "widthPct");
        assertThat(p.params().get(1).choices()).containsExactly("-3 dB", "-4.5 dB", "-6 dB", "0 dB");
    }

    @Test
    void centreGainsOfTheFourLaws() {
        double[] expected = {0.70710678, 0.59566214, 0.5, 1.0};
        for (int law = 0; law < 4; law++) {
            AudioBlock b = monoImpulse();
            pan(0, law, 100).process(b);
            assertThat(b.numChannels()).isEqualTo(2);
            assertThat((double) b.channel(0)[0]).as("law %d", law).isCloseTo(expected[law], within(1e-6));
            assertThat((double) b.channel(1)[0]).as("law %d", law).isCloseTo(expected[law], within(1e-6));
            assertThat(b.channel(1)[1]).isZero();
        }
    }

    @Test
    void hardLeftAndHalfRight() {
        AudioBlock b = monoImpulse();
        pan(-100, 0, 100).process(b);
        assertThat(b.channel(0)[0]).isCloseTo(1f, within(1e-6f));
        assertThat(b.channel(1)[0]).isCloseTo(0f, within(1e-6f));
        b = monoImpulse();
        pan(50, 0, 100).process(b);
        assertThat((double) b.channel(0)[0]).isCloseTo(Math.cos(3 * Math.PI / 8), within(1e-6));
        assertThat((double) b.channel(1)[0]).isCloseTo(Math.sin(3 * Math.PI / 8), within(1e-6));
        b = monoImpulse();
        pan(50, 3, 100).process(b);
        assertThat(b.channel(0)[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(b.channel(1)[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void constantPowerAcrossTheSweep() {
        for (int p = -100; p <= 100; p += 10) {
            double l = PanProcessor.lawGain(0, p);
            double r = PanProcessor.lawGain(0, -p);
            assertThat(l * l + r * r).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void stereoWidthAndBalance() {
        AudioBlock b = new AudioBlock(2, 16);
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = 0f;
        pan(0, 0, 0).process(b); // width 0: both channels carry the mid
        assertThat(b.channel(0)[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(b.channel(1)[0]).isCloseTo(0.5f, within(1e-6f));
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = 0f;
        pan(0, 0, 200).process(b); // width 200: side doubled
        assertThat(b.channel(0)[0]).isCloseTo(1.5f, within(1e-6f));
        assertThat(b.channel(1)[0]).isCloseTo(-0.5f, within(1e-6f));
        b.channel(0)[0] = 1f;
        b.channel(1)[0] = 1f;
        pan(50, 0, 100).process(b); // balance: right stays at unity, left follows the law normalised at centre
        assertThat(b.channel(1)[0]).isCloseTo(1f, within(1e-6f));
        assertThat((double) b.channel(0)[0]).isCloseTo(Math.cos(3 * Math.PI / 8) / Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void noAllocationNaNDenormalsAndClicks() {
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(new PanProcessor(), 2)).isZero();
        assertThat(ProcessorTestKit.allocatedBytesSmallestWindow(new PanProcessor(), 1)).isZero();
        ProcessorTestKit.assertRecoversFromNaN(pan(30, 0, 150), 2);
        ProcessorTestKit.assertNoDenormalsAfterSilence(pan(30, 0, 150), 2);
        ProcessorTestKit.assertNoClicks(PanProcessor::new, p -> { }, 2, 1.1, 16);
        ProcessorTestKit.assertNoClicks(PanProcessor::new, p -> { }, 1, 1.1, 16);
    }
}
