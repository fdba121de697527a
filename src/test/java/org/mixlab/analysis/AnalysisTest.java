package org.mixlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one-call offline analysis behind the CLI's analyze command. */
class AnalysisTest {

    @Test
    @DisplayName("stereo 1 kHz at -23 dBFS for 10 s: I -23, LRA 0, TP/peak -23, RMS -26.01, crest 3.01, corr 1")
    void stereoSine() {
        AnalysisResult r = Analysis.analyze(TestSignals.stereo(new double[] {-23}, new double[] {10}), 48_000);
        assertThat(r.integratedLufs()).isCloseTo(-23.0, within(0.1));
        assertThat(r.loudnessRangeLu()).isCloseTo(0.0, within(0.1));
        assertThat(r.maxMomentaryLufs()).isCloseTo(-23.0, within(0.1));
        assertThat(r.maxShortTermLufs()).isCloseTo(-23.0, within(0.1));
        assertThat(r.truePeakDbtp()).isCloseTo(-23.0, within(0.05));
        assertThat(r.samplePeakDbfs()).isCloseTo(-23.0, within(0.01));
        assertThat(r.rmsDb()).isCloseTo(-26.01, within(0.01));
        assertThat(r.crestDb()).isCloseTo(3.01, within(0.01));
        assertThat(r.correlation()).isCloseTo(1.0, within(1e-9));
        assertThat(r.durationS()).isEqualTo(10.0);
        assertThat(r.plrDb()).isCloseTo(0.0, within(0.15));
    }

    @Test
    @DisplayName("mono input reads correlation NaN (undefined); silence reads -inf loudness and peak")
    void monoAndSilence() {
        AnalysisResult mono = Analysis.analyze(new float[][] {TestSignals.sine(48_000, 48_000, 1000, 0.5, 0)}, 48_000);
        assertThat(mono.correlation()).isNaN();
        assertThat(mono.samplePeakDbfs()).isCloseTo(-6.02, within(0.01));
        AnalysisResult silence = Analysis.analyze(new float[2][48_000], 44_100);
        assertThat(silence.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.correlation()).isZero();
    }

    @Test
    @DisplayName("bad input gets one-line messages")
    void badInput() {
        assertThatThrownBy(() -> Analysis.analyze(new float[0][], 48_000)).hasMessage("analysis needs at least one channel of audio");
        assertThatThrownBy(() -> Analysis.analyze(new float[][] {new float[10], new float[9]}, 48_000))
                .hasMessageContaining("channel 1");
        assertThatThrownBy(() -> Analysis.analyze(new float[1][10], 100)).hasMessageContaining("sample rate");
    }
}
