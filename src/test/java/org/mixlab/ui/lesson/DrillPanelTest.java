package org.mixlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.formdev.flatlaf.FlatLightLaf;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.drill.DrillQuestion;
import org.mixlab.lesson.drill.DrillType;

@Tag("gui")
class DrillPanelTest {
    private JFrame frame;

    @BeforeAll
    static void setUpSwing() {
        GuiTestSupport.properties();
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    @AfterEach
    void close() {
        if (frame != null) {
            GuiActionRunner.execute(() -> frame.dispose());
        }
    }

    private DrillPanel show(ProgressView progress, DrillType type, Map<String, Double> settings) {
        return GuiActionRunner.execute(() -> {
            DrillPanel d = new DrillPanel(progress, r -> null);
            d.setSeed(42);
            d.setDrill("Drill", new LessonStep.Drill(type, "pink-noise", settings));
            frame = new JFrame("drill");
            frame.add(d);
            frame.setSize(560, 520);
            frame.setVisible(true);
            return d;
        });
    }

    private static void waitReady(DrillPanel d) {
        Pause.pause(new Condition("a question is ready") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(d::isReady);
            }
        }, Timeout.timeout(10_000));
    }

    @Test
    void eqQuestionRendersLoudnessMatchedAndCorrectAnswersMakeItHarder() {
        InMemoryProgress progress = new InMemoryProgress();
        DrillPanel d = show(progress, DrillType.EQ_BAND, Map.of("trials", 20.0, "reversals", 4.0));
        GuiActionRunner.execute(d::startDrill);
        waitReady(d);
        DrillQuestion q = d.question();
        assertThat(q.choices()).hasSize(7);
        List<float[][]> versions = d.renderedVersions();
        assertThat(versions).hasSize(2);
        double flat = DrillAudio.lufs(versions.get(0), DrillPanel.NOISE_RATE);
        double boosted = DrillAudio.lufs(versions.get(1), DrillPanel.NOISE_RATE);
        assertThat(flat).isCloseTo(DrillAudio.MATCH_LUFS, within(0.2));
        assertThat(boosted).isCloseTo(DrillAudio.MATCH_LUFS, within(0.2));
        double start = d.staircase().level();
        assertThat(start).isEqualTo(12.0);

        GuiActionRunner.execute(() -> d.play(1));
        GuiActionRunner.execute(() -> d.answer(q.correctIndex()));
        assertThat(d.staircase().trials()).isEqualTo(1);
        assertThat(d.feedbackText()).startsWith("Correct");
        waitReady(d);
        DrillQuestion q2 = d.question();
        GuiActionRunner.execute(() -> d.answer(q2.correctIndex()));
        assertThat(d.staircase().trials()).isEqualTo(2);
        assertThat(d.staircase().level()).isEqualTo(start - 3.0);
        waitReady(d);
        assertThat(d.question().level()).isEqualTo(9.0);
        DrillQuestion q3 = d.question();
        GuiActionRunner.execute(() -> d.answer((q3.correctIndex() + 1) % q3.choices().size()));
        assertThat(d.feedbackText()).startsWith("Not this time").contains(q3.choices().get(q3.correctIndex()));
        assertThat(d.staircase().level()).isEqualTo(12.0);
    }

    @Test
    void levelDrillKeepsItsLevelDifferenceAndSavesTheThresholdAtTheEnd() {
        InMemoryProgress progress = new InMemoryProgress();
        DrillPanel d = show(progress, DrillType.LEVEL, Map.of("trials", 5.0, "reversals", 4.0));
        GuiActionRunner.execute(d::startDrill);
        for (int i = 0; i < 5; i++) {
            waitReady(d);
            DrillQuestion q = d.question();
            if (i == 0) {
                List<float[][]> v = d.renderedVersions();
                double a = DrillAudio.lufs(v.get(0), DrillPanel.NOISE_RATE);
                double b = DrillAudio.lufs(v.get(1), DrillPanel.NOISE_RATE);
                double louder = q.correctIndex() == 0 ? a - b : b - a;
                assertThat(louder).isCloseTo(q.level(), within(0.05));
            }
            GuiActionRunner.execute(() -> d.answer(q.correctIndex()));
        }
        assertThat(d.staircase().isFinished()).isTrue();
        assertThat(progress.drillThreshold("level")).isPresent();
        assertThat(d.resultText()).startsWith("You hear a level difference down to").endsWith(" dB.");
    }

    @Test
    void stemDrillUsesTheTrackAndCompressionVersionsAreLoudnessMatched() {
        InMemoryProgress progress = new InMemoryProgress();
        double rate = 48_000;
        float[] quiet = DrillAudio.pinkNoise(10, rate, 5);
        for (int i = 0; i < quiet.length; i++) {
            double t = i / rate;
            quiet[i] *= (float) (t >= 5 && t < 9 ? 1.0 : 0.05);
        }
        List<String> asked = new java.util.ArrayList<>();
        DrillPanel d = GuiActionRunner.execute(() -> {
            DrillPanel p = new DrillPanel(progress, role -> {
                asked.add(role);
                return new DrillPanel.StemExcerpt(new float[][] {quiet}, rate);
            });
            p.setSeed(9);
            p.setDrill("Drill", new LessonStep.Drill(DrillType.COMPRESSION, "stem:bass",
                    Map.of("trials", 10.0, "reversals", 4.0)));
            return p;
        });
        GuiActionRunner.execute(d::startDrill);
        waitReady(d);
        assertThat(asked).containsExactly("bass");
        List<float[][]> v = d.renderedVersions();
        assertThat(v.get(0)[0]).hasSize((int) (DrillAudio.STEM_SECONDS * rate));
        assertThat(DrillAudio.lufs(v.get(0), rate)).isCloseTo(DrillAudio.lufs(v.get(1), rate), within(0.2));
    }

    @Test
    void panQuestionPutsTheSoundOnTheAnsweredSide() {
        InMemoryProgress progress = new InMemoryProgress();
        DrillPanel d = show(progress, DrillType.PAN, Map.of("trials", 10.0, "reversals", 4.0));
        GuiActionRunner.execute(d::startDrill);
        waitReady(d);
        DrillQuestion q = d.question();
        float[][] v = d.renderedVersions().get(0);
        double l = 0;
        double r = 0;
        for (int i = 0; i < v[0].length; i++) {
            l += v[0][i] * v[0][i];
            r += v[1][i] * v[1][i];
        }
        assertThat(q.choices()).containsExactly("Left", "Right");
        assertThat(q.correctIndex() == 0 ? l > r : r > l).isTrue();
    }

    @Test
    void thresholdSentencesCarryUnits() {
        assertThat(DrillPanel.thresholdSentence(DrillType.EQ_BAND, 3.54)).contains("+3.5 dB");
        assertThat(DrillPanel.thresholdSentence(DrillType.COMPRESSION, 2.26)).contains("2.3:1");
        assertThat(DrillPanel.thresholdSentence(DrillType.PAN, 8)).contains("8 %");
    }

    @Test
    void pinkNoiseIsSeededAndRoughlyPink() {
        float[] a = DrillAudio.pinkNoise(2, 44_100, 7);
        float[] b = DrillAudio.pinkNoise(2, 44_100, 7);
        assertThat(a).containsExactly(b);
        // pink: the energy per octave is about equal, so a 1 kHz octave holds about as much as a 4 kHz octave
        double low = bandEnergy(a, 707, 1414);
        double high = bandEnergy(a, 2828, 5657);
        assertThat(10 * Math.log10(high / low)).isBetween(-1.5, 1.5);
    }

    private static double bandEnergy(float[] x, double lo, double hi) {
        int n = 16384;
        double e = 0;
        for (int k = (int) (lo * n / 44_100.0); k <= (int) (hi * n / 44_100.0); k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double ph = 2 * Math.PI * k * i / n;
                re += x[i] * Math.cos(ph);
                im -= x[i] * Math.sin(ph);
            }
            e += re * re + im * im;
        }
        return e;
    }
}
