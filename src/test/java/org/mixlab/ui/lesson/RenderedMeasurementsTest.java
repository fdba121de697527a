package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.io.WavWriter;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.lesson.AudioMeasurements;
import org.mixlab.lesson.Check;

/** Known answers for the offline measurements behind audio checks (two 1 kHz sine stems). */
class RenderedMeasurementsTest {
    private static final double RATE = 44_100;
    @TempDir
    static Path dir;
    private static StemCache stems;

    @BeforeAll
    static void writeStems() throws Exception {
        WavWriter.write(dir.resolve("a.wav"), new float[][] {sine(0.25)}, RATE, WavWriter.Format.FLOAT32, 1);
        WavWriter.write(dir.resolve("b.wav"), new float[][] {sine(0.125)}, RATE, WavWriter.Format.FLOAT32, 1);
        stems = new StemCache(List.of(dir));
    }

    private static float[] sine(double amp) {
        float[] x = new float[(int) (4 * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        return x;
    }

    private static Session session() {
        Session s = new Session();
        s.baseDir = dir;
        for (String id : new String[] {"a", "b"}) {
            TrackModel t = new TrackModel();
            t.id = id;
            t.name = id;
            t.role = id.equals("a") ? "bass" : "kick";
            t.file = id + ".wav";
            s.tracks.add(t);
        }
        return s;
    }

    private static double measure(Session s, Check c) throws Exception {
        AudioMeasurements m = new RenderedMeasurements(stems).measure(s, List.of(c));
        return m.measure(c.measure(), c.target(), c.other());
    }

    @Test
    void stemLevelDifferenceIsTheAmplitudeRatio() throws Exception {
        Check c = Check.audio("stemLevelDiff", "track:a", "track:b", Check.Op.BETWEEN, -3, 3);
        assertThat(measure(session(), c)).isCloseTo(20 * Math.log10(2), within(0.05));
        // by role, as packs write it
        Check byRole = Check.audio("stemLevelDiff", "track:kick", "track:bass", Check.Op.BETWEEN, -3, 3);
        assertThat(measure(session(), byRole)).isCloseTo(-20 * Math.log10(2), within(0.05));
    }

    @Test
    void masterSamplePeakIsTheCoherentSumThroughTheCentrePan() throws Exception {
        Check c = Check.audio("samplePeakDbfs", "master", null, Check.Op.LE, -3, 0);
        double expected = 20 * Math.log10(0.375 * Math.sqrt(0.5));
        assertThat(measure(session(), c)).isCloseTo(expected, within(0.05));
        Check corr = Check.audio("lowCorrelation", "master", null, Check.Op.GE, 0.9, 0);
        assertThat(measure(session(), corr)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void gainReductionIsTheLoudnessLostThroughTheInsert() throws Exception {
        // the method measures the loudness lost through an insert (make-up removed); an EQ whose output is turned
        // down by 6 dB on a 1 kHz tone loses exactly 6 dB
        Session s = session();
        InsertModel eq = new InsertModel();
        eq.id = "eq1";
        eq.type = "eq";
        eq.params.put("outputDb", -6.0);
        s.track("a").inserts.add(eq);
        Check c = Check.audio("gainReductionDb", "track:a/insert:eq", null, Check.Op.BETWEEN, 2, 8);
        assertThat(measure(s, c)).isCloseTo(6.0, within(0.05));
        eq.bypass = true;
        assertThat(measure(s, c)).isZero();
        eq.bypass = false;
        eq.params.put("outputDb", 3.0);
        assertThat(measure(s, c)).isZero();
    }

    @Test
    void compressorGainReductionMatchesItsStaticCurveOnASteadyTone() throws Exception {
        Session s = session();
        InsertModel comp = new InsertModel();
        comp.id = "comp1";
        comp.type = "compressor";
        comp.params.put("thresholdDb", -30.0);
        comp.params.put("ratio", 4.0);
        comp.params.put("kneeDb", 0.0);
        comp.params.put("makeupDb", 12.0);
        s.track("a").inserts.add(comp);
        Check c = Check.audio("gainReductionDb", "track:a/insert:compressor", null, Check.Op.BETWEEN, 2, 8);
        // a -12 dBFS-peak sine is 18 dB over a -30 dB threshold: 13.5 dB of reduction at 4:1 (peak detector);
        // the make-up gain does not count
        assertThat(measure(s, c)).isCloseTo(13.5, within(1.0));
    }
}
