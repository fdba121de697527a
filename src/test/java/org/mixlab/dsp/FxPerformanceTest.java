package org.mixlab.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cost of each effect on a 512-sample stereo block at 48 kHz (10,667 us of audio); printed for the docs. */
class FxPerformanceTest {
    @Test
    void everyEffectRunsFarFasterThanRealTime() {
        Processor[] all = {new ReverbProcessor(), new DelayProcessor(), new ChorusProcessor(), new FlangerProcessor(),
            new PhaserProcessor()};
        StringBuilder report = new StringBuilder("us per 512-sample stereo block:");
        for (Processor p : all) {
            double us = FxTestSupport.microsPerBlock(p);
            report.append(String.format(java.util.Locale.ROOT, " %s %.1f", p.typeId(), us));
            // a quarter of real time even on a busy shared machine; typical figures are in docs/processors
            assertThat(us).as(p.typeId()).isLessThan(2_667);
        }
        System.out.println(report);
    }
}
