package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.mixlab.ui.analysis.MeterPanel;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.analysis.SpectrumPanel;

/** The analysis dock updates from the fake engine on the frame clock. */
@Tag("gui")
class AnalysisTest extends GuiTestBase {
    @Test
    void spectrumShowsTheOneKilohertzToneAtMinusSixDb() {
        SpectrumAnalyzer a = window.spectrum().analyzer();
        waitFor("spectrum settles", () -> a.updates() > 10 && window.spectrum().frames() > 5);
        assertThat(onEdt(a::loudestFrequencyHz)).isCloseTo(1000, within(40.0));
        assertThat(onEdt(a::loudestLevelDb)).isCloseTo(-6.0, within(1.0));
        double chartMax = onEdt(() -> {
            XYSeries s = window.spectrum().chart().getSeriesMap().get(SpectrumPanel.MIX);
            double m = -1000;
            for (double v : s.getYData()) {
                m = Math.max(m, v);
            }
            return m;
        });
        assertThat(chartMax).isCloseTo(-6.0, within(1.0));
        assertThat(onEdt(() -> window.spectrum().chart().getSeriesMap().get(SpectrumPanel.REFERENCE).isEnabled()))
                .isTrue();
    }

    @Test
    void referenceCurveIsDrawnAtTheLoudnessItIsHeardAt() {
        SpectrumAnalyzer a = window.spectrum().analyzer();
        waitFor("reference analysed", () -> a.hasReference() && window.spectrum().frames() > 3);
        // the fake engine's match offsets: my mix -3.2 dB, reference -5.0 dB -> the reference curve moves by -1.8 dB
        waitFor("reference moved by the match offsets", () -> maxDiff(-1.8) < 1e-9);
        edt(() -> engine.setLoudnessMatch(false));
        waitFor("reference at its own level with matching off", () -> maxDiff(0) < 1e-9);
        edt(() -> engine.setLoudnessMatch(true));
        edt(() -> engine.setSource(org.mixlab.engine.live.Source.REFERENCE));
        waitFor("reference at its own level while it is heard", () -> maxDiff(0) < 1e-9);
        edt(() -> engine.setSource(org.mixlab.engine.live.Source.MIX));
    }

    private double maxDiff(double shiftDb) {
        return onEdt(() -> {
            double[] shown = window.spectrum().referenceShown();
            double[] ref = window.spectrum().analyzer().referenceLevels();
            double m = 0;
            for (int i = 0; i < ref.length; i++) {
                m = Math.max(m, Math.abs(shown[i] - (ref[i] + shiftDb)));
            }
            return m;
        });
    }

    @Test
    void meterReadoutsShowTheSnapshot() {
        MeterPanel m = window.meters();
        waitFor("integrated shown", () -> m.readout(MeterPanel.INTEGRATED).equals("-13.8 LUFS"));
        assertThat(onEdt(() -> m.readout(MeterPanel.TRUE_PEAK))).isEqualTo("-0.8 dBTP");
        assertThat(onEdt(() -> m.readout(MeterPanel.LRA))).isEqualTo("5.6 LU");
        assertThat(onEdt(() -> m.readout(MeterPanel.MOMENTARY))).endsWith(" LUFS");
        assertThat(onEdt(() -> m.goniometer().pointCount())).isEqualTo(700);
        assertThat(onEdt(() -> m.correlationBar().value())).isBetween(0.5, 0.75);
        assertThat(onEdt(() -> m.levelMeter().holdDb(0))).isBetween(-8.0, -4.0);
        engine.integratedLufs = -20.0;
        waitFor("integrated follows", () -> m.readout(MeterPanel.INTEGRATED).equals("-20.0 LUFS"));
        engine.integratedLufs = Double.NEGATIVE_INFINITY;
        waitFor("silence shows a dash", () -> m.readout(MeterPanel.INTEGRATED).equals("— LUFS"));
        engine.integratedLufs = -13.8;
    }

    @Test
    void loudnessHistoryRecordsWhilePlaying() {
        edt(engine::play);
        waitFor("history sampled", () -> window.loudnessHistory().samples() >= 3);
        assertThat(onEdt(() -> window.loudnessHistory().latestShortTerm())).isBetween(-16.0, -12.0);
        edt(engine::stop);
        long n = onEdt(() -> window.loudnessHistory().samples());
        long frames = onEdt(() -> window.clock().frames());
        waitFor("clock keeps running", () -> window.clock().frames() > frames + 5);
        assertThat(onEdt(() -> window.loudnessHistory().samples())).isEqualTo(n);
    }

    @Test
    void hidingTheDockKeepsTheClockRunning() {
        edt(() -> window.setAnalysisVisible(false));
        assertThat(onEdt(() -> window.analysisDock().isVisible())).isFalse();
        assertThat(prefs.getBoolean("showAnalysis", true)).isFalse();
        long frames = onEdt(() -> window.clock().frames());
        waitFor("clock ticks", () -> window.clock().frames() > frames + 3);
        edt(() -> window.setAnalysisVisible(true));
        assertThat(onEdt(() -> window.analysisDock().isVisible())).isTrue();
    }
}
