package org.mixlab.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.mixlab.analysis.Analysis;
import org.mixlab.analysis.AnalysisResult;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/** Each song's reference session renders, and matches the committed reference.wav. */
class ReferenceSessionRenderTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pop-rock", "electronic", "ballad"})
    @DisplayName("the reference session renders, peaks under -6 dBFS unlimited, and matches reference.wav")
    void referenceRenders(String song) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Session s = SessionIo.load(root.resolve("audio/" + song + "/reference.session.json"), List.of(root));
        StemCache stems = new StemCache(List.of(root));
        float[][] mix = OfflineRenderer.render(s, stems.load(s), 0, false, null);
        AnalysisResult now = Analysis.analyze(mix, s.sampleRate);
        AnalysisResult committed = Analysis.analyze(
                AudioFileReader.read(root.resolve("audio/" + song + "/reference.wav")).samples(), s.sampleRate);
        assertThat(now.samplePeakDbfs()).isBetween(-9.0, -6.0);
        assertThat(now.integratedLufs()).isCloseTo(committed.integratedLufs(), within(0.2));
        assertThat(now.durationS()).isCloseTo(committed.durationS(), within(0.001));
        AnalysisResult plain = Analysis.analyze(OfflineRenderer.render(s, stems.load(s), 0, true, null), s.sampleRate);
        assertThat(plain.integratedLufs()).as("the unmixed sum differs from the answer mix")
                .isNotCloseTo(now.integratedLufs(), within(0.5));
    }
}
