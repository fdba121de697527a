package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The effects' type ids and parameters as the shared contract lists them, and behaviour at odd rates and sizes. */
class FxContractTest {
    private static String describe(Processor p) {
        return p.params().stream()
                .map(s -> String.format(java.util.Locale.ROOT, "%s %s %s..%s def %s", s.id(), s.taper(), fmt(s.min()),
                        fmt(s.max()), fmt(s.defaultValue())))
                .collect(Collectors.joining("; "));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Test
    void parameterIdsRangesAndDefaultsMatchTheContract() {
        assertThat(new ReverbProcessor().typeId()).isEqualTo("reverb");
        assertThat(describe(new ReverbProcessor())).isEqualTo("preDelayMs LINEAR 0..200 def 20; "
                + "sizePct LINEAR 0..100 def 50; decayS LOG 0.2..10 def 1.8; dampingPct LINEAR 0..100 def 50; "
                + "widthPct LINEAR 0..100 def 100; lowCutHz LOG 20..1000 def 100");
        assertThat(new DelayProcessor().typeId()).isEqualTo("delay");
        assertThat(describe(new DelayProcessor())).isEqualTo("timeMs LOG 1..2000 def 375; sync TOGGLE 0..1 def 0; "
                + "note CHOICE 0..12 def 7; feedbackPct LINEAR 0..95 def 35; lowCutHz LOG 20..2000 def 150; "
                + "highCutHz LOG 1000..20000 def 8000; pingPong TOGGLE 0..1 def 0");
        assertThat(new DelayProcessor().params().get(DelayProcessor.NOTE).choices()).containsExactly("1/1", "1/2",
                "1/2D", "1/2T", "1/4", "1/4D", "1/4T", "1/8", "1/8D", "1/8T", "1/16", "1/16D", "1/16T");
        assertThat(new ChorusProcessor().typeId()).isEqualTo("chorus");
        assertThat(describe(new ChorusProcessor())).isEqualTo("rateHz LOG 0.05..5 def 0.8; depthMs LINEAR 0..10 def 3; "
                + "delayMs LINEAR 5..40 def 15; feedbackPct LINEAR 0..90 def 0; widthPct LINEAR 0..100 def 100");
        assertThat(new FlangerProcessor().typeId()).isEqualTo("flanger");
        assertThat(describe(new FlangerProcessor())).isEqualTo("rateHz LOG 0.05..5 def 0.25; "
                + "depthMs LINEAR 0..5 def 1.5; delayMs LINEAR 0.1..10 def 2; feedbackPct LINEAR -95..95 def 50");
        assertThat(new PhaserProcessor().typeId()).isEqualTo("phaser");
        assertThat(describe(new PhaserProcessor())).isEqualTo("rateHz LOG 0.05..5 def 0.5; "
                + "depthPct LINEAR 0..100 def 70; centerHz LOG 100..5000 def 800; stages CHOICE 0..5 def 1; "
                + "feedbackPct LINEAR -95..95 def 30");
        assertThat(new PhaserProcessor().params().get(PhaserProcessor.STAGES).choices())
                .containsExactly("2", "4", "6", "8", "10", "12");
    }

    @Test
    void everyEffectRunsAtExtremeRatesAndOddBlockSizes() {
        for (double fs : new double[] {8000, 192000}) {
            for (Processor p : List.of(new ReverbProcessor(), new DelayProcessor(), new ChorusProcessor(),
                    new FlangerProcessor(), new PhaserProcessor())) {
                assertThat(p.supportsMix()).isTrue();
                p.setParameter("timeMs", 5); // the delay's echoes must arrive within the ~10,000 samples run here
                p.prepare(new ProcessSpec(fs, 700, 2));
                AudioBlock block = new AudioBlock(2, 700);
                double energy = 0;
                int[] sizes = {1, 7, 700, 33, 0, 256};
                for (int k = 0; k < 60; k++) {
                    int n = sizes[k % sizes.length];
                    block.setNumSamples(n);
                    block.setNumChannels(k % 4 == 3 ? 1 : 2);
                    for (int c = 0; c < block.numChannels(); c++) {
                        for (int i = 0; i < n; i++) {
                            block.channel(c)[i] = (float) Math.sin(0.01 * (k * 700 + i));
                        }
                    }
                    p.process(block);
                    for (int c = 0; c < block.numChannels(); c++) {
                        for (int i = 0; i < n; i++) {
                            assertThat(Float.isFinite(block.channel(c)[i])).isTrue();
                            energy += block.channel(c)[i] * block.channel(c)[i];
                        }
                    }
                    block.setNumChannels(2);
                }
                assertThat(energy).as("%s at %.0f Hz", p.typeId(), fs).isGreaterThan(0);
            }
        }
    }
}
