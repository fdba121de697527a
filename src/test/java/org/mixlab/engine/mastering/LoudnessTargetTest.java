package org.mixlab.engine.mastering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

class LoudnessTargetTest {
    static Session session(double gainDb) {
        Session s = new Session();
        s.sampleRate = 44_100;
        TrackModel t = new TrackModel();
        t.id = "drums";
        t.name = "Drums";
        t.file = "drums.wav";
        t.gainDb = gainDb;
        s.tracks.add(t);
        return s;
    }

    /** Noise bursts with a decaying envelope: a crude drum loop with real peaks. */
    static Map<String, float[][]> stems() {
        int n = 44_100 * 6;
        float[] a = new float[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            double env = Math.exp(-(i % 11_025) / 2_000.0);
            a[i] = (float) (0.5 * env * r.nextGaussian());
        }
        return Map.of("drums", new float[][] {a});
    }

    @ParameterizedTest(name = "target {0} LUFS from a mix at {1} dB")
    @CsvSource({"-14, -12", "-23, 0", "-16, -20", "-16, 6"})
    @DisplayName("lands within 0.1 LU of the target with the true peak at or under the ceiling")
    void reachesTarget(double target, double mixGainDb) {
        Session s = session(mixGainDb);
        LoudnessTarget.Result r = LoudnessTarget.apply(s, stems(), target, -1);
        assertThat(r.reached()).as(r.message()).isTrue();
        assertThat(r.renders()).isLessThanOrEqualTo(LoudnessTarget.MAX_RENDERS);
        AnalysisResult a = Analysis.analyze(OfflineRenderer.render(r.session(), stems(), 0, false, null), 44_100);
        assertThat(a.integratedLufs()).isCloseTo(target, within(LoudnessTarget.TOLERANCE_LU));
        assertThat(a.truePeakDbtp()).isLessThanOrEqualTo(-1 + 0.1);
        assertThat(s.master.inserts).as("the input session is not changed").isEmpty();
    }

    @Test
    @DisplayName("an impossible target is reported, not faked")
    void impossibleTargetIsReported() {
        LoudnessTarget.Result r = LoudnessTarget.apply(session(-30), stems(), -5, -1);
        assertThat(r.reached()).isFalse();
        assertThat(r.message()).startsWith("could not reach -5.0 LUFS");
    }
}
